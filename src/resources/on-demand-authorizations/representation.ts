import type { HalLinks } from '../../hal/hal-links.js'
import type { OnDemandAuthorization } from './authorization-store.js'

/**
 * What POST /on-demand-authorizations answers (create-an-on-demand-transfer-authorization.mdx):
 * its `self`, and the text and button a customer agrees with, naming the company; the company is
 * the application's name, which in mock-dwolla is its key (as the account's `name`).
 */
export function authorizationRepresentation(authorization: OnDemandAuthorization, company: string, links: HalLinks): Record<string, unknown> {
  return {
    _links: { self: links.to('on-demand-authorization', authorization.id) },
    bodyText: `I agree that future payments to ${company} will be processed by the Dwolla payment system from the selected account above. In order to cancel this authorization, I will change my payment settings within my ${company} account.`,
    buttonText: 'Agree & Continue',
  }
}
