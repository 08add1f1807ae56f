export { buildServer } from './server.js'
export { start, DEFAULT_HOST, type StartOptions, type RunningMockDwolla } from './start.js'
export { DEFAULTS, type MockDwollaOptions, type Application } from './config.js'
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
export { OPENAPI_DOCUMENT_PATH } from './http/openapi-routes.js'
export type { MockState, AccessTokenDetails, ClientTokenDetails } from './mock-state.js'
