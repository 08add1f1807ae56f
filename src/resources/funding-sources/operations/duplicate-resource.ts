import { DwollaError } from '../../../errors.js'
import type { HalLinks } from '../../../hal/hal-links.js'
import { DuplicateBank } from '../funding-source-store.js'

/**
 * Runs a change that may meet a bank its owner already has, and answers that as Dwolla does:
 * `400 DuplicateResource "Bank already exists: id=<uuid>"` with `_links.about` the existing bank
 * (Dwolla's spec, DuplicateFundingSourceError), which code written against Dwolla follows.
 */
export function answeringDuplicates<T>(links: HalLinks, change: () => T): T {
  try {
    return change()
  } catch (error) {
    if (!(error instanceof DuplicateBank)) throw error
    throw new DwollaError('DuplicateResource', { message: error.message, links: { about: links.to('funding-source', error.existingId) } })
  }
}
