import type { OperationHandler } from '../http/openapi-routes.js'
import type { MockContext } from '../world/mock-context.js'
import type { Resource } from '../world/resource.js'

/** Every resource's operations, keyed by operationId (a search of the document finds the code); an operationId twice is a bug. */
export function operationHandlers(resources: readonly Resource[], mock: MockContext): Record<string, OperationHandler> {
  const handlers: Record<string, OperationHandler> = {}
  for (const resource of resources) {
    for (const [operationId, make] of Object.entries(resource.operations ?? {})) {
      if (Object.hasOwn(handlers, operationId)) throw new Error(`${resource.name}: operation ${operationId} is served by another resource too`)
      handlers[operationId] = make(mock)
    }
  }
  return handlers
}
