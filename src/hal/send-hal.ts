import type { FastifyReply } from 'fastify'
import { DWOLLA_CONTENT_TYPE } from '../http/media-types.js'

/** A HAL resource as Dwolla sends one: its media type, compact JSON. Returned for the handler to send. */
export function halBody(reply: FastifyReply, body: unknown): string {
  reply.type(DWOLLA_CONTENT_TYPE)
  return JSON.stringify(body)
}
