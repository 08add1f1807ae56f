/**
 * What a client token's action lets it call as a Bearer token (dwolla-web.js sends client tokens
 * straight to the API): an operation, on the token's own customer only or on any. Each resource
 * declares the grants of its operations; the registry gathers them.
 */
export interface ClientTokenGrant {
  action: string
  operationId: string
  /** `own`: only on the customer the token was issued for. */
  customer: 'own' | 'any'
}

/** The grants gathered, by action and operation: whether the call must be on the token's own customer. */
export class ClientTokenGrants {
  readonly #byAction = new Map<string, Map<string, boolean>>()

  constructor(grants: readonly ClientTokenGrant[]) {
    for (const { action, operationId, customer } of grants) {
      const operations = this.#byAction.get(action) ?? new Map<string, boolean>()
      operations.set(operationId, customer === 'own')
      this.#byAction.set(action, operations)
    }
  }

  /** Undefined when the action does not grant the operation; else whether it is on its own customer only. */
  ownCustomerOnly(action: string, operationId: string): boolean | undefined {
    return this.#byAction.get(action)?.get(operationId)
  }
}
