import { OAuthError } from '../../../errors.js'
import { authenticateClient, readBasicCredentials } from '../../../http/client-credentials.js'
import { OAUTH_CONTENT_TYPE } from '../../../http/media-types.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { EmbeddedError } from '../../../errors.js'
import type { MockContext } from '../../../world/mock-context.js'
import { ApplicationLimitError } from '../../../tokens/application-registry.js'

/**
 * POST /token: OAuth 2.0 client credentials. Every failure is an OAuth error with an `error`
 * key, because dwolla-v2 ignores the status code of this answer and looks only for that key.
 */
export function createApplicationAccessToken(mock: MockContext): OperationHandler {
  return {
    errorModel: 'oauth',
    onRequest: readBasicCredentials,
    handle(request, reply, check) {
      const problems = check.problems()
      if (problems.unreadableBody) {
        throw new OAuthError('invalid_request', 'The request needs a form body with grant_type=client_credentials.')
      }
      const [first] = problems.fields
      if (first !== undefined) throw oauthErrorFor(first, request.body as Record<string, unknown>)

      const clientId = authenticateClient(request, reply, mock.credentialCheck)
      const token = issueFor(mock, clientId)
      // RFC 6749 §5.1: token responses must not be cached.
      reply.type(OAUTH_CONTENT_TYPE).header('cache-control', 'no-store').header('pragma', 'no-cache')
      // Tokens are alphanumeric and the lifetime an integer: the body needs no JSON serialiser.
      return `{"access_token":"${token}","token_type":"Bearer","expires_in":${mock.accessTokens.lifetimeSeconds}}`
    },
  }
}

function issueFor(mock: MockContext, clientId: string): string {
  try {
    return mock.accessTokens.issue({ clientId })
  } catch (error) {
    if (!(error instanceof ApplicationLimitError)) throw error
    // A key longer than any Dwolla key is the client's to fix; a full registry is the mock's.
    throw error.reason === 'too-long' ? new OAuthError('invalid_client', error.message) : new OAuthError('server_error', error.message, 503)
  }
}

function oauthErrorFor(field: EmbeddedError, body: Record<string, unknown>): OAuthError {
  const name = field.path.slice(1)
  if (field.code === 'Required') return new OAuthError('invalid_request', `${name} is required.`)
  // A grant_type that is a single string but not client_credentials is a grant we don't support;
  // a repeated field (parsed as an array) is a malformed request.
  if (name === 'grant_type' && typeof body.grant_type === 'string') return new OAuthError('unsupported_grant_type')
  return new OAuthError('invalid_request', `${name} must be given once, as a string.`)
}
