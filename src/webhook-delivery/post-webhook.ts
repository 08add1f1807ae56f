import { request as httpRequest, type IncomingMessage } from 'node:http'
import { request as httpsRequest } from 'node:https'

/** The most of a receiver's answer that is read: the rest is never read, however much it sends. */
export const RESPONSE_BODY_LIMIT = 4 * 1024
/** The most of its headers kept (names and values, in bytes): enough to show what it answered. */
export const RESPONSE_HEADERS_LIMIT = 1024
/**
 * Headers past this fail the attempt ("Parse Error: Header overflow") before anything is kept:
 * Node's own default, the most the mock itself accepts from a client. Read, they are let go at
 * once; only RESPONSE_HEADERS_LIMIT of them is kept.
 */
const MAX_RESPONSE_HEADER_BYTES = 16 * 1024

export interface Header {
  name: string
  value: string
}

/** One POST of a webhook: where, with which headers (in order), and the exact body. */
export interface WebhookPost {
  url: string
  headers: readonly Header[]
  body: string
}

/** What came of one POST. */
export interface PostOutcome {
  /** The status answered; undefined when none was (refused, reset, timed out before the headers). */
  statusCode: number | undefined
  /** The response headers, in order, up to RESPONSE_HEADERS_LIMIT bytes, packed (see {@link unpackHeaders}). */
  headers: string
  /**
   * The first RESPONSE_BODY_LIMIT bytes of the response body, one character a byte (latin1), so
   * it costs its bytes whatever they hold: invalid UTF-8 decoded would take two bytes a byte.
   * {@link responseText} decodes it.
   */
  body: string
  /** Why the exchange did not finish: a network error, or the reason it was aborted (a timeout). */
  error: string | undefined
}

/**
 * POSTs a webhook with node:http or node:https, never fetch: a redirect must not be followed (it
 * is a failure, as Dwolla treats it) and the answer must be read only up to a bound. Never
 * rejects: every failure is an outcome. `signal` aborts it (the engine's timeout, a shutdown);
 * its reason's message becomes the outcome's error. No connection is kept alive afterwards.
 */
export function postWebhook(post: WebhookPost, signal: AbortSignal): Promise<PostOutcome> {
  return new Promise((resolve) => {
    const body = Buffer.from(post.body, 'utf8')
    const url = new URL(post.url)
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest
    let response: IncomingMessage | undefined
    const chunks: Buffer[] = []
    let received = 0
    let settled = false

    const finish = (error: string | undefined): void => {
      if (settled) return
      settled = true
      signal.removeEventListener('abort', onAbort)
      request.destroy()
      resolve({
        statusCode: response?.statusCode,
        headers: response === undefined ? '' : packedHeaders(response.rawHeaders),
        body: Buffer.concat(chunks).toString('latin1'),
        error,
      })
    }
    const onAbort = (): void => finish(reasonOf(signal))

    const headers: Record<string, string | number> = {}
    for (const { name, value } of post.headers) headers[name] = value
    headers['Content-Length'] = body.length
    const request = send(url, { method: 'POST', headers, agent: false, maxHeaderSize: MAX_RESPONSE_HEADER_BYTES }, (answer) => {
      response = answer
      answer.on('data', (chunk: Buffer) => {
        const room = RESPONSE_BODY_LIMIT - received
        if (room > 0) chunks.push(chunk.subarray(0, room))
        received += chunk.length
        if (received >= RESPONSE_BODY_LIMIT) finish(undefined)
      })
      answer.on('end', () => finish(undefined))
      // A connection reset in the middle of the body is a failure: the exchange did not finish.
      answer.on('error', (error) => finish(error.message))
      answer.on('close', () => finish(undefined))
    })
    request.on('error', (error) => finish(signal.aborted ? reasonOf(signal) : error.message))
    if (signal.aborted) return onAbort()
    signal.addEventListener('abort', onAbort, { once: true })
    request.end(body)
  })
}

function reasonOf(signal: AbortSignal): string {
  const reason: unknown = signal.reason
  return reason instanceof Error ? reason.message : String(reason)
}

/**
 * The response headers kept, as one string: each name and value on a line of its own (no header
 * holds a newline), cut at RESPONSE_HEADERS_LIMIT bytes of names and values. One string costs a
 * tenth of the objects a list would, which counts when a thousand webhooks keep ten attempts each.
 */
function packedHeaders(raw: readonly string[]): string {
  const lines: string[] = []
  let bytes = 0
  for (let i = 0; i + 1 < raw.length; i += 2) {
    bytes += Buffer.byteLength(raw[i] as string) + Buffer.byteLength(raw[i + 1] as string)
    if (bytes > RESPONSE_HEADERS_LIMIT) break
    lines.push(raw[i] as string, raw[i + 1] as string)
  }
  return lines.join('\n')
}

/** A response body as kept (one character a byte) as the text it is, UTF-8 decoded. */
export function responseText(kept: string): string {
  return Buffer.from(kept, 'latin1').toString('utf8')
}

/** Packed headers as Dwolla lists them: `{name, value}`, in order. */
export function unpackHeaders(packed: string): Header[] {
  if (packed === '') return []
  const lines = packed.split('\n')
  const headers: Header[] = []
  for (let i = 0; i + 1 < lines.length; i += 2) headers.push({ name: lines[i] as string, value: lines[i + 1] as string })
  return headers
}
