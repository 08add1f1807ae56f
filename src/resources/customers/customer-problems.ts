import type { EmbeddedError } from '../../errors.js'

/**
 * A problem with one field of a customer request, in Dwolla's embedded-error terms. The model
 * knows no URLs, so a Duplicate names the customer that already exists by id; the HTTP layer
 * turns it into the `_links.about` Dwolla answers with.
 */
export interface FieldProblem {
  code: EmbeddedError['code']
  message: string
  /** A JSON pointer into the request body, e.g. `/email` or `/controller/address/country`. */
  path: string
  /** For a Duplicate: the id of the customer that already has the value. */
  duplicateOf?: string
}

/** Thrown by the model when a request's fields are wrong: a Dwolla ValidationError, once rendered. */
export class CustomerProblems extends Error {
  constructor(readonly problems: readonly FieldProblem[]) {
    super(problems.map((problem) => `${problem.path}: ${problem.message}`).join('; '))
    this.name = 'CustomerProblems'
  }
}

/**
 * A field's name as Dwolla's messages write it: PascalCase, nested names joined with dots
 * ("FirstName required.", "DateOfBirth value not allowed."; nesting is inferred:
 * "Controller.Address.Country required.").
 */
export function fieldLabel(path: string): string {
  return path
    .slice(1)
    .split('/')
    .map((segment) => segment.charAt(0).toUpperCase() + segment.slice(1))
    .join('.')
}

const MESSAGE_BY_CODE: Partial<Record<EmbeddedError['code'], (label: string) => string>> = {
  Required: (label) => `${label} required.`,
  Invalid: (label) => `${label} invalid.`,
  InvalidFormat: (label) => `${label} invalid.`,
  NotAllowed: (label) => `${label} value not allowed.`,
  // Dwolla documents the ReadOnly code but no message for it (inferred).
  ReadOnly: (label) => `${label} cannot be updated.`,
}

/** A problem with Dwolla's message for its code ("Email invalid.", "Ssn required."). */
export function problemAt(path: string, code: Exclude<EmbeddedError['code'], 'Duplicate' | 'Restricted'>): FieldProblem {
  const message = MESSAGE_BY_CODE[code] as (label: string) => string
  return { code, message: message(fieldLabel(path)), path }
}

/** Dwolla's documented duplicate-email message; correlationId's follows its pattern (inferred). */
export function duplicateAt(path: '/email' | '/correlationId', existingId: string): FieldProblem {
  const field = path === '/email' ? 'email' : 'correlationId'
  return { code: 'Duplicate', message: `A customer with the specified ${field} already exists.`, path, duplicateOf: existingId }
}
