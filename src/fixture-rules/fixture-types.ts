/** The shape of a fixture file; fixtures/fixtures.schema.json is its JSON Schema. */
import type { OPERATION_IDS } from './operation-ids.js'
import type { DwollaErrorCode, EmbeddedError, OAuthErrorCode } from '../errors.js'

/**
 * Which customers an email must not repeat (Dwolla documents the Duplicate error, not its scope):
 * `all` customers of the application, deactivated ones too (the default, inferred); only
 * `active` ones (not deactivated); or `off`. Always case-insensitive.
 */
export type DuplicateEmailCheck = 'all' | 'active' | 'off'

/** See the `customerCheck` option. */
export type CustomerCheck = 'exists' | 'any'

/** Every operationId of openapi/mock-dwolla.yaml (generated from it by the build). */
export type OperationId = (typeof OPERATION_IDS)[number]

/** The one operation that answers OAuth's errors (RFC 6749); every other answers Dwolla's. */
export type TokenOperationId = 'createApplicationAccessToken'
export type ApiOperationId = Exclude<OperationId, TokenOperationId>

export interface BodyCondition {
  /** A JSON pointer into the request body, e.g. `/amount/value`. */
  pointer: string
  equals?: unknown
  matches?: string
}

export interface HeaderCondition {
  name: string
  equals?: string
  matches?: string
}

export interface FixtureWhen<Operation extends OperationId = OperationId> {
  operation: Operation
  clientId?: string
  action?: string
  customerId?: string
  body?: BodyCondition | BodyCondition[]
  header?: HeaderCondition | HeaderCondition[]
}

export interface FixtureEmbeddedError {
  code: EmbeddedError['code']
  message: string
  path: string
}

export interface FixtureRespond<Code extends DwollaErrorCode | OAuthErrorCode = DwollaErrorCode | OAuthErrorCode> {
  /** A catalogue code: OAuth's on /token, Dwolla's on every other operation. */
  error?: Code
  message?: string
  embedded?: FixtureEmbeddedError[]
  retryAfter?: number
  status?: number
  headers?: Record<string, string>
  body?: unknown
  fault?: 'html500' | 'drop'
  delayMs?: number
}

interface RuleFor<Operation extends OperationId, Code extends DwollaErrorCode | OAuthErrorCode> {
  name?: string
  when: FixtureWhen<Operation>
  respond: FixtureRespond<Code>
  /** Apply to the first N matches only. */
  times?: number
}

/**
 * A fixture rule. Typed by its operation, so that a misspelt code, or Dwolla's code on /token,
 * fails to compile as it would fail to load: `{ error: 'Forbiden' }` is not a FixtureRule.
 */
export type FixtureRule = TokenFixtureRule | ApiFixtureRule
/** A rule for POST /token: OAuth's codes. */
export type TokenFixtureRule = RuleFor<TokenOperationId, OAuthErrorCode>
/** A rule for any other operation: Dwolla's codes. */
export type ApiFixtureRule = RuleFor<ApiOperationId, DwollaErrorCode>

/**
 * A fixture file as the fixture rules read it. Its seeded customers are the customers
 * resource's to understand: here they are only checked against the schema's customer definition
 * (the package exports the file's full type as FixtureDocument).
 */
export interface FixtureDocument<Seed = object> {
  $schema?: string
  applications?: Array<{ key: string; secret: string }>
  accessTokenLifetimeSeconds?: number
  clientTokenLifetimeSeconds?: number
  customerCheck?: CustomerCheck
  customerLimit?: number
  applicationLimit?: number
  storeByteLimit?: number
  duplicateEmailCheck?: DuplicateEmailCheck
  customerBankLimit?: number
  fundingSourceLimit?: number
  autoVerifyBanks?: boolean
  transferLimit?: number
  labelLimit?: number
  labelLedgerEntryLimit?: number
  massPaymentLimit?: number
  massPaymentItemLimit?: number
  rules?: FixtureRule[]
  /** Seeded customers. */
  customers?: Seed[]
}
