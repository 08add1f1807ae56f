import { DWOLLA_ERRORS, OAUTH_ERRORS } from '../../src/index.js'

const DWOLLA_CODES = new Set(Object.keys(DWOLLA_ERRORS))
const OAUTH_CODES = new Set(Object.keys(OAUTH_ERRORS))

/** Why a Dwolla-shaped error answer is not one (undefined when it is). */
export function dwollaShapeProblem(status: number, contentType: string | undefined, body: string): string | undefined {
  if (status < 400 || status >= 500) return `status ${status} is not a 4xx`
  if (!/^application\/vnd\.dwolla\.v1\.hal\+json/.test(contentType ?? '')) return `content type ${contentType}`
  let parsed: Record<string, unknown>
  try {
    parsed = JSON.parse(body) as Record<string, unknown>
  } catch {
    return `body is not JSON: ${body.slice(0, 80)}`
  }
  if (typeof parsed.code !== 'string' || !DWOLLA_CODES.has(parsed.code)) return `code ${String(parsed.code)} is not in the catalogue`
  if (typeof parsed.message !== 'string') return 'no message'
  return undefined
}

/** Why an OAuth-shaped error answer from /token is not one (undefined when it is). */
export function oauthShapeProblem(status: number, contentType: string | undefined, body: string): string | undefined {
  if (status < 400 || status >= 500) return `status ${status} is not a 4xx`
  if (!/^application\/json/.test(contentType ?? '')) return `content type ${contentType}`
  let parsed: Record<string, unknown>
  try {
    parsed = JSON.parse(body) as Record<string, unknown>
  } catch {
    return `body is not JSON: ${body.slice(0, 80)}`
  }
  if (typeof parsed.error !== 'string' || !OAUTH_CODES.has(parsed.error)) return `error ${String(parsed.error)} is not an OAuth error code`
  return undefined
}
