import type { OperationHandler } from '../http/openapi-routes.js'
import type { MockState } from '../mock-state.js'
import { createApplicationAccessToken } from './createApplicationAccessToken.js'
import { createClientToken } from './createClientToken.js'

/** Every operation of the document, keyed by its operationId (a search of the document finds the code). */
export function operationHandlers(state: MockState): Record<string, OperationHandler> {
  return {
    createApplicationAccessToken: createApplicationAccessToken(state),
    createClientToken: createClientToken(state),
  }
}
