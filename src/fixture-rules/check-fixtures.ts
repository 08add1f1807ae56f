import { customerIdOf } from '../customer-href.js'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Ajv as AjvClass, ErrorObject, ValidateFunction } from 'ajv'
import { DWOLLA_ERRORS, FixtureRuleError, OAUTH_ERRORS, StartupError } from '../errors.js'
import { packageFile } from '../package-files.js'
import { headerNameProblem, headerValueProblem } from '../http/header-syntax.js'
import { childPointer } from '../json-pointer.js'
import { patternProblem } from './bounded-pattern.js'
import type { FixtureDocument, FixtureRule } from './fixture-types.js'

/** Shipped with the package so editors can complete and check fixture files (`"$schema"`). */
export const FIXTURE_SCHEMA_PATH = packageFile('fixtures/fixtures.schema.json')

/** Turns a JSON pointer into a `line:col` in the source text, where there is one. */
export type Locate = (pointer: string) => string | undefined

let validators: { document: ValidateFunction; rule: ValidateFunction; customer: ValidateFunction } | undefined

function compiledValidators(): { document: ValidateFunction; rule: ValidateFunction; customer: ValidateFunction } {
  if (validators === undefined) {
    const schema = JSON.parse(readFileSync(FIXTURE_SCHEMA_PATH, 'utf8')) as { $id: string }
    // Required on first use: a start with no fixture files of its own never loads Ajv.
    const { Ajv } = createRequire(import.meta.url)('ajv') as { Ajv: typeof AjvClass }
    const ajv = new Ajv({ strict: true, allowUnionTypes: true })
    ajv.addSchema(schema)
    validators = {
      document: ajv.getSchema(schema.$id) as ValidateFunction,
      rule: ajv.getSchema(`${schema.$id}#/definitions/rule`) as ValidateFunction,
      customer: ajv.getSchema(`${schema.$id}#/definitions/customer`) as ValidateFunction,
    }
  }
  return validators
}

/**
 * What is wrong with a seeded customer that the schema let through, as a pointer under it and a
 * sentence (undefined when nothing): the customers resource knows, and the server passes it in.
 */
export type SeedCheck = (customer: object) => { pointer: string; problem: string } | undefined

/** Checks a whole fixture document; throws StartupError naming the source, place and problem. */
export function checkFixtureDocument(value: unknown, source: string, locate?: Locate, checkSeed?: SeedCheck): FixtureDocument {
  const { document } = compiledValidators()
  if (!document(value)) throw schemaProblem(document.errors?.[0], '', source, locate)
  const checked = value as FixtureDocument
  checked.rules?.forEach((rule, index) => checkRuleMeaning(rule, `/rules/${index}`, source, locate))
  checked.customers?.forEach((customer, index) => {
    const found = checkSeed?.(customer)
    if (found !== undefined) throw problem(source, `/customers/${index}${found.pointer}`, found.problem, locate)
  })
  return checked
}

/**
 * Checks a customer written down elsewhere (a state file) against the fixture schema's customer
 * definition, as a seed is; throws StartupError naming the source and the pointer.
 */
export function checkAgainstCustomerSchema(value: unknown, source: string, pointer: string): object {
  const { customer } = compiledValidators()
  if (!customer(value)) throw schemaProblem(customer.errors?.[0], pointer, source)
  return value as object
}

/**
 * Checks one rule given at runtime (admin API or the programmatic surface); throws
 * FixtureRuleError, since nothing is starting: the same checks and messages as for a file.
 */
export function checkFixtureRule(value: unknown, source: string): FixtureRule {
  const { rule } = compiledValidators()
  try {
    if (!rule(value)) throw schemaProblem(rule.errors?.[0], '', source)
    checkRuleMeaning(value as FixtureRule, '', source)
  } catch (error) {
    throw error instanceof StartupError ? new FixtureRuleError(error.message) : error
  }
  return value as FixtureRule
}

/** A problem at a place in a file, in the words every fixture and state-file message uses. */
export function problem(source: string, pointer: string, what: string, locate?: Locate): StartupError {
  const position = locate?.(pointer)
  return new StartupError(`${source}${position === undefined ? '' : `:${position}`} at ${pointer || '/'}: ${what}`)
}

function schemaProblem(error: ErrorObject | undefined, base: string, source: string, locate?: Locate): StartupError {
  if (error === undefined) return problem(source, base, 'is not a valid fixture', locate)
  const pointer = `${base}${error.instancePath}`
  const params = error.params as Record<string, unknown>
  switch (error.keyword) {
    case 'additionalProperties':
      return problem(source, pointer, `unknown property "${String(params.additionalProperty)}"`, locate)
    case 'required':
      return problem(source, pointer, `missing required property "${String(params.missingProperty)}"`, locate)
    case 'enum':
      return problem(source, pointer, `must be one of ${(params.allowedValues as unknown[]).join(', ')}`, locate)
    default:
      return problem(source, pointer, error.message ?? 'is invalid', locate)
  }
}

const RESPONSE_KINDS = ['error', 'status', 'fault'] as const

/** Headers that frame the body: a wrong one would corrupt the connection, not just the answer. */
const FRAMING_HEADERS = new Set(['content-length', 'transfer-encoding'])

/** What JSON Schema cannot say (or say clearly): which respond fields go together, valid and safe regexes. */
function checkRuleMeaning(rule: FixtureRule, base: string, source: string, locate?: Locate): void {
  const { respond, when } = rule
  const at = (suffix: string) => `${base}${suffix}`
  const kinds = RESPONSE_KINDS.filter((kind) => respond[kind] !== undefined)
  if (kinds.length > 1) {
    throw problem(source, at('/respond'), `give one of error, status or fault, not ${kinds.join(' and ')}`, locate)
  }
  if (kinds.length === 0 && respond.delayMs === undefined) {
    throw problem(source, at('/respond'), 'give error, status, fault, or delayMs alone', locate)
  }
  const kind = kinds[0]
  // A customer href is read as its id (fixture-rules.ts); anything else with a path in it would never match.
  if (when.customerId !== undefined && /[/?#\s]/.test(when.customerId) && customerIdOf(when.customerId) === undefined) {
    throw problem(source, at('/when/customerId'), 'give the customer id, or its href (…/customers/<id>)', locate)
  }
  for (const field of ['message', 'embedded', 'retryAfter'] as const) {
    if (respond[field] !== undefined && kind !== 'error') {
      throw problem(source, at(`/respond/${field}`), `only goes with error`, locate)
    }
  }
  if (respond.body !== undefined && kind !== 'status') {
    throw problem(source, at('/respond/body'), 'only goes with status', locate)
  }
  if (respond.headers !== undefined && kind !== 'status' && kind !== 'error') {
    throw problem(source, at('/respond/headers'), 'only goes with status or error', locate)
  }
  for (const [name, value] of Object.entries(respond.headers ?? {})) {
    const refused =
      headerNameProblem(name) ??
      headerValueProblem(value) ??
      (FRAMING_HEADERS.has(name.toLowerCase()) ? 'set by the server from the body; a rule cannot set it' : undefined)
    if (refused !== undefined) throw problem(source, childPointer(at('/respond/headers'), name), refused, locate)
  }
  if (respond.embedded !== undefined && respond.error !== 'ValidationError') {
    throw problem(source, at('/respond/embedded'), 'only goes with error ValidationError', locate)
  }
  if (respond.error !== undefined) {
    const isOAuth = respond.error in OAUTH_ERRORS
    const onToken = when.operation === 'createApplicationAccessToken'
    if (isOAuth !== onToken) {
      const allowed = Object.keys(onToken ? OAUTH_ERRORS : DWOLLA_ERRORS).join(', ')
      throw problem(source, at('/respond/error'), `${when.operation} answers with one of ${allowed}`, locate)
    }
  }
  for (const { condition, pointer } of listed(when.header, '/when/header')) {
    const refused = headerNameProblem(condition.name)
    if (refused !== undefined) throw problem(source, at(`${pointer}/name`), refused, locate)
  }
  const conditions = [...listed(when.body, '/when/body'), ...listed(when.header, '/when/header')]
  for (const { condition, pointer } of conditions) {
    const refused = condition.matches === undefined ? undefined : patternProblem(condition.matches)
    if (refused !== undefined) throw problem(source, at(`${pointer}/matches`), refused, locate)
  }
}

/** A condition or a list of them, each with its pointer. */
function listed<T>(value: T | T[] | undefined, pointer: string): Array<{ condition: T; pointer: string }> {
  if (value === undefined) return []
  if (!Array.isArray(value)) return [{ condition: value, pointer }]
  return value.map((condition, index) => ({ condition, pointer: `${pointer}/${index}` }))
}
