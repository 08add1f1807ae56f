/** The shape of a fixture file; fixtures/fixtures.schema.json is its JSON Schema. */
import type { CustomerCheck } from '../config.js'
import type { CustomerDocument } from '../resources/customers/customer-document.js'
import type { DuplicateEmailCheck } from '../resources/customers/customer-store.js'
import type { DwollaErrorCode, EmbeddedError, OAuthErrorCode } from '../errors.js'

/** Every operationId of openapi/mock-dwolla.yaml (a test holds the two to each other). */
export type OperationId =
  | 'createApplicationAccessToken'
  | 'createClientToken'
  | 'getRoot'
  | 'getAccount'
  | 'listAndSearchCustomers'
  | 'createCustomer'
  | 'getCustomer'
  | 'update'
  | 'listBusinessClassifications'
  | 'retrieveBusinessClassification'
  | 'listEvents'
  | 'getEvent'
  | 'listWebhookSubscriptions'
  | 'createWebhookSubscription'
  | 'getWebhookSubscription'
  | 'updateWebhookSubscription'
  | 'delete'
  | 'listWebhooks'
  | 'getWebhook'
  | 'retryWebhook'
  | 'listWebhookRetries'

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

export interface FixtureDocument {
  $schema?: string
  applications?: Array<{ key: string; secret: string }>
  accessTokenLifetimeSeconds?: number
  clientTokenLifetimeSeconds?: number
  customerCheck?: CustomerCheck
  customerLimit?: number
  applicationLimit?: number
  duplicateEmailCheck?: DuplicateEmailCheck
  rules?: FixtureRule[]
  /** Seeded customers. */
  customers?: CustomerDocument[]
}
