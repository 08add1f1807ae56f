import type { FastifyRequest } from 'fastify'
import { NOT_FOUND_MESSAGES } from '../../../errors.js'
import type { RequestCheck } from '../../../http/openapi-routes.js'
import type { RequestProblems } from '../../../http/validation-errors.js'
import type { MockState } from '../../../mock-state.js'
import type { WebhookSubscription } from '../subscription-store.js'
import { beginResourceCall } from '../../../http/begin-resource-call.js'

/** How an operation on /webhook-subscriptions/{id} starts: the API call's checks, then the subscription or 404. */
export function beginSubscriptionCall(
  request: FastifyRequest,
  check: RequestCheck,
  state: MockState,
  operationId: 'getWebhookSubscription' | 'updateWebhookSubscription' | 'delete' | 'listWebhooks',
): { problems: RequestProblems; subscription: WebhookSubscription } {
  const { problems, resource } = beginResourceCall(
    request,
    check,
    state,
    operationId,
    (clientId, id) => state.webhooks.subscriptionStore.get(clientId, id),
    NOT_FOUND_MESSAGES.webhookSubscription,
  )
  return { problems, subscription: resource }
}
