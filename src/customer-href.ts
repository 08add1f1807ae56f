/**
 * The customer id at the end of a customer href (`…/customers/<id>`), lowercased as Dwolla
 * writes UUIDs; undefined when the value is not such an href.
 */
export function customerIdOf(href: unknown): string | undefined {
  if (typeof href !== 'string') return undefined
  const match = /\/customers\/([^/?#\s]+)\/?$/.exec(href)
  return match?.[1]?.toLowerCase()
}
