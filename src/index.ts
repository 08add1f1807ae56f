export { buildServer } from './server.js'
export { start, DEFAULT_HOST, type StartOptions, type RunningMockDwolla } from './start.js'
export { DEFAULTS, type MockDwollaOptions, type Application } from './config.js'
export type { LogLevel, LoggerOption, LogStream } from './logger.js'
export {
  DWOLLA_ERRORS,
  OAUTH_ERRORS,
  DwollaError,
  OAuthError,
  StartupError,
  type DwollaErrorCode,
  type OAuthErrorCode,
  type EmbeddedError,
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
  FixtureWhen,
  FixtureRespond,
  BodyCondition,
  HeaderCondition,
  OperationId,
} from './fixtures/fixture-types.js'
export type { FixtureSource } from './fixtures/fixture-sources.js'
export { DEFAULT_FIXTURES_PATH } from './fixtures/fixture-sources.js'
export { FIXTURE_SCHEMA_PATH } from './fixtures/check-fixtures.js'
export type { FixtureRules, ActiveRule, RuleSource } from './fixtures/fixture-rules.js'
