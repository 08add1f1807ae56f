import type { Test } from 'tap'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { checkResponsesAgainstDocument } from './openapi-conformance.js'
import { buildServer, DWOLLA_MEDIA_TYPE, type MockDwollaOptions } from '../../src/index.js'

export const FORM = 'application/x-www-form-urlencoded'
export const CUSTOMER_ID = '707177c3-bf15-4e7e-b37c-55c3898d9bf4'
export const CUSTOMER_HREF = `https://api-sandbox.dwolla.com/customers/${CUSTOMER_ID}`
export const TOKEN_PATTERN = /^[0-9A-Za-z]{50}$/
export const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

/** A mock built for one test and closed when it ends. */
export async function mockFor(t: Test, options?: MockDwollaOptions): Promise<FastifyInstance> {
  const app = await buildServer(options)
  checkResponsesAgainstDocument(app, t)
  t.teardown(() => app.close())
  return app
}

export function basic(key: string, secret: string): string {
  return `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`
}

/** POST /token the way dwolla-v2 does by default: credentials in the form body. */
export function requestAccessToken(app: FastifyInstance, options: { form?: string; headers?: Record<string, string> } = {}): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url: '/token',
    headers: { 'content-type': FORM, ...options.headers },
    payload: options.form ?? 'client_id=key&client_secret=secret&grant_type=client_credentials',
  })
}

export async function accessTokenFor(app: FastifyInstance, key = 'key', secret = 'secret'): Promise<string> {
  const response = await requestAccessToken(app, { form: `client_id=${key}&client_secret=${secret}&grant_type=client_credentials` })
  return response.json<{ access_token: string }>().access_token
}

export interface ApiRequest {
  token: string
  body?: unknown
  payload?: string
  /** Headers to add, or to remove with undefined. */
  headers?: Record<string, string | undefined>
}

/** An API call with the headers the SDKs send (Bearer token, Dwolla's Accept, JSON), overridable one by one. */
export function apiRequest(app: FastifyInstance, method: 'GET' | 'POST', url: string, options: ApiRequest): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = {}
  const merged = {
    authorization: `Bearer ${options.token}`,
    accept: DWOLLA_MEDIA_TYPE,
    ...(method === 'POST' ? { 'content-type': 'application/json' } : {}),
    ...options.headers,
  }
  for (const [name, value] of Object.entries(merged)) if (value !== undefined) headers[name] = value
  const payload = options.payload ?? (options.body === undefined ? undefined : JSON.stringify(options.body))
  return app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload }) })
}

/** POST /client-tokens with the headers the SDKs send, overridable one by one. */
export function requestClientToken(app: FastifyInstance, options: ApiRequest): Promise<LightMyRequestResponse> {
  return apiRequest(app, 'POST', '/client-tokens', {
    ...options,
    body: options.body ?? { action: 'customer.update', _links: { customer: { href: CUSTOMER_HREF } } },
  })
}
