import { accountIdFor } from '../accounts/account-id.js'
import type { DwollaEvent } from './event-store.js'
import type { HalLinks } from '../../hal/hal-links.js'

/**
 * An event as GET /events/{id} and GET /events answer it, and as a webhook carries it: the links
 * and fields of Dwolla's customer-event example (dev-portal balance/webhook-events.mdx), in its
 * order. `resource` is the customer too, typed but without a `resource-type`, as in the example.
 */
export function eventRepresentation(event: DwollaEvent, links: HalLinks): Record<string, unknown> {
  const { 'resource-type': _resourceType, ...resource } = links.to('customer', event.resourceId)
  return {
    _links: {
      account: links.to('account', accountIdFor(event.clientId)),
      customer: links.to('customer', event.resourceId),
      resource,
      self: links.to('event', event.id),
    },
    created: new Date(event.created).toISOString(),
    id: event.id,
    resourceId: event.resourceId,
    topic: event.topic,
  }
}
