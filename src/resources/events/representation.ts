import type { HalLinks } from '../../hal/hal-links.js'
import { accountIdFor } from '../accounts/index.js'
import type { DwollaEvent } from './event-store.js'

/**
 * An event as GET /events/{id} and GET /events answer it, and as a webhook carries it: the links
 * and fields of Dwolla's event examples (dev-portal balance/webhook-events.mdx), in their order.
 * `resource` is typed but without a `resource-type`, as in the examples; `customer` is there when
 * the event concerns one, and `correlationId` when the transfer it is about carries one.
 */
export function eventRepresentation(event: DwollaEvent, links: HalLinks): Record<string, unknown> {
  const { 'resource-type': _resourceType, ...resource } = links.to(event.resourceType, event.resourceId)
  return {
    _links: {
      account: links.to('account', accountIdFor(event.clientId)),
      ...(event.customerId === undefined ? {} : { customer: links.to('customer', event.customerId) }),
      resource,
      self: links.to('event', event.id),
    },
    created: new Date(event.created).toISOString(),
    id: event.id,
    resourceId: event.resourceId,
    topic: event.topic,
    ...(event.correlationId === undefined ? {} : { correlationId: event.correlationId }),
  }
}
