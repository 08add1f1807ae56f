import { readFile } from 'node:fs/promises'
import t from 'tap'
import { DwollaError, ResponseValidationError } from 'dwolla/models/errors'
import { LLC, PERSONAL } from '../customers/fields.js'
import { SEEDED } from '../helpers/customers.js'
import { listeningMock } from '../helpers/listening.js'
import { rejectionOf } from '../helpers/rejection.js'
import { dwollaSdkFor } from '../helpers/sdk-clients.js'
import { OWNER, pngOf, sampleFile } from '../helpers/verification.js'

const idFrom = (headers: Record<string, string[]> | undefined) => new URL(headers?.location?.[0] as string).pathname.split('/').pop() as string
const codeOf = (error: DwollaError) => (JSON.parse(error.body) as { code: string }).code

t.test('dwolla: the business drop-in flow — owners, certify, then send', async (t) => {
  const mock = await listeningMock(t)
  const sdk = dwollaSdkFor(mock.url)
  const business = idFrom((await sdk.customers.create({ ...LLC, type: 'business', businessType: 'llc', email: 'llc@example.com' }))?.headers)
  const created = await sdk.customers.beneficialOwners.create({ id: business, requestBody: OWNER })
  t.match(created?.headers.location?.[0], new RegExp(`^${mock.url}/beneficial-owners/[0-9a-f-]{36}$`), 'create: headers.location[0]')
  const owner = idFrom(created?.headers)
  const incomplete = idFrom((await sdk.customers.beneficialOwners.create({ id: business, requestBody: { ...OWNER, firstName: 'incomplete' } }))?.headers)
  const list = await sdk.customers.beneficialOwners.list({ id: business })
  t.same(
    list.embedded?.beneficialOwners?.map((item) => [item.id, item.verificationStatus, item.created instanceof Date, item.address.country]),
    [
      [owner, 'verified', true, 'US'],
      [incomplete, 'incomplete', true, 'US'],
    ],
    'list: every item passes the SDK schema (created, full address)',
  )
  const read = await sdk.beneficialOwners.get({ id: owner })
  t.same([read.id, read.firstName, read.links.self?.href], [owner, 'Jane', `${mock.url}/beneficial-owners/${owner}`], 'get')
  const updated = await sdk.beneficialOwners.update({ id: incomplete, requestBody: { ...OWNER, firstName: 'Updated', ssn: '123-45-6789' } })
  t.same([updated.verificationStatus, updated.firstName], ['verified', 'Updated'], 'update: the one retry')
  const refused = await rejectionOf<DwollaError>(sdk.beneficialOwners.update({ id: owner, requestBody: OWNER }))
  t.same([refused.statusCode, codeOf(refused)], [403, 'InvalidResourceState'], 'update of a verified owner: a typed 403')
  const removed = await sdk.beneficialOwners.delete({ id: incomplete })
  t.ok(removed, 'delete: a JSON body the SDK accepts')
  const missing = await rejectionOf<DwollaError>(sdk.beneficialOwners.get({ id: incomplete }))
  t.equal(missing.statusCode, 404, 'then 404')
  t.equal((await sdk.customers.beneficialOwnership.get({ id: business })).status, 'uncertified', 'ownership: uncertified')
  const before = await sdk.customers.get({ id: business })
  t.ok(before.links?.['certify-beneficial-ownership'] !== undefined && before.links?.send === undefined, 'the certify link, no send')
  const certified = await sdk.customers.beneficialOwnership.certify({ id: business, requestBody: { status: 'certified' } })
  t.same([certified.status, certified.links.self?.href], ['certified', `${mock.url}/customers/${business}/beneficial-ownership`], 'certify')
  const after = await sdk.customers.get({ id: business })
  t.ok(after.links?.send !== undefined && after.links?.['certify-beneficial-ownership'] === undefined, 'send, and no certify link')
  const wrong = await rejectionOf<DwollaError>(sdk.customers.beneficialOwnership.certify({ id: business, requestBody: { status: 'maybe' } }))
  t.equal(wrong.statusCode, 400, 'another status: 400')
  const personal = await rejectionOf<DwollaError>(sdk.customers.beneficialOwnership.get({ id: SEEDED.personalVerified }))
  t.equal(personal.statusCode, 404, 'a personal customer: 404')
  const notAllowed = await rejectionOf<DwollaError>(sdk.customers.beneficialOwners.create({ id: SEEDED.personalVerified, requestBody: OWNER }))
  t.equal(notAllowed.statusCode, 403, 'owners for a personal customer: 403')
  const invalid = await rejectionOf<DwollaError>(sdk.customers.beneficialOwners.create({ id: business, requestBody: { ...OWNER, firstName: '' } }))
  t.equal(invalid.statusCode, 400, 'a field problem: 400')
})

t.test('dwolla: the personal document flow — upload as the SDK sends it, read the review', async (t) => {
  const mock = await listeningMock(t)
  const SAMPLE = sampleFile(t)
  const sdk = dwollaSdkFor(mock.url)
  const customer = idFrom((await sdk.customers.create({ ...PERSONAL, type: 'personal', firstName: 'document', email: 'doc@example.com' }))?.headers)
  const created = await sdk.customers.documents.create({
    id: customer,
    requestBody: { documentType: 'license', file: { fileName: 'test-document-upload-success.png', content: await readFile(SAMPLE) } },
  })
  const sent = mock.seen.find((request) => request.url === `/customers/${customer}/documents` && request.method === 'POST')
  t.match(sent?.headers['content-type'], /^multipart\/form-data; boundary=/, 'the SDK sent multipart')
  const document = idFrom(created?.headers)
  const read = await sdk.documents.get({ id: document })
  t.same([read.status, read.documentVerificationStatus, read.type, read.created instanceof Date], ['reviewed', 'accepted', 'license', true], 'documents.get')
  t.equal((await sdk.customers.get({ id: customer })).status, 'verified', 'the customer is verified')
  const list = await sdk.customers.documents.list({ id: customer })
  t.same([list.total, list.embedded.documents.map((item) => item.id)], [1, [document]], 'documents.list')
  const duplicate = await rejectionOf<DwollaError>(
    sdk.customers.documents.create({
      id: customer,
      requestBody: { documentType: 'license', file: { fileName: 'again.png', content: await readFile(SAMPLE) } },
    }),
  )
  t.same([duplicate.statusCode, codeOf(duplicate)], [400, 'DuplicateResource'], 'the same file again: a typed 400 DuplicateResource')
  t.ok(duplicate instanceof DwollaError && !(duplicate instanceof ResponseValidationError), 'an error the SDK recognises')
  const blob = await sdk.customers.documents.create({
    id: SEEDED.personalDocument,
    requestBody: { documentType: 'idCard', file: new Blob([new Uint8Array(pngOf())], { type: 'image/png' }) },
  })
  const pending = await sdk.documents.get({ id: idFrom(blob?.headers) })
  t.same([pending.status, pending.documentVerificationStatus], ['pending', 'pending'], 'a bare Blob (filename "blob"): pending review')
  const fail = await sdk.customers.documents.create({
    id: SEEDED.personalDocument,
    requestBody: { documentType: 'passport', file: { fileName: 'upload-fail.png', content: pngOf() } },
  })
  const rejected = await sdk.documents.get({ id: idFrom(fail?.headers) })
  t.same(
    [rejected.documentVerificationStatus, rejected.failureReason, rejected.allFailureReasons?.[0]?.reason],
    ['rejected', 'ScanNotReadable', 'ScanNotReadable'],
    'rejected',
  )
  const forbidden = await rejectionOf<DwollaError>(
    sdk.customers.documents.create({ id: SEEDED.unverified, requestBody: { documentType: 'license', file: { fileName: 'a.png', content: pngOf() } } }),
  )
  t.equal(forbidden.statusCode, 403, 'an unverified customer: 403')
  const badType = await rejectionOf<DwollaError>(
    sdk.customers.documents.create({
      id: SEEDED.personalDocument,
      requestBody: { documentType: 'license', file: { fileName: 'a.png', content: Buffer.from('text') } },
    }),
  )
  t.same([badType.statusCode, codeOf(badType)], [400, 'invalidFileType'], 'not an image: 400 invalidFileType')
  const unknown = await rejectionOf<DwollaError>(
    sdk.customers.documents.create({
      id: '99999999-9999-4999-8999-999999999999',
      requestBody: { documentType: 'license', file: { fileName: 'a.png', content: pngOf() } },
    }),
  )
  t.equal(unknown.statusCode, 404, 'an unknown customer: 404')
  const large = await rejectionOf<DwollaError>(
    sdk.customers.documents.create({
      id: SEEDED.personalDocument,
      requestBody: { documentType: 'license', file: { fileName: 'a.png', content: pngOf(10 * 1024 * 1024 + 1) } },
    }),
  )
  t.same([large.statusCode, codeOf(large)], [413, 'fileTooLarge'], 'over 10 MiB: 413')
  const missingDocument = await rejectionOf<DwollaError>(sdk.documents.get({ id: '99999999-9999-4999-8999-999999999999' }))
  t.equal(missingDocument.statusCode, 404, 'an unknown document: 404')
})

t.test("dwolla: a beneficial owner's document", async (t) => {
  const mock = await listeningMock(t)
  const SAMPLE = sampleFile(t)
  const sdk = dwollaSdkFor(mock.url)
  const owner = idFrom(
    (await sdk.customers.beneficialOwners.create({ id: SEEDED.businessVerified, requestBody: { ...OWNER, firstName: 'document' } }))?.headers,
  )
  const created = await sdk.beneficialOwners.documents.create({
    id: owner,
    requestBody: { documentType: 'license', file: { fileName: 'test-document-upload-success.png', content: await readFile(SAMPLE) } },
  })
  t.ok(idFrom(created?.headers), 'beneficialOwners.documents.create: a Location')
  const list = await sdk.beneficialOwners.documents.list({ id: owner })
  t.same([list.total, list.embedded.documents[0]?.documentVerificationStatus], [1, 'accepted'], 'beneficialOwners.documents.list')
  t.equal((await sdk.beneficialOwners.get({ id: owner })).verificationStatus, 'verified', 'the owner is verified')
})

t.test('dwolla: the kba flow', async (t) => {
  const mock = await listeningMock(t)
  const sdk = dwollaSdkFor(mock.url)
  const customer = idFrom((await sdk.customers.create({ ...PERSONAL, type: 'personal', firstName: 'kba', email: 'kba@example.com' }))?.headers)
  const initiated = await sdk.customers.kba.initiate({ id: customer })
  const kba = idFrom(initiated?.headers)
  const sent = mock.seen.find((request) => request.url === `/customers/${customer}/kba`)
  t.equal(sent?.headers['content-type'], undefined, 'initiate: no body, no Content-Type')
  const questions = await sdk.kba.getQuestions({ id: kba })
  t.same([questions.id, questions.questions?.length, questions.links.answer?.href], [kba, 4, `${mock.url}/kba/${kba}`], 'getQuestions')
  const answers = (questions.questions ?? []).map((question) => ({ questionId: question.id, answerId: question.answers?.at(-1)?.id as string }))
  const result = await sdk.kba.verify({ id: kba, requestBody: { answers } })
  t.same([result.verificationStatus, result.links?.customer?.href], ['verified', `${mock.url}/customers/${customer}`], 'verify: verified')
  const again = await rejectionOf<DwollaError>(sdk.kba.verify({ id: kba, requestBody: { answers } }))
  t.same([again.statusCode, codeOf(again)], [403, 'InvalidResourceState'], 'a second attempt: 403')
  const gone = await rejectionOf<DwollaError>(sdk.kba.getQuestions({ id: kba }))
  t.equal(gone.statusCode, 403, 'questions after the attempt: 403')
  const notKba = await rejectionOf<DwollaError>(sdk.customers.kba.initiate({ id: SEEDED.personalVerified }))
  t.equal(notKba.statusCode, 403, 'a customer not in kba: 403')
  const unknown = await rejectionOf<DwollaError>(sdk.kba.getQuestions({ id: '99999999-9999-4999-8999-999999999999' }))
  t.equal(unknown.statusCode, 404, 'an unknown session: 404')
  const failing = idFrom((await sdk.customers.kba.initiate({ id: SEEDED.personalKba }))?.headers)
  const asked = await sdk.kba.getQuestions({ id: failing })
  const wrong = (asked.questions ?? []).map((question) => ({ questionId: question.id, answerId: question.answers?.[0]?.id as string }))
  t.equal((await sdk.kba.verify({ id: failing, requestBody: { answers: wrong } })).verificationStatus, 'failed', 'other answers: failed')
  t.equal((await sdk.customers.get({ id: SEEDED.personalKba })).status, 'document', 'the customer moves to document')
})
