import { randomUUID } from 'node:crypto'

/**
 * Dwolla gives every response an X-Request-Id, a lowercase UUID v4. Used as Fastify's genReqId,
 * so logs, errors, the journal and the header share one id (the header is set in
 * request-context.ts).
 */
export function generateRequestId(): string {
  return randomUUID()
}
