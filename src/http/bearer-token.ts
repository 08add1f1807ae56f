import type { FastifyRequest } from 'fastify'
import type { TokenDetails, TokenLookup, TokenStore } from '../tokens/token-store.js'

// RFC 6750 §2.1: the scheme is case-insensitive; the token is a token68.
const BEARER = /^[ \t]*bearer[ \t]+([A-Za-z0-9\-._~+/]+=*)[ \t]*$/i

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

// The last header read and its token. A client sends one Authorization header on call after
// call; answered from here, the header is compared instead of matched, and the token store's Map
// is given the same string each time, whose hash V8 keeps on the string (a fresh one is hashed
// again, all 50 characters).
let lastHeader: string | undefined
let lastToken: string | undefined

/** The token of a well-formed Bearer Authorization header. */
export function bearerTokenOf(authorization: string | undefined): string | undefined {
  if (authorization === undefined) return undefined
  if (authorization !== lastHeader) {
    const token = BEARER.exec(authorization)?.[1]
    // A token is a slice of its header, which V8 keeps whole while the slice lives: inside a long
    // header (white space may pad it to the header limit), copied out before a token store keeps it
    // as a key.
    lastToken = token !== undefined && authorization.length > token.length + PADDING_KEPT ? Buffer.from(token, 'latin1').toString('latin1') : token
    lastHeader = authorization
  }
  return lastToken
}

/** What a header may hold besides its token before the token is copied out of it. */
const PADDING_KEPT = 32
