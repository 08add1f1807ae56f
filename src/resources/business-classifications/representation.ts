import type { BusinessClassification } from './catalogue.js'
import type { HalLinks } from '../../hal/hal-links.js'

/** A business classification with its industry classifications embedded, as Dwolla answers one. */
export function businessClassificationRepresentation(classification: BusinessClassification, links: HalLinks): Record<string, unknown> {
  return {
    _links: { self: links.to('business-classification', classification.id) },
    _embedded: { 'industry-classifications': classification.industries.map(({ id, name }) => ({ id, name })) },
    id: classification.id,
    name: classification.name,
  }
}
