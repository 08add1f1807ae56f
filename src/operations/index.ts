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
import { getRoot } from './root/getRoot.js'

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
  }
}
