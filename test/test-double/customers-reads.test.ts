import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import t from 'tap'
import { buildServer } from '../../src/index.js'
import { UNVERIFIED } from '../customers/fields.js'
import { createCustomerVia, SEEDED } from '../helpers/customers.js'
import { accessTokenFor, apiRequest, mockFor } from '../helpers/mock.js'
import { tempFolder } from '../helpers/temp-folder.js'

// Issue 27 #6: admin reads made an application's world, so ten reads with misspelt keys pushed
// every real application out (and, with --state, kept the typos across restarts).

t.test('reading the test double’s customers never makes an application’s world, nor moves one out', async (t) => {
  const { path } = await tempFolder(t)
  const stateFile = join(path, 'state.json')
  const app = await buildServer({ stateFile, applicationLimit: 2 })
  t.teardown(() => app.close())
  const token = await accessTokenFor(app)
  const id = await createCustomerVia(app, token, UNVERIFIED)
  const other = await accessTokenFor(app, 'other')
  await apiRequest(app, 'GET', '/customers', { token: other })
  t.equal(app.mockDwolla.worlds.size, 2, 'two applications at work, the limit')
  for (let i = 0; i < 10; i++) {
    const listed = await app.inject({ method: 'GET', url: `/__mock/customers?application=typo-${i}` })
    t.equal(listed.statusCode, 200, `GET /__mock/customers?application=typo-${i}: 200`)
    t.same(
      listed
        .json()
        .customers.map((customer: { id: string }) => customer.id)
        .sort(),
      Object.values(SEEDED).sort(),
      `typo-${i}: the seeds it would start with, nothing else`,
    )
    t.equal((await app.inject({ method: 'GET', url: `/__mock/customers/${id}?application=typo-${i}` })).statusCode, 404, `typo-${i}: not its customer`)
    const status = await app.inject({ method: 'POST', url: `/__mock/customers/${id}/status`, payload: { status: 'suspended', application: `typo-${i}` } })
    t.equal(status.statusCode, 404, `typo-${i}: a status change for a customer it does not have changes nothing`)
  }
  t.equal(app.mockDwolla.worlds.size, 2, 'still the same two applications')
  t.equal((await apiRequest(app, 'GET', `/customers/${id}`, { token })).statusCode, 200, 'the real application kept its customer')
  t.same(app.mockDwolla.customers.list({ application: 'nobody' }).length, 12, 'in code too: the seeds an application would start with')
  t.equal(app.mockDwolla.customers.get(SEEDED.unverified, { application: 'nobody' })?.status, 'unverified', 'one of them by id')
  t.equal(app.mockDwolla.worlds.find('nobody'), undefined, 'and no world for it')
  await app.mockDwolla.stateFile?.flush()
  t.notMatch(await readFile(stateFile, 'utf8'), /typo|nobody/, 'nothing about them in the state file')
})

t.test('/__mock/customers refuses an unknown query key, and an application key longer than any a token can carry', async (t) => {
  const app = await mockFor(t)
  const typo = await app.inject({ method: 'GET', url: '/__mock/customers?aplication=key' })
  t.same(
    [typo.statusCode, typo.json()],
    [400, { error: 'InvalidQuery', message: 'unknown filter "aplication": filter by application' }],
    'a misspelt key: 400, not every application’s customers',
  )
  t.equal((await app.inject({ method: 'GET', url: '/__mock/customers?application=a&application=b' })).statusCode, 400, 'a key given twice: 400')
  t.equal((await app.inject({ method: 'GET', url: `/__mock/customers/${SEEDED.unverified}?other=1` })).statusCode, 400, 'on one customer too')
  const long = 'k'.repeat(60_000)
  const cases = [
    { method: 'POST' as const, url: '/__mock/customers', payload: { ...UNVERIFIED, application: long } },
    { method: 'GET' as const, url: `/__mock/customers?application=${'k'.repeat(257)}` },
    { method: 'POST' as const, url: `/__mock/customers/${SEEDED.unverified}/status`, payload: { status: 'suspended', application: long } },
  ]
  for (const request of cases) {
    const response = await app.inject(request)
    t.same(
      [response.statusCode, response.json()],
      [400, { error: 'InvalidApplication', message: 'application: expected an application key of at most 256 characters' }],
      `${request.method} ${request.url.slice(0, 40)}: 400 InvalidApplication`,
    )
  }
  t.equal(app.mockDwolla.worlds.size, 0, 'nothing made')
  const exact = await app.inject({ method: 'POST', url: '/__mock/customers', payload: { ...UNVERIFIED, application: 'k'.repeat(256) } })
  t.equal(exact.statusCode, 201, 'a key of 256 characters, as long as /token takes, is fine')
})
