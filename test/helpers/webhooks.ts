import type { FastifyInstance } from 'fastify'
import { apiRequest } from './mock.js'

/** POST /webhook-subscriptions and the new subscription's id, read from Location. */
export async function subscribeVia(app: FastifyInstance, token: string, url: string, secret: string): Promise<string> {
  const response = await apiRequest(app, 'POST', '/webhook-subscriptions', { token, body: { url, secret } })
  if (response.statusCode !== 201) throw new Error(`expected 201, got ${response.statusCode} ${response.body}`)
  return (response.headers.location as string).split('/').pop() as string
}
