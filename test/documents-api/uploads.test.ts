import t from 'tap'
import { DWOLLA_ERRORS, DWOLLA_MEDIA_TYPE, NOT_FOUND_MESSAGES } from '../../src/index.js'
import { SEEDED } from '../helpers/customers.js'
import { accessTokenFor, apiRequest, mockFor } from '../helpers/mock.js'
import { createLlcVia, createOwnerVia, createPersonalVia, idOf, multipart, pngOf, topicsFor, upload } from '../helpers/verification.js'

const error = (code: keyof typeof DWOLLA_ERRORS) => ({ code, message: DWOLLA_ERRORS[code].message })

t.test('a personal customer in document: a file named as the success sample is approved and the customer verified', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const customer = await createPersonalVia(app, token, 'document')
  const created = await upload(app, token, `/customers/${customer}/documents`, pngOf(), { fileName: 'my-license-success.png' })
  t.equal(created.statusCode, 201, '201')
  t.equal(created.body, '', 'no body')
  t.match(created.headers.location, /^http:\/\/localhost:80\/documents\/[0-9a-f-]{36}$/, 'an absolute Location')
  const id = idOf(created)
  const document = await apiRequest(app, 'GET', `/documents/${id}`, { token })
  t.same(
    document.json(),
    {
      _links: { self: { href: `http://localhost:80/documents/${id}`, type: DWOLLA_MEDIA_TYPE, 'resource-type': 'document' } },
      id,
      status: 'reviewed',
      type: 'license',
      created: document.json().created,
      documentVerificationStatus: 'accepted',
    },
    'reviewed and accepted, by its name',
  )
  t.equal((await apiRequest(app, 'GET', `/customers/${customer}`, { token })).json().status, 'verified', 'the customer is verified')
  t.same(await topicsFor(app, token, id), ['customer_verification_document_uploaded', 'customer_verification_document_approved'], 'the document topics')
  t.same((await topicsFor(app, token, customer)).slice(-1), ['customer_verified'], 'then customer_verified')
  const list = await apiRequest(app, 'GET', `/customers/${customer}/documents`, { token })
  t.same([list.json().total, list.json()._embedded.documents[0].id], [1, id], 'listed with total')
})

t.test('a "fail" name is rejected with ScanNotReadable; the customer stays in document', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const customer = await createPersonalVia(app, token, 'document')
  for (const [label, file, fileName] of [
    ['a name with fail', pngOf(), 'test-document-upload-fail.png'],
    ['another name with fail', pngOf(), 'FAILED-scan.png'],
  ] as const) {
    const id = idOf(await upload(app, token, `/customers/${customer}/documents`, file, { fileName }))
    const body = (await apiRequest(app, 'GET', `/documents/${id}`, { token })).json()
    t.same(
      [body.status, body.documentVerificationStatus, body.failureReason, body.allFailureReasons],
      ['reviewed', 'rejected', 'ScanNotReadable', [{ reason: 'ScanNotReadable', description: 'Image blurry, too dark, or obscured by glare' }]],
      label,
    )
    t.same(await topicsFor(app, token, id), ['customer_verification_document_uploaded', 'customer_verification_document_failed'], `${label}: failed`)
  }
  t.equal((await apiRequest(app, 'GET', `/customers/${customer}`, { token })).json().status, 'document', 'still in document')
})

t.test('other files wait for the test double; at most four pending; the same bytes are a duplicate', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const customer = await createPersonalVia(app, token, 'document')
  const path = `/customers/${customer}/documents`
  const first = pngOf()
  const ids: string[] = []
  for (const file of [first, pngOf(), pngOf(), pngOf()]) ids.push(idOf(await upload(app, token, path, file)))
  const pending = (await apiRequest(app, 'GET', `/documents/${ids[0]}`, { token })).json()
  t.same([pending.status, pending.documentVerificationStatus, pending.failureReason], ['pending', 'pending', undefined], 'pending')
  const fifth = await upload(app, token, path, pngOf())
  t.same([fifth.statusCode, fifth.json()], [400, error('maximumNumberOfResources')], 'a fifth while four wait: maximumNumberOfResources')
  const rejected = await app.inject({
    method: 'POST',
    url: `/__mock/documents/${ids[0]}/review`,
    payload: { outcome: 'reject', failureReason: 'ScanDobMismatch' },
  })
  t.same([rejected.statusCode, rejected.json().document.failureReason], [200, 'ScanDobMismatch'], 'the test double rejects with a reason of its choice')
  const duplicate = await upload(app, token, path, first, { fileName: 'another-name.png' })
  t.same(
    duplicate.json(),
    {
      ...error('DuplicateResource'),
      _links: { about: { href: `http://localhost:80/documents/${ids[0]}`, type: DWOLLA_MEDIA_TYPE, 'resource-type': 'document' } },
    },
    'the same bytes under another name: DuplicateResource about the first',
  )
  t.equal(duplicate.statusCode, 400, '400')
  t.equal((await upload(app, token, path, pngOf())).statusCode, 201, 'room again once one was reviewed')
  const approved = await app.inject({ method: 'POST', url: `/__mock/documents/${ids[1]}/review`, payload: { outcome: 'approve' } })
  t.equal(approved.json().document.verification, 'accepted', 'the test double approves')
  t.equal((await apiRequest(app, 'GET', `/customers/${customer}`, { token })).json().status, 'verified', 'which verifies the customer')
  const twice = await app.inject({ method: 'POST', url: `/__mock/documents/${ids[1]}/review`, payload: { outcome: 'reject' } })
  t.equal(twice.statusCode, 409, 'a document is reviewed once')
})

t.test('field and file rules', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const customer = await createPersonalVia(app, token, 'document')
  const path = `/customers/${customer}/documents`
  const send = (parts: Parameters<typeof multipart>[0]) => {
    const { body, contentType } = multipart(parts)
    return app.inject({
      method: 'POST',
      url: path,
      headers: { authorization: `Bearer ${token}`, accept: DWOLLA_MEDIA_TYPE, 'content-type': contentType },
      payload: body,
    })
  }
  const none = await send([{ name: 'other', value: 'x' }])
  t.same(
    none.json()._embedded.errors.map((e: { code: string; path: string }) => `${e.code} ${e.path}`),
    ['Required /documentType', 'Required /file'],
    'both fields required',
  )
  const badType = await send([
    { name: 'file', value: pngOf(), fileName: 'a.png', contentType: 'image/png' },
    { name: 'documentType', value: 'selfie' },
  ])
  t.same(
    badType.json()._embedded.errors[0],
    { code: 'Invalid', message: 'DocumentType invalid.', path: '/documentType', _links: {} },
    'an unknown documentType (file first, as dwolla-v2 users send it)',
  )
  t.same(
    (await upload(app, token, path, Buffer.from('not an image at all'), { fileName: 'id.png' })).json(),
    error('invalidFileType'),
    'a non-image with an image name',
  )
  t.same(
    (await upload(app, token, path, Buffer.from('%PDF-1.4 ...'), { fileName: 'id.pdf', contentType: 'application/pdf' })).json(),
    error('invalidFileType'),
    'a PDF for a person',
  )
  t.same((await upload(app, token, path, pngOf(), { fileName: 'id.jpg' })).json(), error('invalidFileType'), 'a PNG named .jpg')
  const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), pngOf(64)])
  t.equal((await upload(app, token, path, jpeg, { fileName: 'id.jpeg', contentType: 'image/jpeg' })).statusCode, 201, 'a JPEG')
  t.equal(
    (
      await send([
        { name: 'documentType', value: 'passport' },
        { name: 'file', value: pngOf() },
      ])
    ).statusCode,
    201,
    'a file part without a name: judged by its bytes',
  )
  const business = await createLlcVia(app, token, { businessName: 'document' })
  const pdf = await upload(app, token, `/customers/${business}/documents`, Buffer.from('%PDF-1.4 formation'), {
    documentType: 'other',
    fileName: 'ein.pdf',
    contentType: 'application/pdf',
  })
  t.equal(pdf.statusCode, 201, "a business's other document may be a PDF")
})

t.test('who may upload', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const refused = error('invalidResourceState')
  t.equal(
    (await upload(app, token, `/customers/${SEEDED.personalVerified}/documents`, pngOf())).statusCode,
    201,
    'a verified customer, by default (as the sandbox took it)',
  )
  for (const [label, id] of [
    ['an unverified customer', SEEDED.unverified],
    ['a customer in retry', SEEDED.personalRetry],
    ['a suspended customer', SEEDED.personalSuspended],
  ] as const) {
    const response = await upload(app, token, `/customers/${id}/documents`, pngOf())
    t.same([response.statusCode, response.json()], [403, refused], label)
  }
  const unknown = await upload(app, token, '/customers/99999999-9999-4999-8999-999999999999/documents', pngOf())
  t.same([unknown.statusCode, unknown.json()], [404, error('notFound')], 'an unknown customer: the documented 404')
  const strict = await mockFor(t, { documentUploadStatuses: 'document' })
  const strictToken = await accessTokenFor(strict)
  const verified = await upload(strict, strictToken, `/customers/${SEEDED.personalVerified}/documents`, pngOf())
  t.same([verified.statusCode, verified.json()], [403, refused], "documentUploadStatuses 'document': only customers in document, as Dwolla documents")
  t.equal((await upload(strict, strictToken, `/customers/${SEEDED.personalDocument}/documents`, pngOf())).statusCode, 201, 'who still may')
})

t.test("a beneficial owner's documents: approval verifies the owner", async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const business = await createLlcVia(app, token)
  const owner = await createOwnerVia(app, token, business, { firstName: 'document' })
  const created = await upload(app, token, `/beneficial-owners/${owner}/documents`, pngOf(), { fileName: 'test-document-upload-success.png' })
  t.equal(created.statusCode, 201, '201')
  const id = idOf(created)
  t.same(
    await topicsFor(app, token, id),
    ['customer_beneficial_owner_verification_document_uploaded', 'customer_beneficial_owner_verification_document_approved'],
    'the owner document topics',
  )
  t.equal((await apiRequest(app, 'GET', `/beneficial-owners/${owner}`, { token })).json().verificationStatus, 'verified', 'the owner is verified')
  t.same((await topicsFor(app, token, owner)).at(-1), 'customer_beneficial_owner_verified', 'customer_beneficial_owner_verified')
  const list = await apiRequest(app, 'GET', `/beneficial-owners/${owner}/documents`, { token })
  t.same([list.json().total, list.json()._links.self.href], [1, `http://localhost:80/beneficial-owners/${owner}/documents`], 'the owner lists it')
  const pdf = await upload(app, token, `/beneficial-owners/${owner}/documents`, Buffer.from('%PDF-1.4'), { documentType: 'other', fileName: 'a.pdf' })
  t.same(pdf.json(), error('invalidFileType'), 'owners send images only')
  const unknown = await upload(app, token, '/beneficial-owners/99999999-9999-4999-8999-999999999999/documents', pngOf())
  t.same([unknown.statusCode, unknown.json().message], [404, NOT_FOUND_MESSAGES.beneficialOwner], 'an unknown owner')
  const incomplete = await createOwnerVia(app, token, business, { firstName: 'incomplete' })
  t.equal((await upload(app, token, `/beneficial-owners/${incomplete}/documents`, pngOf())).statusCode, 403, 'an incomplete owner retries instead')
  const notFound = await apiRequest(app, 'GET', '/documents/99999999-9999-4999-8999-999999999999', { token })
  t.same([notFound.statusCode, notFound.json().message], [404, NOT_FOUND_MESSAGES.document], 'an unknown document')
  t.equal(
    (await apiRequest(app, 'GET', `/documents/${id}`, { token: await accessTokenFor(app, 'other-app') })).statusCode,
    404,
    "another application's document",
  )
})
