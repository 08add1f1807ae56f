import type { FastifyRequest } from 'fastify'
import { NOT_FOUND_MESSAGES } from '../../../errors.js'
import type { RequestCheck } from '../../../http/openapi-routes.js'
import type { RequestProblems } from '../../../http/validation-errors.js'
import { SUBSCRIPTIONS } from '../subscriptions-part.js'
import type { MockContext } from '../../../world/mock-context.js'
import type { SubscriptionStore, WebhookSubscription } from '../subscription-store.js'
import { beginResourceCall } from '../../../http/begin-resource-call.js'

/** How an operation on /webhook-subscriptions/{id} starts: the API call's checks, then the subscription or 404. */
export function beginSubscriptionCall(
  request: FastifyRequest,
  check: RequestCheck,
  mock: MockContext,
  operationId: 'getWebhookSubscription' | 'updateWebhookSubscription' | 'delete' | 'listWebhooks',
): { problems: RequestProblems; subscription: WebhookSubscription; store: SubscriptionStore } {
  const { clientId, problems, resource } = beginResourceCall(
    request,
    check,
    mock,
    operationId,
    (clientId, id) => mock.worlds.open(clientId).get(SUBSCRIPTIONS).get(id),
    NOT_FOUND_MESSAGES.webhookSubscription,
  )
  return { problems, subscription: resource, store: mock.worlds.open(clientId).get(SUBSCRIPTIONS) }
}
