import { DwollaError, type HalLink } from '../../errors.js'
import { HalLinks } from '../../hal/hal-links.js'
import type { SandboxSimulation } from '../../world/mock-context.js'
import type { EmbeddedErrorsOf } from '../../world/resource.js'
import { CUSTOMERS } from '../customers/index.js'
import { DIRECTIVES, isDirectiveCode } from './directives.js'
import { DIRECTIVES_PART } from './directives-part.js'

const CUSTOMER_ID = /\/customers\/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\/?$/

/**
 * `{"type":"customer-verification","_links":{"customer":{"href":…}},"errorCode":…}`: the business
 * customer gets the directive in its `_embedded.errors`, and the answer is 200
 * `{_links.self, errorCode}` (Dwolla's newer spec). Any status is accepted (the newer spec says
 * retry or document; inferred). Another customer type, an unknown customer or code: 400
 * BadRequest, as the spec's only error.
 */
export const simulateCustomerVerification: SandboxSimulation = (world, body, _mock, hal) => {
  const href = (body._links as { customer?: { href?: unknown } } | undefined)?.customer?.href
  const id = typeof href === 'string' ? CUSTOMER_ID.exec(href)?.[1] : undefined
  const customer = id === undefined ? undefined : world.get(CUSTOMERS).get(id)
  const { errorCode } = body
  if (customer?.type !== 'business' || !isDirectiveCode(errorCode)) throw new DwollaError('BadRequest')
  world.get(DIRECTIVES_PART).add(customer.id, errorCode)
  return { status: 200, body: { _links: { self: hal.to('sandbox-simulation') }, errorCode } }
}

/** A customer's directives as `_embedded.errors` entries: code, message, and the link to act on. */
export const directiveErrors: EmbeddedErrorsOf = (world, id, hal) =>
  (world.peek(DIRECTIVES_PART)?.of(id) ?? []).map((code) => {
    const { message, action } = DIRECTIVES[code]
    const documents = hal.link(HalLinks.pathOf('customer', id, 'documents'), 'document')
    const link: Record<string, HalLink> =
      action === 'retry'
        ? { 'retry-verification': hal.to('customer', id) }
        : action === 'business-document'
          ? { 'verify-business-with-document': documents }
          : { 'verify-with-document': documents }
    return { code, message, path: '', _links: link }
  })
