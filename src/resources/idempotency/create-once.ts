import type { FastifyReply, FastifyRequest } from 'fastify'
import { DwollaError } from '../../errors.js'
import type { HalLinks } from '../../hal/hal-links.js'
import type { ApplicationWorld } from '../../world/application-world.js'
import { IDEMPOTENCY } from './idempotency-part.js'

/**
 * A creating POST's answer, Idempotency-Key honoured (idempotency-key.mdx): `201` with an
 * absolute `Location` and no body. Without a key, `create` runs and answers the path of what it
 * made. With a key used in the last 24 hours on this operation, nothing is created: the first
 * creation's `Location` is answered again, or `409 Conflict` while the first is still on its way
 * (with a state file, until its change is on disk). A different body with the same key is
 * answered the same way (UNKNOWN at Dwolla; the facts' Mock line: replay the original). A key
 * whose creation threw is not kept, so a corrected request can use it.
 */
export function createOnce(
  request: FastifyRequest,
  reply: FastifyReply,
  world: ApplicationWorld,
  links: HalLinks,
  operation: string,
  create: () => string,
): FastifyReply {
  const header = request.headers['idempotency-key']
  const key = typeof header === 'string' && header !== '' ? header : undefined
  if (key === undefined) return created(reply, links, create())
  const store = world.get(IDEMPOTENCY)
  const earlier = store.find(operation, key)
  if (earlier !== undefined) {
    if (earlier.inFlight) throw new DwollaError('Conflict')
    return created(reply, links, earlier.path)
  }
  const path = create()
  const digest = store.remember(operation, key, path)
  world.changed()
  const settle = () => store.settle(digest)
  reply.raw.once('finish', settle)
  reply.raw.once('close', settle)
  return created(reply, links, path)
}

function created(reply: FastifyReply, links: HalLinks, path: string): FastifyReply {
  // No body, so no content type either (Dwolla's spec gives its 201s no content).
  return reply.code(201).header('location', links.url(path)).send()
}
