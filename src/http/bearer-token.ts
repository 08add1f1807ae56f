// RFC 6750 §2.1: the scheme is case-insensitive; the token is a token68.
const BEARER = /^[ \t]*bearer[ \t]+([A-Za-z0-9\-._~+/]+=*)[ \t]*$/i

/** The token of a well-formed Bearer Authorization header. */
export function bearerTokenOf(authorization: string | undefined): string | undefined {
  return BEARER.exec(authorization ?? '')?.[1]
}
