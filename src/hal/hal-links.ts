import type { HalLink } from '../errors.js'
import { DWOLLA_MEDIA_TYPE } from '../http/media-types.js'

/** The media type of Dwolla's `edit-form` and `document-form` links (customers/index.mdx). */
export const HAL_FORMS_TYPE = `${DWOLLA_MEDIA_TYPE}; profile="https://github.com/dwolla/hal-forms"`

/** Where each kind of resource lives, by Dwolla's `resource-type` names. */
const COLLECTIONS = {
  account: '/accounts',
  customer: '/customers',
  'business-classification': '/business-classifications',
  'funding-source': '/funding-sources',
  transfer: '/transfers',
  document: '/documents',
  'beneficial-owner': '/beneficial-owners',
  event: '/events',
  'webhook-subscription': '/webhook-subscriptions',
  webhook: '/webhooks',
  'on-demand-authorization': '/on-demand-authorizations',
  'mass-payment': '/mass-payments',
  'mass-payment-item': '/mass-payment-items',
  label: '/labels',
  'ledger-entry': '/ledger-entries',
  'label-reallocation': '/label-reallocations',
  kba: '/kba',
  'sandbox-simulation': '/sandbox-simulations',
  exchange: '/exchanges',
  'exchange-partner': '/exchange-partners',
  'exchange-session': '/exchange-sessions',
} as const

export type ResourceType = keyof typeof COLLECTIONS

/** A page of a list: how many were asked for, from where, and how many there are in all. */
export interface PageWindow {
  limit: number
  offset: number
  total: number
}

/**
 * The one place hrefs are made: every `_links` entry and every `Location` is built here from the
 * request's base URL, so nothing else writes a URL by hand. Links carry `type` and
 * `resource-type`, as Dwolla's current responses do.
 */
export class HalLinks {
  constructor(readonly base: string) {}

  /** An absolute URL on the mock, e.g. for `Location`. */
  url(path: string): string {
    return `${this.base}${path}`
  }

  /** The path of a collection, a resource in it, or something under a resource. */
  static pathOf(resourceType: ResourceType, id?: string, under?: string): string {
    const collection = COLLECTIONS[resourceType]
    return `${collection}${id === undefined ? '' : `/${id}`}${under === undefined ? '' : `/${under}`}`
  }

  /** A typed link to a path. */
  link(path: string, resourceType: string, type: string = DWOLLA_MEDIA_TYPE): HalLink {
    return { href: this.url(path), type, 'resource-type': resourceType }
  }

  /** A typed link to a resource (or a collection, or something under a resource). */
  to(resourceType: ResourceType, id?: string, under?: string): HalLink {
    return this.link(HalLinks.pathOf(resourceType, id, under), resourceType)
  }

  /**
   * A list's paging links: self, first and last always, next and prev where there is such a
   * page (Dwolla's list examples). The query the list was asked with is kept in every link, so
   * following `next` keeps the filters (inferred: Dwolla documents no example with filters).
   */
  page(path: string, resourceType: ResourceType, window: PageWindow, filters: ReadonlyArray<[string, string]> = []): Record<string, HalLink> {
    const { limit, offset, total } = window
    const at = (start: number) => {
      const query = new URLSearchParams([['limit', String(limit)], ['offset', String(start)], ...filters])
      return this.link(`${path}?${query.toString()}`, resourceType)
    }
    const links: Record<string, HalLink> = { self: at(offset), first: at(0) }
    if (offset + limit < total) links.next = at(offset + limit)
    if (offset > 0) links.prev = at(Math.max(0, offset - limit))
    links.last = at(total === 0 ? 0 : Math.floor((total - 1) / limit) * limit)
    return links
  }
}
