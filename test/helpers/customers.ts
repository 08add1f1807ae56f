import type { FastifyInstance } from 'fastify'
import { apiRequest } from './mock.js'

/** A controller as Dwolla's create-a-business-customer example has one. */
export const CONTROLLER = {
  firstName: 'John',
  lastName: 'Controller',
  title: 'CEO',
  dateOfBirth: '1980-01-31',
  ssn: '1234',
  address: { address1: '1749 18th st', address2: 'apt 12', city: 'Des Moines', stateProvinceRegion: 'IA', postalCode: '50266', country: 'US' },
}

/** The seeded customers of fixtures/defaults.json, by what they are. */
export const SEEDED = {
  personalVerified: '707177c3-bf15-4e7e-b37c-55c3898d9bf4',
  unverified: '2f2b5a3e-6c1d-4f0e-9b7a-1d3c5e7f9a01',
  receiveOnly: '5c0e8d4a-2b7f-4a61-8e3d-6f9b1c2a4d02',
  personalRetry: '8a1f3c5e-7d9b-4c2e-a0f4-3b6d8e1f5a03',
  personalKba: 'b4d6f8a0-1c3e-4a5b-9d7f-2e4c6a8b0d04',
  personalDocument: 'c7e9a1b3-5d7f-4b2c-8e0a-4f6b8d0c2e05',
  personalSuspended: 'd0b2c4e6-8f1a-4d3c-b5e7-9a1c3e5f7b06',
  personalDeactivated: 'e3f5a7c9-1b3d-4e5f-a7b9-0c2e4a6c8d07',
  soleProprietorship: 'f6a8c0e2-4d6f-4a8b-9c1e-3f5a7c9e1b08',
  businessVerified: '0a9c8e7f-6d5b-4c3a-8f1e-2d4b6c8a0e09',
  businessRetry: '1b3d5f7a-9c0e-4b2d-a4f6-8e0a2c4e6f10',
  businessDocument: '2c4e6a8c-0e2a-4c4e-b6a8-0c2e4a6c8e11',
} as const

/** The id of the nth customer of a hand-written state file: `11111111-1111-4111-8111-111111111111` for 1. */
export const storedCustomerId = (n: number): string => `${String(n).repeat(8)}-1111-4111-8111-111111111111`

/** The nth customer as a state file keeps it (unverified, last name `N<n>`), for hand-written state files and journals. */
export const storedCustomer = (n: number, changes: object = {}): Record<string, unknown> => ({
  id: storedCustomerId(n),
  type: 'unverified',
  status: 'unverified',
  firstName: 'A',
  lastName: `N${n}`,
  email: `n${n}@example.com`,
  created: '2026-01-01T00:00:00.000Z',
  ...changes,
})

/** POST /customers and the new customer's id, read from Location as Dwolla's own examples do. */
export async function createCustomerVia(app: FastifyInstance, token: string, body: unknown): Promise<string> {
  const response = await apiRequest(app, 'POST', '/customers', { token, body })
  if (response.statusCode !== 201) throw new Error(`expected 201, got ${response.statusCode} ${response.body}`)
  return (response.headers.location as string).split('/').pop() as string
}
