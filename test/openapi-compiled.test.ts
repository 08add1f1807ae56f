import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import t from 'tap'
import { COMPILED_TABLE_PATH, documentDigest, liveOperationTable, OPENAPI_DOCUMENT_PATH, tableFor, type CompiledTable } from '../src/http/operation-table.js'

const text = readFileSync(OPENAPI_DOCUMENT_PATH, 'utf8')
// Built by `npm test`'s pretest (npm run build), exactly as it ships.
const compiled = createRequire(import.meta.url)(COMPILED_TABLE_PATH) as CompiledTable
const live = await liveOperationTable(text, {})

const HREF = 'https://api-sandbox.dwolla.com/customers/707177c3-bf15-4e7e-b37c-55c3898d9bf4'
const HAL = 'application/vnd.dwolla.v1.hal+json'
const bodies: unknown[] = [
  undefined,
  null,
  42,
  'text',
  [],
  {},
  { action: 'customer.update', _links: { customer: { href: HREF } } },
  { action: 'customer.create' },
  { action: 'nope' },
  { action: 7, _links: 'x' },
  { action: 'customer.read', _links: {} },
  { action: 'customer.read', _links: { customer: {} } },
  { action: 'customer.read', _links: { customer: { href: 'ftp://x/customers/1' } } },
  { grant_type: 'client_credentials' },
  { grant_type: 'password' },
  { grant_type: ['a', 'b'] },
  { client_id: 'a', client_secret: 'b' },
  { grant_type: 'client_credentials', client_id: ['a', 'b'] },
]
const querySets: Array<Record<string, unknown> | undefined> = [
  undefined,
  {},
  { limit: '10', offset: '0' },
  { limit: 'abc' },
  { limit: '0' },
  { offset: '-1' },
  { status: 'retry' },
  { status: ['retry', 'document'] },
  { status: 'closed' },
  { search: 'jane', email: 'a@b.c' },
  { unknown: 'x' },
]
const pathSets: Array<Record<string, string> | undefined> = [
  undefined,
  { id: '707177c3-bf15-4e7e-b37c-55c3898d9bf4' },
  { id: 'not-a-uuid' },
  { id: 'x', extra: 'y' },
]
const headerSets: Array<Record<string, string>> = [
  {},
  { accept: HAL },
  { accept: `${HAL}; charset=UTF-8` },
  { accept: 'application/json' },
  { accept: `text/html, ${HAL}` },
  { accept: '' },
]

t.test('the compiled table was built from the document as it is now', async (t) => {
  t.equal(compiled.digest, documentDigest(text), 'same digest: the build is not stale')
})

t.test('the compiled table routes exactly what openapi-backend reads from the document', async (t) => {
  const shape = (table: CompiledTable) => table.operations.map(({ operationId, method, path, mediaTypes }) => ({ operationId, method, path, mediaTypes }))
  t.same(shape(compiled), shape(live), 'same operations, methods, paths and body media types')
})

t.test('compiled validators judge every request as openapi-backend does', async (t) => {
  let compared = 0
  for (const [index, operation] of live.operations.entries()) {
    const twin = compiled.operations[index]!
    t.equal(twin.validators.length, operation.validators.length, `${operation.operationId}: as many validators`)
    const inputs = [
      ...bodies.flatMap((requestBody) => headerSets.map((header) => ({ header, requestBody }))),
      ...querySets.flatMap((query) => pathSets.map((path) => ({ header: { accept: HAL }, query, path }))),
    ]
    for (const input of inputs) {
      operation.validators.forEach((validate, i) => {
        const other = twin.validators[i]!
        const verdict = validate(structuredClone(input))
        const errors = (validate.errors ?? []).map(({ instancePath, keyword, params }) => ({ instancePath, keyword, params }))
        const otherVerdict = other(structuredClone(input))
        const otherErrors = (other.errors ?? []).map(({ instancePath, keyword, params }) => ({ instancePath, keyword, params }))
        if (verdict !== otherVerdict || JSON.stringify(errors) !== JSON.stringify(otherErrors)) {
          t.fail(`${operation.operationId} validator ${i} differs on ${JSON.stringify(input)}`)
        }
        compared += 1
      })
    }
  }
  t.ok(compared > 2000, `${compared} verdicts compared, all the same`)
})

t.test('a compiled table made from another document text is not used', async (t) => {
  const chosen = await tableFor(text, compiled)
  t.equal(chosen.source, 'compiled', 'the matching table is used')
  const edited = await tableFor(`${text}\n# edited after the build\n`, compiled)
  t.equal(edited.source, 'openapi-backend', 'an edited document is loaded through openapi-backend instead')
  t.equal((await tableFor(text, undefined)).source, 'openapi-backend', 'so is a missing build')
})
