import type { HalLink } from '../../errors.js'
import type { Customer, CustomerFields } from './customer.js'
import { controllerRetryRequested, documentRequestedFor } from './magic-values.js'
import { HAL_FORMS_TYPE, HalLinks } from '../../hal/hal-links.js'
import type { ApplicationWorld } from '../../world/application-world.js'
import type { MockContext } from '../../world/mock-context.js'

/**
 * A customer as the API answers it: its own links, then those other resources add or take away
 * (world/resource.ts, `linkDecorations`), such as beneficial ownership's `send`.
 */
export function decoratedCustomerRepresentation(mock: MockContext, world: ApplicationWorld, customer: Customer, links: HalLinks): Record<string, unknown> {
  const body = customerRepresentation(customer, links)
  mock.decorateLinks('customer', world, customer.id, body._links as Record<string, HalLink>, links)
  // Verification directives (business handle-verification-statuses.mdx): `_embedded.errors`.
  const errors = mock.embeddedErrors('customer', world, customer.id, links)
  if (errors.length > 0) body._embedded = { errors }
  return body
}

/**
 * A customer as GET /customers/{id}, GET /customers and POST /customers/{id} answer it: one
 * shape everywhere. `_links` are Dwolla's per-status links, `created` is ISO 8601 with
 * milliseconds and Z (the `dwolla` SDK requires a zone), and ssn, dateOfBirth and ein are never
 * there (mock-dwolla does not even keep them).
 */
export function customerRepresentation(customer: Customer, links: HalLinks): Record<string, unknown> {
  const body: Record<string, unknown> = {
    _links: customerLinks(customer, links),
    id: customer.id,
    firstName: customer.firstName,
    lastName: customer.lastName,
    email: customer.email,
    type: customer.type,
    status: customer.status,
    created: new Date(customer.created).toISOString(),
  }
  for (const field of DETAIL_ORDER) if (customer[field] !== undefined) body[field] = customer[field]
  return body
}

/** Dwolla's field order in its examples, after the identity fields. */
const DETAIL_ORDER: ReadonlyArray<keyof CustomerFields> = [
  'address1',
  'address2',
  'city',
  'state',
  'postalCode',
  'phone',
  'businessName',
  'doingBusinessAs',
  'website',
  'businessType',
  'businessClassification',
  'controller',
  'correlationId',
]

/** Where each link relation points, relative to the customer, and what it is. */
const RELATIONS: Readonly<Record<string, (links: HalLinks, id: string) => HalLink>> = {
  self: (links, id) => links.to('customer', id),
  edit: (links, id) => links.to('customer', id),
  'edit-form': (links, id) => links.link(HalLinks.pathOf('customer', id), 'customer', HAL_FORMS_TYPE),
  deactivate: (links, id) => links.to('customer', id),
  reactivate: (links, id) => links.to('customer', id),
  'retry-verification': (links, id) => links.to('customer', id),
  'retry-with-full-ssn': (links, id) => links.to('customer', id),
  'funding-sources': (links, id) => links.link(HalLinks.pathOf('customer', id, 'funding-sources'), 'funding-source'),
  transfers: (links, id) => links.link(HalLinks.pathOf('customer', id, 'transfers'), 'transfer'),
  send: (links) => links.to('transfer'),
  receive: (links) => links.to('transfer'),
  'document-form': (links, id) => links.link(HalLinks.pathOf('customer', id, 'documents'), 'document', HAL_FORMS_TYPE),
  'verify-with-document': (links, id) => links.link(HalLinks.pathOf('customer', id, 'documents'), 'document'),
  'verify-business-with-document': (links, id) => links.link(HalLinks.pathOf('customer', id, 'documents'), 'document'),
  'verify-controller-and-business-with-document': (links, id) => links.link(HalLinks.pathOf('customer', id, 'documents'), 'document'),
  kba: (links, id) => links.link(HalLinks.pathOf('customer', id, 'kba'), 'kba'),
  'beneficial-owners': (links, id) => links.link(HalLinks.pathOf('customer', id, 'beneficial-owners'), 'beneficial-owner'),
  'verify-beneficial-owners': (links, id) => links.link(HalLinks.pathOf('customer', id, 'beneficial-owners'), 'beneficial-owner'),
  'certify-beneficial-ownership': (links, id) => links.link(HalLinks.pathOf('customer', id, 'beneficial-ownership'), 'beneficial-ownership'),
}

const ACTIVE = ['deactivate', 'self', 'receive', 'edit-form', 'edit', 'funding-sources', 'transfers', 'send']

/**
 * The link relations a customer has in its status. Documented examples: personal verified,
 * retry and document; business verified (no `send` until beneficial ownership is certified),
 * retry and document (dev-portal customers/index.mdx, update.mdx, the verification-status
 * guides). The rest follow from what the API lets the customer do (inferred): a deactivated
 * customer can be reactivated, a suspended one nothing, a receive-only one cannot send.
 */
function relationsOf(customer: Customer): string[] {
  switch (customer.status) {
    case 'deactivated':
      return ['self', 'reactivate']
    case 'suspended':
      return ['self']
    case 'unverified':
      return customer.type === 'receive-only' ? ACTIVE.filter((relation) => relation !== 'send') : ACTIVE
    case 'kba':
      return ['deactivate', 'self', 'edit-form', 'edit', 'funding-sources', 'transfers', 'kba']
    case 'retry':
      return [
        'deactivate',
        'self',
        'edit-form',
        'edit',
        'funding-sources',
        'retry-verification',
        'transfers',
        ...(controllerRetryRequested(customer) ? ['retry-with-full-ssn'] : []),
      ]
    case 'document':
      return ['self', 'funding-sources', 'transfers', 'document-form', documentRelation(customer)]
    case 'verified':
      if (customer.type === 'business' && customer.businessType !== 'soleProprietorship') {
        return [
          'verify-beneficial-owners',
          'beneficial-owners',
          'deactivate',
          'self',
          'receive',
          'edit-form',
          'edit',
          'certify-beneficial-ownership',
          'funding-sources',
          'transfers',
        ]
      }
      return ACTIVE
  }
}

/** Which document a business owes decides the link (business handle-verification-statuses.mdx). */
function documentRelation(customer: Customer): string {
  if (customer.type !== 'business') return 'verify-with-document'
  const { controller, business } = documentRequestedFor(customer)
  if (controller && business) return 'verify-controller-and-business-with-document'
  return business ? 'verify-business-with-document' : 'verify-with-document'
}

function customerLinks(customer: Customer, links: HalLinks): Record<string, HalLink> {
  return Object.fromEntries(
    relationsOf(customer).map((relation) => [relation, (RELATIONS[relation] as (l: HalLinks, id: string) => HalLink)(links, customer.id)]),
  )
}
