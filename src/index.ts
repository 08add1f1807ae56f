import type { FixtureDocument as FixtureFile } from './fixture-rules/fixture-types.js'
import type { CustomerDocument } from './resources/customers/index.js'

export { buildServer } from './server.js'
export { start, DEFAULT_HOST, type StartOptions, type RunningMockDwolla } from './start.js'
export { DEFAULTS, type MockDwollaOptions, type Application, type CustomerCheck } from './config.js'
export type { LogLevel, LoggerOption, LogStream } from './logger.js'
export {
  DWOLLA_ERRORS,
  OAUTH_ERRORS,
  NOT_FOUND_MESSAGES,
  LIMIT_MESSAGES,
  DwollaError,
  OAuthError,
  StartupError,
  FixtureRuleError,
  type DwollaErrorCode,
  type OAuthErrorCode,
  type EmbeddedError,
  type HalLink,
} from './errors.js'
export { DWOLLA_MEDIA_TYPE, DWOLLA_CONTENT_TYPE } from './http/media-types.js'
export { OPENAPI_DOCUMENT_PATH, loadOperationTable, type OperationTable, type OperationEntry } from './http/operation-table.js'
export type { MockState, AccessTokenDetails, ClientTokenDetails, TokenListing, TokenView } from './mock-state.js'
export { Clock, APPLICATION_CLOCK_LIMIT, type ClockScope, type ClockMove } from './clock.js'
export { ResetOptionsError, type ResetOptions } from './reset-options.js'
export { FilterError, TEST_DOUBLE_FILTERS, type FilterName, type FilterOf } from './test-double-filters.js'
export type { JournalEntry, JournalFilter } from './journal/request-journal.js'
export { RevocationLimitError } from './tokens/revoked-serials.js'
export { ADMIN_PREFIX } from './admin/admin-path.js'
export type {
  FixtureRule,
  ApiFixtureRule,
  TokenFixtureRule,
  FixtureWhen,
  FixtureRespond,
  FixtureEmbeddedError,
  BodyCondition,
  HeaderCondition,
  OperationId,
  TokenOperationId,
  ApiOperationId,
} from './fixture-rules/fixture-types.js'
export type { FixtureSource } from './fixture-rules/fixture-sources.js'
/** A fixture file: its settings, its rules and its seeded customers (fixtures/fixtures.schema.json). */
export type FixtureDocument = FixtureFile<CustomerDocument>
export { DEFAULT_FIXTURES_PATH } from './fixture-rules/fixture-sources.js'
export { FIXTURE_SCHEMA_PATH } from './fixture-rules/check-fixtures.js'
export type { FixtureRules, ActiveRule, RuleSource } from './fixture-rules/fixture-rules.js'
export type {
  CustomerControls,
  CustomerView,
  ApplicationOption,
  CustomerDocument,
  Customer,
  CustomerType,
  CustomerStatus,
  BusinessType,
  CustomerEvent,
  CustomerTopic,
  CustomerEventListener,
} from './resources/customers/index.js'
export type { DuplicateEmailCheck } from './config.js'
export type {
  FundingSourceControls,
  FundingSourceView,
  FundingSourceFilter,
  FundingSourceDocument,
  MicroDepositsDocument,
  FundingSource,
  FundingSourceType,
  FundingSourceStatus,
  BankAccountType,
  Channel,
  MicroDepositStatus,
} from './resources/funding-sources/index.js'
export { FUNDING_SOURCE_MESSAGES } from './resources/funding-sources/index.js'
export { TRANSFER_MESSAGES } from './resources/transfers/index.js'
export type { BalanceControls, BalanceView } from './resources/balances/index.js'
export { parseAmount, formatCents, MAX_AMOUNT_CENTS, type ParsedAmount, type AmountProblem } from './money.js'
export { BUSINESS_CLASSIFICATIONS } from './resources/business-classifications/index.js'
export { STATE_FORMAT, STATE_VERSION } from './persistence/state-file.js'
export type { EventView, EventFilter } from './resources/events/index.js'
export type { WebhookControls, DeliveryView, DeliveryFilter, SubscriptionView } from './webhook-delivery/webhooks.js'
export { SettleTimeoutError, type PendingView, type SettleOptions, type UnsettledView } from './webhook-delivery/delivery-engine.js'
export type { WebhookOrder } from './webhook-delivery/webhook-order.js'
export type { AttemptCause } from './webhook-delivery/webhook-history.js'
export { DWOLLA_RETRY_DELAYS_MS, SCALED_RETRY_DELAYS_MS, type RetrySchedule } from './webhook-delivery/retry-schedule.js'
