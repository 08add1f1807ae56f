/** "limit: default 25, max 200" (dev-portal list-and-search.mdx; Dwolla's other lists page alike). */
const DEFAULT_LIMIT = 25
const MAX_LIMIT = 200

/** The paging parameters of a list, as the document's validators have already checked them. */
export interface PageQuery {
  limit?: number | string
  offset?: number | string
}

/**
 * Which part of a list a request asks for: `limit` (default 25; over 200 is taken as 200,
 * inferred) from `offset` (default 0). Values the document does not allow never get here: the
 * operation answers them with a ValidationError first.
 */
export function pageWindowOf(query: PageQuery): { limit: number; offset: number } {
  return { limit: Math.min(Number(query.limit ?? DEFAULT_LIMIT), MAX_LIMIT), offset: Number(query.offset ?? 0) }
}
