import type { DirectiveCode } from './directives.js'

/**
 * One application's verification directives, by business customer: each code at most once per
 * customer, so a customer holds at most the five codes. A directive stays until the customer is
 * verified.
 */
export class DirectiveStore {
  readonly #byCustomer = new Map<string, DirectiveCode[]>()

  constructor(private readonly onChange: () => void) {}

  /** How many directives it holds, for its weight. */
  get size(): number {
    let count = 0
    for (const codes of this.#byCustomer.values()) count += codes.length
    return count
  }

  of(customerId: string): readonly DirectiveCode[] {
    return this.#byCustomer.get(customerId.toLowerCase()) ?? []
  }

  add(customerId: string, code: DirectiveCode): void {
    const id = customerId.toLowerCase()
    const codes = this.#byCustomer.get(id) ?? []
    if (!codes.includes(code)) this.#byCustomer.set(id, [...codes, code])
    this.onChange()
  }

  clear(customerId: string): void {
    if (this.#byCustomer.delete(customerId.toLowerCase())) this.onChange()
  }
}
