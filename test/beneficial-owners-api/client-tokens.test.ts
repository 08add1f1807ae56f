import t from 'tap'
import { SEEDED } from '../helpers/customers.js'
import { accessTokenFor, apiRequest, mockFor, requestClientToken } from '../helpers/mock.js'
import { createLlcVia, createOwnerVia, deleteRequest, idOf, OWNER, pngOf, upload } from '../helpers/verification.js'

t.test('client tokens: each verification action calls exactly its operations, on its own customer', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const business = await createLlcVia(app, token)
  const other = await createLlcVia(app, token)
  const owner = await createOwnerVia(app, token, business, { firstName: 'document' })
  const othersOwner = await createOwnerVia(app, token, other)
  const clientToken = async (action: string, customer: string) =>
    (await requestClientToken(app, { token, body: { action, _links: { customer: { href: `https://api-sandbox.dwolla.com/customers/${customer}` } } } })).json()
      .token as string
  const status = async (response: Promise<{ statusCode: number }>) => (await response).statusCode

  const read = await clientToken('beneficialowners.read', business)
  t.equal(await status(apiRequest(app, 'GET', `/customers/${business}/beneficial-owners`, { token: read })), 200, 'beneficialowners.read lists its owners')
  t.equal(await status(apiRequest(app, 'GET', `/beneficial-owners/${owner}`, { token: read })), 200, 'and reads one')
  t.equal(await status(apiRequest(app, 'GET', `/beneficial-owners/${othersOwner}`, { token: read })), 403, "not another business's owner")
  t.equal(await status(apiRequest(app, 'GET', `/customers/${other}/beneficial-owners`, { token: read })), 403, "nor another business's list")
  t.equal(await status(apiRequest(app, 'POST', `/customers/${business}/beneficial-owners`, { token: read, body: OWNER })), 403, 'nor create')

  const create = await clientToken('beneficialowners.create', business)
  t.equal(await status(apiRequest(app, 'POST', `/customers/${business}/beneficial-owners`, { token: create, body: OWNER })), 201, 'beneficialowners.create')
  const incomplete = await createOwnerVia(app, token, business, { firstName: 'incomplete' })
  const update = await clientToken('beneficialowners.update', business)
  t.equal(await status(apiRequest(app, 'POST', `/beneficial-owners/${incomplete}`, { token: update, body: OWNER })), 200, 'beneficialowners.update')
  const remove = await clientToken('beneficialowners.delete', business)
  t.equal(await status(deleteRequest(app, `/beneficial-owners/${incomplete}`, remove)), 200, 'beneficialowners.delete')
  t.equal(await status(deleteRequest(app, `/beneficial-owners/${othersOwner}`, remove)), 403, "not another business's owner")

  const ownershipRead = await clientToken('beneficialownership.read', business)
  t.equal(await status(apiRequest(app, 'GET', `/customers/${business}/beneficial-ownership`, { token: ownershipRead })), 200, 'beneficialownership.read')
  t.equal(
    await status(apiRequest(app, 'POST', `/customers/${business}/beneficial-ownership`, { token: ownershipRead, body: { status: 'certified' } })),
    403,
    'which cannot certify',
  )
  const certify = await clientToken('beneficialownership.certify', business)
  t.equal(
    await status(apiRequest(app, 'POST', `/customers/${business}/beneficial-ownership`, { token: certify, body: { status: 'certified' } })),
    200,
    'beneficialownership.certify',
  )

  const ownerDocuments = await clientToken('beneficialowner.documents.create', business)
  t.equal(await status(upload(app, ownerDocuments, `/beneficial-owners/${owner}/documents`, pngOf())), 201, 'beneficialowner.documents.create')
  t.equal(await status(upload(app, ownerDocuments, `/customers/${SEEDED.businessDocument}/documents`, pngOf())), 403, "not the customer's own documents")

  const documentsCreate = await clientToken('customer.documents.create', SEEDED.personalDocument)
  const created = await upload(app, documentsCreate, `/customers/${SEEDED.personalDocument}/documents`, pngOf())
  t.equal(created.statusCode, 201, 'customer.documents.create')
  t.equal(await status(upload(app, documentsCreate, `/customers/${SEEDED.businessDocument}/documents`, pngOf())), 403, 'on its own customer only')
  t.equal(await status(apiRequest(app, 'GET', `/documents/${idOf(created)}`, { token: documentsCreate })), 403, 'which cannot read')
  const documentsRead = await clientToken('customer.documents.read', SEEDED.personalDocument)
  t.equal(
    await status(apiRequest(app, 'GET', `/customers/${SEEDED.personalDocument}/documents`, { token: documentsRead })),
    200,
    'customer.documents.read lists',
  )
  t.equal(await status(apiRequest(app, 'GET', `/documents/${idOf(created)}`, { token: documentsRead })), 200, 'and reads one')
  const othersRead = await clientToken('customer.documents.read', SEEDED.businessDocument)
  t.equal(await status(apiRequest(app, 'GET', `/documents/${idOf(created)}`, { token: othersRead })), 403, "not another customer's document")
})
