import type { HalLink } from '../../../errors.js'
import type { HalLinks } from '../../../hal/hal-links.js'
import type { FundingSource } from '../funding-source.js'
import { fundingSourceRepresentation, type OwnerView } from '../representation.js'

/**
 * The `removed` filter as both SDKs send it: `?removed=false` (a string from `dwolla@1.1.1`, a
 * boolean dwolla-v2 writes the same way). The document allows only `true` and `false`, so
 * anything else never gets here; absent lists everything, removed funding sources included.
 */
export function removedFilter(query: unknown): boolean | undefined {
  const value = (query as { removed?: string | boolean }).removed
  if (value === undefined) return undefined
  return value === true || value === 'true'
}

/**
 * An owner's funding sources as Dwolla lists them (list-funding-sources-for-a-customer.mdx):
 * `_links.self` (keeping the `removed` filter) and the owner, every one under
 * `_embedded["funding-sources"]` (these lists have no pages), and `total` (Dwolla's spec allows
 * it; the `dwolla` SDK reads it as a number).
 */
export function fundingSourceList(
  links: HalLinks,
  path: string,
  ownerLink: HalLink,
  owner: OwnerView,
  sources: readonly FundingSource[],
  removed: boolean | undefined,
): Record<string, unknown> {
  const self = links.link(removed === undefined ? path : `${path}?removed=${String(removed)}`, 'funding-source')
  return {
    _links: { self, [owner.kind]: ownerLink },
    _embedded: { 'funding-sources': sources.map((source) => fundingSourceRepresentation(source, owner, links)) },
    total: sources.length,
  }
}
