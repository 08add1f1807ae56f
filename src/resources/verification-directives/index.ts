import type { Resource } from '../../world/resource.js'
import { DIRECTIVES_PART } from './directives-part.js'
import { directiveErrors, simulateCustomerVerification } from './simulate-verification.js'

/**
 * Verification directives: what the sandbox's `customer-verification` simulation asks of a
 * business, shown in the customer's `_embedded.errors` until it is verified.
 */
export const verificationDirectives: Resource = {
  name: 'verification-directives',
  sandbox: { types: { 'customer-verification': simulateCustomerVerification } },
  embeddedErrors: { customer: directiveErrors },
  reactions: { customer_verified: (world, event) => world.peek(DIRECTIVES_PART)?.clear(event.resourceId) },
}
