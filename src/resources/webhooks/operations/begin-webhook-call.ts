import type { FastifyRequest } from 'fastify'
import { NOT_FOUND_MESSAGES } from '../../../errors.js'
import type { RequestCheck } from '../../../http/openapi-routes.js'
import type { MockContext } from '../../../world/mock-context.js'
import type { Webhook } from '../../../webhook-delivery/webhook-history.js'
import { beginResourceCall } from '../../../http/begin-resource-call.js'

/** How an operation on /webhooks/{id} starts: the API call's checks, then the webhook or 404 "Webhook not found.". */
export function beginWebhookCall(
  request: FastifyRequest,
  check: RequestCheck,
  mock: MockContext,
  operationId: 'getWebhook' | 'retryWebhook' | 'listWebhookRetries',
): Webhook {
  return beginResourceCall(request, check, mock, operationId, (clientId, id) => mock.webhooks.find(clientId, id), NOT_FOUND_MESSAGES.webhook).resource
}
