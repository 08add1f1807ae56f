import { validationError, type DwollaError, type EmbeddedError, type HalLink } from '../../errors.js'
import type { CustomerProblems } from './customer-problems.js'
import type { HalLinks } from '../../hal/hal-links.js'

/**
 * The model's field problems as Dwolla's ValidationError. A Duplicate links to the customer that
 * already exists (`_links.about`), which code written against Dwolla reads to recover it.
 */
export function customerValidationError(rejected: CustomerProblems, links: HalLinks): DwollaError {
  return validationError(
    rejected.problems.map(({ duplicateOf, ...problem }): EmbeddedError => {
      const related: Record<string, HalLink> = {}
      if (duplicateOf !== undefined) related.about = links.to('customer', duplicateOf)
      return { ...problem, _links: related }
    }),
  )
}
