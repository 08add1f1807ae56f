import type { HalLinks, PageWindow, ResourceType } from './hal-links.js'

/** Where a list lives and what it embeds: `/events` embedding `events`, say. */
export interface ListShape {
  path: string
  resourceType: ResourceType
  /** The `_embedded` key, as Dwolla names it (`events`, `customers`, `webhooks`). */
  embedded: string
}

/**
 * One page of a list, as Dwolla answers its lists: the paging links (keeping the filters), the
 * page's items under `_embedded`, and the `total` of the whole list.
 */
export function pagedList<T>(
  links: HalLinks,
  shape: ListShape,
  items: readonly T[],
  window: Omit<PageWindow, 'total'>,
  render: (item: T) => unknown,
  filters: ReadonlyArray<[string, string]> = [],
): Record<string, unknown> {
  const { limit, offset } = window
  return {
    _links: links.page(shape.path, shape.resourceType, { limit, offset, total: items.length }, filters),
    _embedded: { [shape.embedded]: items.slice(offset, offset + limit).map(render) },
    total: items.length,
  }
}
