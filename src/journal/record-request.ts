import type { FastifyRequest } from 'fastify'
import type { RequestContext } from '../http/request-context.js'
import type { JournalRecord } from './request-journal.js'

declare module 'fastify' {
  interface FastifyRequest {
    /** The body as received, decoded, before parsing (set by the body parsers, for the journal). */
    bodyText?: string
  }
}

/** What the journal records of a request that has ended: its text, taken as it is. */
export function journalRecord(
  request: FastifyRequest,
  context: RequestContext | undefined,
  status: number | null,
  durationMs: number,
  now: () => number,
): JournalRecord {
  const body = request.bodyText
  return {
    id: request.id,
    // Every API request has a context by the time it ends; the clock covers any that might not.
    receivedAt: context?.receivedAt ?? now() - durationMs,
    method: request.method,
    url: request.url,
    headers: request.raw.rawHeaders.join('\n'),
    body,
    bodyBytes: bodyBytesOf(request, body),
    operation: context?.operationId,
    clientId: context?.clientId,
    fixtureRule: context?.fixtureRule,
    status,
    code: context?.errorCode,
    reason: context?.errorReason,
    durationMs,
  }
}

/**
 * The size of the body received, in bytes: its Content-Length, which Fastify holds a body read to
 * (a body of another length is refused unread), or, sent chunked, its text's UTF-8 length. A body
 * never read (refused before parsing) counts as what it declared.
 */
function bodyBytesOf(request: FastifyRequest, body: string | undefined): number {
  const declared = Number(request.headers['content-length']) || 0
  return body === undefined || request.headers['content-length'] !== undefined ? declared : Buffer.byteLength(body)
}
