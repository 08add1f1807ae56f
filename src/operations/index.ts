import type { OperationHandler } from '../http/openapi-routes.js'
import type { MockState } from '../mock-state.js'
import { getAccount } from './accounts/getAccount.js'
import { listBusinessClassifications } from './business-classifications/listBusinessClassifications.js'
import { retrieveBusinessClassification } from './business-classifications/retrieveBusinessClassification.js'
import { createApplicationAccessToken } from './createApplicationAccessToken.js'
import { createClientToken } from './createClientToken.js'
import { createCustomer } from './customers/createCustomer.js'
import { getCustomer } from './customers/getCustomer.js'
import { listAndSearchCustomers } from './customers/listAndSearchCustomers.js'
import { update } from './customers/update.js'
import { getEvent } from './events/getEvent.js'
import { listEvents } from './events/listEvents.js'
import { getRoot } from './root/getRoot.js'
import { createWebhookSubscription } from './webhook-subscriptions/createWebhookSubscription.js'
import { delete as deleteWebhookSubscription } from './webhook-subscriptions/delete.js'
import { getWebhookSubscription } from './webhook-subscriptions/getWebhookSubscription.js'
import { listWebhooks } from './webhook-subscriptions/listWebhooks.js'
import { listWebhookSubscriptions } from './webhook-subscriptions/listWebhookSubscriptions.js'
import { updateWebhookSubscription } from './webhook-subscriptions/updateWebhookSubscription.js'
import { getWebhook } from './webhooks/getWebhook.js'
import { listWebhookRetries } from './webhooks/listWebhookRetries.js'
import { retryWebhook } from './webhooks/retryWebhook.js'

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
