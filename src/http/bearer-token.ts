import type { FastifyRequest } from 'fastify'
import { DwollaError } from '../errors.js'
import type { IssuedToken, TokenDetails, TokenLookup, TokenStore } from '../tokens/token-store.js'

// RFC 6750 §2.1: the scheme is case-insensitive; the token is a token68.
const BEARER = /^[ \t]*bearer[ \t]+([A-Za-z0-9\-._~+/]+=*)[ \t]*$/i

/**
 * The access token of an API call, checked the way Dwolla answers: no usable header is
 * InvalidCredentials, a token this server never issued (or revoked) InvalidAccessToken, an
 * expired one ExpiredAccessToken.
 */
export function authenticateBearer<T extends TokenDetails>(request: FastifyRequest, tokens: TokenStore<T>): IssuedToken<T> {
  const found = lookupBearer(request, tokens)
  if (found === undefined) throw new DwollaError('InvalidCredentials')
  if (found.status === 'valid') return found.record
  throw new DwollaError(found.status === 'expired' ? 'ExpiredAccessToken' : 'InvalidAccessToken')
}

/**
 * The request's Bearer token looked up in `tokens`; undefined without a well-formed header. Made
 * once per request (kept on its context) and shared by the handler, fixture rules and journal.
 */
export function lookupBearer<T extends TokenDetails>(request: FastifyRequest, tokens: TokenStore<T>): TokenLookup<T> | undefined {
  const context = request.mockContext
  if (context !== undefined && context.bearerTokens === tokens) return context.bearerFound as TokenLookup<T> | undefined
  const token = bearerTokenOf(request.headers.authorization)
  const found = token === undefined ? undefined : tokens.lookup(token)
  if (context !== undefined) {
    context.bearerTokens = tokens
    context.bearerFound = found
  }
  return found
}

/** The token of a well-formed Bearer Authorization header. */
export function bearerTokenOf(authorization: string | undefined): string | undefined {
  return BEARER.exec(authorization ?? '')?.[1]
}
