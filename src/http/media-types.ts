/** Dwolla's versioned media type: required in Accept on API calls, used for API answers. */
export const DWOLLA_MEDIA_TYPE = 'application/vnd.dwolla.v1.hal+json'

/** The Content-Type Dwolla answers API calls with, errors included. */
export const DWOLLA_CONTENT_TYPE = `${DWOLLA_MEDIA_TYPE}; charset=UTF-8`

/** /token answers plain JSON, as OAuth 2.0 servers do (RFC 6749 §5.1). */
export const OAUTH_CONTENT_TYPE = 'application/json; charset=UTF-8'

/** The media type of a Content-Type header, lowercased and without parameters. */
export function mediaTypeOf(contentType: string | undefined): string | undefined {
  if (contentType === undefined) return undefined
  const semicolon = contentType.indexOf(';')
  return (semicolon === -1 ? contentType : contentType.slice(0, semicolon)).trim().toLowerCase()
}
