import { createHmac, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Test } from 'tap'

/** One webhook as a receiver saw it: the raw body, and whether its signature checked out. */
export interface ReceivedWebhook {
  headers: IncomingHttpHeaders
  /** The raw body, exactly the bytes received, as UTF-8. */
  body: string
  topic: string | undefined
  /** HMAC-SHA256 of the raw body with the secret, compared in constant time with X-Request-Signature-SHA-256. */
  signatureValid: boolean
  event: Record<string, unknown>
}

/** How the receiver answers; by default `200 ok`. Given the request, its raw body and the response. */
export type Answer = (request: IncomingMessage, response: ServerResponse, body: Buffer) => void

/**
 * The way Dwolla's docs say a receiver must check a webhook (process-validate.mdx; Dwolla's
 * webhook-receiver): the lowercase hex HMAC-SHA256 of the raw request body, keyed with the
 * subscription's secret, equals X-Request-Signature-SHA-256, compared in constant time.
 */
export function verifySignature(rawBody: Buffer, signature: string | string[] | undefined, secret: string): boolean {
  if (typeof signature !== 'string') return false
  const expected = Buffer.from(createHmac('sha256', secret).update(rawBody).digest('hex'))
  const given = Buffer.from(signature)
  return given.length === expected.length && timingSafeEqual(given, expected)
}

/**
 * A small HTTP server standing in for a team's own webhook handler, on a free loopback port for
 * one test: it records every webhook with its signature checked, and answers as `answer` says.
 */
export async function webhookReceiver(t: Test, secret: string, answer: Answer = (_request, response) => response.end('ok')) {
  const received: ReceivedWebhook[] = []
  const state = { answer }
  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const raw = Buffer.concat(chunks)
      const body = raw.toString('utf8')
      let event: Record<string, unknown> = {}
      try {
        event = JSON.parse(body) as Record<string, unknown>
      } catch {
        // Recorded as received; the test decides what that means.
      }
      const topic = request.headers['x-dwolla-topic']
      received.push({
        headers: request.headers,
        body,
        topic: typeof topic === 'string' ? topic : undefined,
        signatureValid: verifySignature(raw, request.headers['x-request-signature-sha-256'], secret),
        event,
      })
      state.answer(request, response, raw)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  t.teardown(() => {
    server.closeAllConnections()
    return new Promise<void>((resolve) => server.close(() => resolve()))
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    received,
    /** Changes how it answers from now on. */
    answerWith(next: Answer) {
      state.answer = next
    },
    server,
  }
}
