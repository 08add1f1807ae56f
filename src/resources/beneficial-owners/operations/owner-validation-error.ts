import { validationError } from '../../../errors.js'
import { OwnerProblems } from '../validate-owner.js'

/** The model's field problems as Dwolla's ValidationError; anything else as it was thrown. */
export function asDwollaError(error: unknown): unknown {
  return error instanceof OwnerProblems ? validationError([...error.problems]) : error
}
