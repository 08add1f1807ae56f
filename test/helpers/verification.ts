import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Test } from 'tap'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { DWOLLA_MEDIA_TYPE } from '../../src/index.js'
import { LLC, PERSONAL } from '../customers/fields.js'
import { createCustomerVia } from './customers.js'
import { apiRequest } from './mock.js'

/** An owner as Dwolla's create-a-beneficial-owner example has one. */
export const OWNER = {
  firstName: 'Jane',
  lastName: 'Owner',
  dateOfBirth: '1960-11-30',
  ssn: '123-56-7890',
  address: { address1: '99-99 33rd St', address2: 'Apt 12', city: 'Some City', stateProvinceRegion: 'NY', country: 'US', postalCode: '10005' },
}

/**
 * A generated PNG written to a file named as Dwolla's success sample (the name is what the mock
 * reads when the bytes are not the sample's: Dwolla's own images are not ours to ship; their
 * digests are tested in test/verification/models.test.ts). Removed when the test ends.
 */
export function sampleFile(t: Test, name = 'test-document-upload-success.png'): string {
  const folder = mkdtempSync(join(tmpdir(), 'mock-dwolla-document-'))
  t.teardown(() => rmSync(folder, { recursive: true, force: true }))
  const path = join(folder, name)
  writeFileSync(path, pngOf())
  return path
}

/** A PNG of `size` bytes that is no sample: the signature, then random bytes (so every one differs). */
export function pngOf(size = 512): Buffer {
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(Math.max(0, size - 8))])
}

let emailCount = 0
const uniqueEmail = () => `verification-${++emailCount}@example.com`

/** A new verified llc of the application, by its id. */
export function createLlcVia(app: FastifyInstance, token: string, fields: Record<string, unknown> = {}): Promise<string> {
  return createCustomerVia(app, token, { ...LLC, email: uniqueEmail(), ...fields })
}

/** A new personal customer in the status its firstName asks for (`document`, `kba`, ...). */
export function createPersonalVia(app: FastifyInstance, token: string, firstName = 'Jane'): Promise<string> {
  return createCustomerVia(app, token, { ...PERSONAL, email: uniqueEmail(), firstName })
}

/** POST /customers/{id}/beneficial-owners; the new owner's id. */
export async function createOwnerVia(app: FastifyInstance, token: string, customerId: string, fields: Record<string, unknown> = {}): Promise<string> {
  const response = await apiRequest(app, 'POST', `/customers/${customerId}/beneficial-owners`, { token, body: { ...OWNER, ...fields } })
  if (response.statusCode !== 201) throw new Error(`expected 201, got ${response.statusCode} ${response.body}`)
  return (response.headers.location as string).split('/').pop() as string
}

export interface FormPart {
  name: string
  value: string | Buffer
  fileName?: string
  contentType?: string
}

/** A multipart/form-data body, byte for byte, with its boundary. */
export function multipart(parts: readonly FormPart[], boundary = `----mockdwolla${randomBytes(8).toString('hex')}`): { body: Buffer; contentType: string } {
  const chunks: Buffer[] = []
  for (const part of parts) {
    const fileName = part.fileName === undefined ? '' : `; filename="${part.fileName}"`
    const type = part.contentType === undefined ? '' : `\r\nContent-Type: ${part.contentType}`
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"${fileName}${type}\r\n\r\n`),
      Buffer.from(part.value),
      Buffer.from('\r\n'),
    )
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`))
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` }
}

/** An upload as dwolla@1.1.1 sends one: `documentType`, then `file` with its name and type. */
export function upload(
  app: FastifyInstance,
  token: string,
  path: string,
  file: Buffer,
  options: { documentType?: string; fileName?: string; contentType?: string } = {},
): Promise<LightMyRequestResponse> {
  const { body, contentType } = multipart([
    { name: 'documentType', value: options.documentType ?? 'license' },
    { name: 'file', value: file, fileName: options.fileName ?? 'id.png', contentType: options.contentType ?? 'image/png' },
  ])
  return app.inject({
    method: 'POST',
    url: path,
    headers: { authorization: `Bearer ${token}`, accept: DWOLLA_MEDIA_TYPE, 'content-type': contentType },
    payload: body,
  })
}

/** DELETE with the SDKs' headers. */
export function deleteRequest(app: FastifyInstance, url: string, token: string): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'DELETE', url, headers: { authorization: `Bearer ${token}`, accept: DWOLLA_MEDIA_TYPE } })
}

/** The application's event topics for one resource, oldest first, from GET /events. */
export async function topicsFor(app: FastifyInstance, token: string, resourceId: string): Promise<string[]> {
  const response = await apiRequest(app, 'GET', '/events?limit=200', { token })
  const events = response.json<{ _embedded: { events: Array<{ topic: string; resourceId: string }> } }>()._embedded.events
  return events
    .filter((event) => event.resourceId === resourceId)
    .map((event) => event.topic)
    .reverse()
}

/** The id at the end of a Location. */
export const idOf = (response: LightMyRequestResponse): string => (response.headers.location as string).split('/').pop() as string
