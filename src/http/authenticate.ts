import type { FastifyRequest } from 'fastify'
import { DwollaError } from '../errors.js'
import type { AccessTokenDetails, ClientTokenDetails } from '../tokens/token-kinds.js'
import type { TokenStore } from '../tokens/token-store.js'
import type { ClientTokenGrants } from '../world/client-token-grants.js'
import { bearerTokenOf, lookupBearer } from './bearer-token.js'
import { noteRefusalReason } from './request-context.js'

/** Who is calling: an application with its access token, or a browser with a client token. */
export type Caller = { kind: 'application'; clientId: string } | ({ kind: 'client-token' } & ClientTokenDetails)

interface TokenStores {
  accessTokens: TokenStore<AccessTokenDetails>
  clientTokens: TokenStore<ClientTokenDetails>
}

/**
 * The Bearer token of an API call, checked the way Dwolla answers: no usable header is
 * InvalidCredentials, a token this server never issued (or revoked, or issued before a reset)
 * InvalidAccessToken, an expired one ExpiredAccessToken. Access tokens are looked up first, then client tokens,
 * which dwolla-web.js sends as Bearer tokens straight to the API.
 */
export function authenticate(request: FastifyRequest, tokens: TokenStores): Caller {
  // The lookup the request's facts (fixture rules, journal) make too, made once for both.
  const access = lookupBearer(request, tokens.accessTokens)
  if (access === undefined) {
    noteRefusalReason(request, 'no Bearer token in the Authorization header')
    throw new DwollaError('InvalidCredentials')
  }
  if (access.status === 'valid') return { kind: 'application', clientId: access.record.details.clientId }
  const client = access.status === 'unknown' ? tokens.clientTokens.lookup(bearerTokenOf(request.headers.authorization) as string) : access
  switch (client.status) {
    case 'valid':
      return { kind: 'client-token', ...client.record.details }
    case 'expired':
      noteRefusalReason(request, 'the token has expired, by its application’s clock')
      throw new DwollaError('ExpiredAccessToken')
    default:
      noteRefusalReason(request, 'no such token: never issued by this mock, revoked, or forgotten by a reset with tokens: true')
      throw new DwollaError('InvalidAccessToken')
  }
}

/**
 * Authenticates an API call and checks the caller may make it: an application may call any
 * operation; a client token only what its action grants (each resource declares its grants),
 * and where the grant says so, on its own customer only. Anything else is Dwolla's 403
 * Forbidden. Returns the application the call acts for.
 */
export function authorize(
  request: FastifyRequest,
  tokens: TokenStores & { clientTokenGrants: ClientTokenGrants },
  operationId: string,
  customer?: string | ((clientId: string) => string | undefined),
): string {
  const caller = authenticate(request, tokens)
  if (caller.kind === 'application') return caller.clientId
  const ownCustomerOnly = tokens.clientTokenGrants.ownCustomerOnly(caller.action, operationId)
  // The customer is looked up only when a grant asks for it (and within the token's application).
  const customerId = ownCustomerOnly === true ? (typeof customer === 'function' ? customer(caller.clientId) : customer) : undefined
  const permitted = ownCustomerOnly !== undefined && (!ownCustomerOnly || (customerId !== undefined && caller.customerId === customerId.toLowerCase()))
  if (!permitted) {
    noteRefusalReason(
      request,
      ownCustomerOnly === undefined
        ? `a client token for ${caller.action} may not call ${operationId}`
        : `a client token for ${caller.action} may call ${operationId} on its own customer only`,
    )
    throw new DwollaError('Forbidden')
  }
  return caller.clientId
}
