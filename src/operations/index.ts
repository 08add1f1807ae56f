import type { OperationHandler } from '../http/openapi-routes.js'
import type { MockState } from '../mock-state.js'
import { getAccount } from '../resources/accounts/operations/getAccount.js'
import { listBusinessClassifications } from '../resources/business-classifications/operations/listBusinessClassifications.js'
import { retrieveBusinessClassification } from '../resources/business-classifications/operations/retrieveBusinessClassification.js'
import { createApplicationAccessToken } from '../resources/tokens/operations/createApplicationAccessToken.js'
import { createClientToken } from '../resources/tokens/operations/createClientToken.js'
import { createCustomer } from '../resources/customers/operations/createCustomer.js'
import { getCustomer } from '../resources/customers/operations/getCustomer.js'
import { listAndSearchCustomers } from '../resources/customers/operations/listAndSearchCustomers.js'
import { update } from '../resources/customers/operations/update.js'
import { getEvent } from '../resources/events/operations/getEvent.js'
import { listEvents } from '../resources/events/operations/listEvents.js'
import { getRoot } from '../resources/root/operations/getRoot.js'
import { createWebhookSubscription } from '../resources/webhook-subscriptions/operations/createWebhookSubscription.js'
import { delete as deleteWebhookSubscription } from '../resources/webhook-subscriptions/operations/delete.js'
import { getWebhookSubscription } from '../resources/webhook-subscriptions/operations/getWebhookSubscription.js'
import { listWebhooks } from '../resources/webhook-subscriptions/operations/listWebhooks.js'
import { listWebhookSubscriptions } from '../resources/webhook-subscriptions/operations/listWebhookSubscriptions.js'
import { updateWebhookSubscription } from '../resources/webhook-subscriptions/operations/updateWebhookSubscription.js'
import { getWebhook } from '../resources/webhooks/operations/getWebhook.js'
import { listWebhookRetries } from '../resources/webhooks/operations/listWebhookRetries.js'
import { retryWebhook } from '../resources/webhooks/operations/retryWebhook.js'

/** Every operation of the document, keyed by its operationId (a search of the document finds the code). */
export function operationHandlers(state: MockState): Record<string, OperationHandler> {
  return {
    createApplicationAccessToken: createApplicationAccessToken(state),
    createClientToken: createClientToken(state),
    getRoot: getRoot(state),
    getAccount: getAccount(state),
    listAndSearchCustomers: listAndSearchCustomers(state),
    createCustomer: createCustomer(state),
    getCustomer: getCustomer(state),
    update: update(state),
    listBusinessClassifications: listBusinessClassifications(state),
    retrieveBusinessClassification: retrieveBusinessClassification(state),
    listEvents: listEvents(state),
    getEvent: getEvent(state),
    listWebhookSubscriptions: listWebhookSubscriptions(state),
    createWebhookSubscription: createWebhookSubscription(state),
    getWebhookSubscription: getWebhookSubscription(state),
    updateWebhookSubscription: updateWebhookSubscription(state),
    delete: deleteWebhookSubscription(state),
    listWebhooks: listWebhooks(state),
    getWebhook: getWebhook(state),
    retryWebhook: retryWebhook(state),
    listWebhookRetries: listWebhookRetries(state),
  }
}
