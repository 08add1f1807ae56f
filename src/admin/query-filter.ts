import { FilterError, readFilter, type FilterName, type FilterOf } from '../test-double-filters.js'
import { AdminError } from './admin-error.js'

/** A filter from an admin query string: each key at most once, and only the names given. */
export function filterFrom<K extends string>(query: Record<string, string | string[]>, names: readonly K[]): Partial<Record<K, string>> {
  const filter: Partial<Record<K, string>> = {}
  for (const [name, value] of Object.entries(query)) {
    if (!(names as readonly string[]).includes(name)) {
      throw new AdminError(400, 'InvalidQuery', `unknown filter ${JSON.stringify(name)}: filter by ${names.join(', ')}`)
    }
    if (typeof value !== 'string') throw new AdminError(400, 'InvalidQuery', `${name}: give it once`)
    filter[name as K] = value
  }
  return filter
}

/**
 * One of the test double's filters from a query string, read as the in-process methods read it
 * (test-double-filters.ts): each key at most once; a refusal is a 400 that says why.
 */
export function testDoubleFilter<N extends FilterName>(query: Record<string, string | string[]>, name: N): FilterOf<N> {
  for (const [key, value] of Object.entries(query)) {
    if (typeof value !== 'string') throw new AdminError(400, 'InvalidQuery', `${key}: give it once`)
  }
  try {
    return readFilter(name, query)
  } catch (error) {
    if (error instanceof FilterError) throw new AdminError(400, 'InvalidQuery', error.message)
    throw error
  }
}
