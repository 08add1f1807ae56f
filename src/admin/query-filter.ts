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
