import type { FastifyRequest } from 'fastify'
import { DwollaError } from '../errors.js'
import type { IssuedToken, TokenStore } from '../tokens/token-store.js'

// RFC 6750 §2.1: the scheme is case-insensitive; the token is a token68.
const BEARER = /^[ \t]*bearer[ \t]+([A-Za-z0-9\-._~+/]+=*)[ \t]*$/i

/**
 * The access token of an API call, checked the way Dwolla answers: no usable header is
 * InvalidCredentials, a token this server never issued (or has forgotten) InvalidAccessToken,
 * an expired one ExpiredAccessToken.
 */
export function authenticateBearer<T>(request: FastifyRequest, tokens: TokenStore<T>): IssuedToken<T> {
  const token = bearerTokenOf(request.headers.authorization)
  if (token === undefined) throw new DwollaError('InvalidCredentials')
  const found = tokens.lookup(token)
  switch (found.status) {
    case 'valid':
      return found.record
    case 'expired':
      throw new DwollaError('ExpiredAccessToken')
    default:
      throw new DwollaError('InvalidAccessToken')
  }
}

/** The token of a well-formed Bearer Authorization header. */
export function bearerTokenOf(authorization: string | undefined): string | undefined {
  return BEARER.exec(authorization ?? '')?.[1]
}
