const CUSTOMERS = '/customers/'
/** What a customer id never holds: the path, query and fragment delimiters, and white space. */
const NOT_IN_ID = /[/?#\s]/

/**
 * The customer id at the end of a customer href (`…/customers/<id>`, a trailing slash allowed),
 * lowercased as Dwolla writes UUIDs; undefined when the value is not such an href. Read with
 * string searches rather than one regular expression over the whole href: this runs for every
 * client token asked for.
 */
export function customerIdOf(href: unknown): string | undefined {
  if (typeof href !== 'string') return undefined
  const end = href.endsWith('/') ? href.length - 1 : href.length
  const start = href.lastIndexOf('/', end - 1) + 1
  if (start < CUSTOMERS.length || start === end || !href.startsWith(CUSTOMERS, start - CUSTOMERS.length)) return undefined
  const id = href.slice(start, end)
  return NOT_IN_ID.test(id) ? undefined : id.toLowerCase()
}
