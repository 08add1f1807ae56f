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
export { Clock } from './clock.js'
export type { JournalEntry, JournalFilter } from './journal/request-journal.js'
export { RevocationLimitError } from './tokens/revoked-serials.js'
export { ADMIN_PREFIX } from './admin/admin-error.js'
export type {
  FixtureDocument,
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
export { DEFAULT_FIXTURES_PATH } from './fixture-rules/fixture-sources.js'
export { FIXTURE_SCHEMA_PATH } from './fixture-rules/check-fixtures.js'
export type { FixtureRules, ActiveRule, RuleSource } from './fixture-rules/fixture-rules.js'
export type { CustomerControls, CustomerView, ApplicationOption } from './resources/customers/customer-directory.js'
export type { CustomerDocument } from './resources/customers/customer-document.js'
export type { Customer, CustomerType, CustomerStatus, BusinessType } from './resources/customers/customer.js'
export type { CustomerEvent, CustomerTopic, CustomerEventListener } from './resources/customers/customer-events.js'
export type { DuplicateEmailCheck } from './resources/customers/customer-store.js'
export { BUSINESS_CLASSIFICATIONS } from './resources/business-classifications/catalogue.js'
export { STATE_FORMAT, STATE_VERSION } from './persistence/state-file.js'
export type { EventView, EventFilter } from './resources/events/event-store.js'
export type { WebhookControls, DeliveryView, DeliveryFilter, SubscriptionView } from './webhook-delivery/webhooks.js'
export type { PendingView } from './webhook-delivery/delivery-engine.js'
export type { AttemptCause } from './webhook-delivery/webhook-history.js'
export { DWOLLA_RETRY_DELAYS_MS, SCALED_RETRY_DELAYS_MS, type RetrySchedule } from './webhook-delivery/retry-schedule.js'
