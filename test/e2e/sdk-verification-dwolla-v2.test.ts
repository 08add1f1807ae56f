import { createReadStream } from 'node:fs'
import FormData from 'form-data'
import t from 'tap'
import { LLC, PERSONAL } from '../customers/fields.js'
import { SEEDED } from '../helpers/customers.js'
import { listeningMock } from '../helpers/listening.js'
import { rejectionOf } from '../helpers/rejection.js'
import { dwollaV2For } from '../helpers/sdk-clients.js'
import { OWNER, pngOf, sampleFile } from '../helpers/verification.js'

type SdkError = Error & { status: number; body: { code: string; message: string; _links?: { about?: { href: string } } } }

/** Dwolla's documented dwolla-v2 upload: an npm form-data body, the file with its name and type. */
function form(documentType: string, file: Buffer | NodeJS.ReadableStream, filename?: string): FormData {
  const body = new FormData()
  body.append('file', file, filename === undefined ? undefined : { filename, contentType: 'image/png' })
  body.append('documentType', documentType)
  return body
}

t.test('dwolla-v2: the business drop-in flow — owners, certify, then send', async (t) => {
  const mock = await listeningMock(t)
  const client = dwollaV2For(mock.url)
  const business = (await client.post('customers', { ...LLC, email: 'v2-llc@example.com' })).headers.get('location') as string
  const created = await client.post(`${business}/beneficial-owners`, OWNER)
  t.same([created.status, created.body], [201, ''], 'create: 201, no body')
  const owner = created.headers.get('location') as string
  t.match(owner, new RegExp(`^${mock.url}/beneficial-owners/[0-9a-f-]{36}$`), 'an absolute Location')
  const incomplete = (await client.post(`${business}/beneficial-owners`, { ...OWNER, firstName: 'incomplete' })).headers.get('location') as string
  const list = await client.get(`${business}/beneficial-owners`)
  t.equal(list.body.total, 2, 'list')
  t.equal((await client.get(owner)).body.verificationStatus, 'verified', 'get')
  const updated = await client.post(incomplete, { ...OWNER, firstName: 'Updated' })
  t.equal(updated.body.verificationStatus, 'verified', 'update')
  const refused = await rejectionOf<SdkError>(client.post(owner, OWNER))
  t.same([refused.status, refused.body.code], [403, 'InvalidResourceState'], 'update of a verified owner: 403')
  const removed = await client.delete(incomplete)
  t.same([removed.status, removed.body.id], [200, incomplete.split('/').pop()], 'delete: 200 with the owner')
  const ownership = await client.get(`${business}/beneficial-ownership`)
  t.equal(ownership.body.status, 'uncertified', 'ownership')
  t.notOk((await client.get(business)).body._links.send, 'no send yet')
  const certified = await client.post(ownership.body._links.self.href, { status: 'certified' })
  t.equal(certified.body.status, 'certified', 'certified')
  const after = await client.get(business)
  t.ok(after.body._links.send && !after.body._links['certify-beneficial-ownership'], 'send, no certify link')
  const personal = await rejectionOf<SdkError>(client.get(`customers/${SEEDED.personalVerified}/beneficial-ownership`))
  t.equal(personal.status, 404, 'a personal customer: 404')
})

t.test('dwolla-v2: the personal document flow with an npm form-data body', async (t) => {
  const mock = await listeningMock(t)
  const SAMPLE = sampleFile(t)
  const client = dwollaV2For(mock.url)
  const customer = (await client.post('customers', { ...PERSONAL, firstName: 'document', email: 'v2-doc@example.com' })).headers.get('location') as string
  const created = await client.post(`${customer}/documents`, form('license', createReadStream(SAMPLE), 'test-document-upload-success.png'))
  t.same([created.status, created.body], [201, ''], '201, no body')
  const sent = mock.seen.find((request) => request.method === 'POST' && request.url.endsWith('/documents'))
  t.match(sent?.headers['content-type'], /^multipart\/form-data; boundary=-{26}[0-9a-f]+$/, "form-data's own boundary")
  const document = await client.get(created.headers.get('location') as string)
  t.same([document.body.status, document.body.documentVerificationStatus], ['reviewed', 'accepted'], 'accepted')
  t.equal((await client.get(customer)).body.status, 'verified', 'the customer is verified')
  const list = await client.get(`${customer}/documents`)
  t.equal(list.body.total, 1, 'listed')
  const duplicate = await rejectionOf<SdkError>(client.post(`${customer}/documents`, form('license', createReadStream(SAMPLE), 'again.png')))
  t.same(
    [duplicate.status, duplicate.body.code, duplicate.body._links?.about?.href],
    [400, 'DuplicateResource', created.headers.get('location')],
    'the same file: DuplicateResource about the first',
  )
  const nameless = await client.post(`customers/${SEEDED.personalDocument}/documents`, form('idCard', pngOf()))
  t.equal(
    (await client.get(nameless.headers.get('location') as string)).body.documentVerificationStatus,
    'pending',
    'a Buffer without a file name: pending review',
  )
  const json = await rejectionOf<SdkError>(client.post(`customers/${SEEDED.personalDocument}/documents`, { documentType: 'license', file: pngOf() }))
  t.same([json.status, json.body.code], [400, 'BadRequest'], 'a plain object is sent as JSON: 400 BadRequest, never a document')
  const tooMany = await rejectionOf<SdkError>(
    (async () => {
      for (let i = 0; i < 5; i++) await client.post(`customers/${SEEDED.personalDocument}/documents`, form('license', pngOf(), 'id.png'))
    })(),
  )
  t.same([tooMany.status, tooMany.body.code], [400, 'maximumNumberOfResources'], 'a fifth pending: maximumNumberOfResources')
  const forbidden = await rejectionOf<SdkError>(client.post(`customers/${SEEDED.unverified}/documents`, form('license', pngOf(), 'id.png')))
  t.same([forbidden.status, forbidden.body.code], [403, 'invalidResourceState'], 'an unverified customer: 403')
  const large = await rejectionOf<SdkError>(
    client.post(`customers/${SEEDED.businessDocument}/documents`, form('license', pngOf(10 * 1024 * 1024 + 1), 'id.png')),
  )
  t.same([large.status, large.body.code], [413, 'fileTooLarge'], 'over 10 MiB: 413')
})

t.test("dwolla-v2: an owner's document, and the kba flow", async (t) => {
  const mock = await listeningMock(t)
  const SAMPLE = sampleFile(t)
  const client = dwollaV2For(mock.url)
  const owner = (await client.post(`customers/${SEEDED.businessVerified}/beneficial-owners`, { ...OWNER, firstName: 'document' })).headers.get(
    'location',
  ) as string
  const uploaded = await client.post(`${owner}/documents`, form('license', createReadStream(SAMPLE), 'test-document-upload-success.png'))
  t.equal(uploaded.status, 201, "the owner's upload")
  t.equal((await client.get(`${owner}/documents`)).body._embedded.documents[0].documentVerificationStatus, 'accepted', 'listed, accepted')
  t.equal((await client.get(owner)).body.verificationStatus, 'verified', 'the owner is verified')
  const customer = (await client.post('customers', { ...PERSONAL, firstName: 'kba', email: 'v2-kba@example.com' })).headers.get('location') as string
  const initiated = await client.post(`${customer}/kba`)
  t.equal(initiated.status, 201, 'initiate with no body (dwolla-v2 sends application/json and nothing)')
  const questions = await client.get(initiated.headers.get('location') as string)
  const answers = questions.body.questions.map((question: { id: string; answers: Array<{ id: string }> }) => ({
    questionId: question.id,
    answerId: question.answers[4]?.id,
  }))
  const result = await client.post(questions.body._links.answer.href, { answers })
  t.equal(result.body.verificationStatus, 'verified', 'verified')
  const expired = await rejectionOf<SdkError>(client.post(questions.body._links.answer.href, { answers }))
  t.same([expired.status, expired.body.message], [403, 'The kba session is no longer valid.'], 'one attempt')
  const unknown = await rejectionOf<SdkError>(client.get('kba/99999999-9999-4999-8999-999999999999'))
  t.equal(unknown.status, 404, 'an unknown session')
})
