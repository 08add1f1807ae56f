import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import t from 'tap'

const run = promisify(execFile)
const dist = (path: string) => JSON.stringify(fileURLToPath(new URL(`../../dist/${path}`, import.meta.url)))

// Each store filled with worst-case records, in its own process with --expose-gc, so the heap is
// measured after full collections. The bytes each WorldPart's weigh counts must cover them.
const script = `
import { randomUUID } from 'node:crypto'
import { buildServer } from ${dist('index.js')}
import { BENEFICIAL_OWNERS } from ${dist('resources/beneficial-owners/index.js')}
import { OWNER_BYTES, CERTIFICATION_BYTES } from ${dist('resources/beneficial-owners/owners-part.js')}
import { DOCUMENTS, DOCUMENT_BYTES } from ${dist('resources/documents/documents-part.js')}
import { KBA_SESSIONS, KBA_SESSION_BYTES } from ${dist('resources/kba/kba-part.js')}
const app = await buildServer({ defaultFixtures: false })
const world = app.mockDwolla.worlds.open('application')
const owners = world.get(BENEFICIAL_OWNERS)
const documents = world.get(DOCUMENTS)
const N = 5000
const long = (prefix, i) => (prefix + i).padEnd(50, 'x')
const measure = (fill) => { global.gc(); const before = process.memoryUsage().heapUsed; fill(); global.gc(); return (process.memoryUsage().heapUsed - before) / N }
const owner = measure(() => {
  for (let i = 0; i < N; i++) {
    const customer = randomUUID()
    owners.create(customer, { firstName: long('F', i), lastName: long('L', i), dateOfBirth: '1960-11-30', ssn: '123-56-7890',
      address: { address1: long('A', i), address2: long('B', i), address3: long('C', i), city: long('City', i).replace(/\\d/g, 'y'),
        stateProvinceRegion: 'NY', country: 'GB', postalCode: long('P', i) } })
    owners.certify(customer, 'certified')
  }
})
const document = measure(() => {
  for (let i = 0; i < N; i++) {
    const added = documents.add({ holder: 'beneficial-owner', holderId: randomUUID(), customerId: randomUUID(), type: 'passport', digest: randomUUID().replace(/-/g, '').repeat(2) })
    documents.review(added.id, 'rejected', 'ForeignPassportNotAllowed')
  }
})
// KBA sessions: at most 1,000 an application, so five applications' worth, after one unmeasured
// (the compiler's own allocations would otherwise be in the figure).
const kbaStores = Array.from({ length: 6 }, (_, i) => app.mockDwolla.worlds.open('kba-' + i).get(KBA_SESSIONS))
const fillKba = (store) => { for (let i = 0; i < 1000; i++) { const opened = store.open(randomUUID()); store.read(opened.id); store.answer(opened.id) } }
fillKba(kbaStores[0])
const session = measure(() => kbaStores.slice(1).forEach(fillKba))
console.log(JSON.stringify({ owner, document, session, OWNER_BYTES: OWNER_BYTES + CERTIFICATION_BYTES, DOCUMENT_BYTES, KBA_SESSION_BYTES,
  sizes: [owners.size, owners.certificationCount, documents.size, ...kbaStores.map((store) => store.size)] }))
await app.close()
`

t.test('the verification stores weigh at least what their worst records hold', async (t) => {
  const { stdout } = await run(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], { maxBuffer: 1024 * 1024 })
  const measured = JSON.parse(stdout) as {
    owner: number
    document: number
    session: number
    OWNER_BYTES: number
    DOCUMENT_BYTES: number
    KBA_SESSION_BYTES: number
    sizes: number[]
  }
  t.same(measured.sizes, [5000, 5000, 5000, 1000, 1000, 1000, 1000, 1000, 1000], 'every record held')
  t.ok(measured.owner < measured.OWNER_BYTES, `an owner and its certification: ${Math.round(measured.owner)} bytes, under the ${measured.OWNER_BYTES} weighed`)
  t.ok(measured.document < measured.DOCUMENT_BYTES, `a document: ${Math.round(measured.document)} bytes, under the ${measured.DOCUMENT_BYTES} weighed`)
  t.ok(measured.session < measured.KBA_SESSION_BYTES, `a KBA session: ${Math.round(measured.session)} bytes, under the ${measured.KBA_SESSION_BYTES} weighed`)
})
