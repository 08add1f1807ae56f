import t from 'tap'
import { DWOLLA_ERRORS, DWOLLA_MEDIA_TYPE, FUNDING_SOURCE_MESSAGES, NOT_FOUND_MESSAGES } from '../../src/index.js'
import { createCustomerVia, SEEDED } from '../helpers/customers.js'
import { accessTokenFor, apiRequest, mockFor } from '../helpers/mock.js'
import { bankBody, createFundingSourceVia, idOf, relations, VAN_BODY } from '../helpers/funding-sources.js'

const BASE = 'http://localhost:80'
const link = (path: string, resourceType: string) => ({ href: `${BASE}${path}`, type: DWOLLA_MEDIA_TYPE, 'resource-type': resourceType })
const PERSONAL = {
  firstName: 'Jane',
  lastName: 'Doe',
  email: 'jane@example.com',
  type: 'personal',
  address1: '1 Main St',
  city: 'Des Moines',
  state: 'IA',
  postalCode: '50309',
  dateOfBirth: '1970-01-01',
  ssn: '1234',
}

t.test('POST /customers/{id}/funding-sources: 201, an absolute Location and no body; the bank as GET answers it', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const created = await apiRequest(app, 'POST', `/customers/${SEEDED.unverified}/funding-sources`, { token, body: bankBody() })
  t.equal(created.statusCode, 201, '201 Created')
  t.match(created.headers.location, /^http:\/\/localhost:80\/funding-sources\/[0-9a-f-]{36}$/, 'an absolute Location')
  t.equal(created.body, '', 'no body')
  const id = idOf(created.headers.location)
  const got = await apiRequest(app, 'GET', `/funding-sources/${id}`, { token })
  const body = got.json()
  t.same(
    body,
    {
      _links: {
        self: link(`/funding-sources/${id}`, 'funding-source'),
        customer: link(`/customers/${SEEDED.unverified}`, 'customer'),
        remove: link(`/funding-sources/${id}`, 'funding-source'),
        'initiate-micro-deposits': link(`/funding-sources/${id}/micro-deposits`, 'micro-deposits'),
        'transfer-receive': link('/transfers', 'transfer'),
      },
      id,
      status: 'unverified',
      type: 'bank',
      bankAccountType: 'checking',
      name: 'Jane’s Checking',
      created: body.created,
      removed: false,
      channels: ['ach'],
      bankName: 'SANDBOX TEST BANK',
      fingerprint: body.fingerprint,
    },
    'Dwolla’s fields and an unverified bank’s links',
  )
  t.match(body.fingerprint, /^[0-9a-f]{64}$/, 'a 64-hex-digit fingerprint')
  t.match(body.created, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/, 'created with milliseconds and Z')
  t.match(got.headers['content-type'], /^application\/vnd\.dwolla\.v1\.hal\+json/, 'Dwolla’s media type')
  const events = app.mockDwolla.events.all({ topic: 'customer_funding_source_added' })
  t.same(
    events.map((event) => event.resourceId),
    [id],
    'customer_funding_source_added, about the funding source',
  )
  const event = await apiRequest(app, 'GET', `/events/${events[0]?.id}`, { token })
  t.same(
    [event.json()._links.resource.href, event.json()._links.customer.href],
    [`${BASE}/funding-sources/${id}`, `${BASE}/customers/${SEEDED.unverified}`],
    'the event’s resource is the funding source, its customer the customer',
  )
})

t.test('the body in Dwolla’s media type, as the dwolla SDK sends it, and upper-case ids', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const created = await apiRequest(app, 'POST', `/customers/${SEEDED.unverified.toUpperCase()}/funding-sources`, {
    token,
    body: bankBody(),
    headers: { 'content-type': DWOLLA_MEDIA_TYPE },
  })
  t.equal(created.statusCode, 201, 'created')
  const got = await apiRequest(app, 'GET', `/funding-sources/${idOf(created.headers.location).toUpperCase()}`, { token })
  t.equal(got.statusCode, 200, 'found by its id in upper case')
})

t.test('a bank the customer already has: 400 DuplicateResource with _links.about', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const id = await createFundingSourceVia(app, token, SEEDED.unverified, bankBody('5555'))
  const again = await apiRequest(app, 'POST', `/customers/${SEEDED.unverified}/funding-sources`, { token, body: bankBody('5555', { name: 'Other name' }) })
  t.same(
    [again.statusCode, again.json()],
    [400, { code: 'DuplicateResource', message: `Bank already exists: id=${id}`, _links: { about: link(`/funding-sources/${id}`, 'funding-source') } }],
    'Dwolla’s duplicate answer',
  )
  t.equal(
    await createFundingSourceVia(app, token, SEEDED.receiveOnly, bankBody('5555')).then((other) => other === id),
    false,
    'another customer may add the same bank',
  )
})

t.test('field problems: 400 ValidationError, every one at its pointer', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const response = await apiRequest(app, 'POST', `/customers/${SEEDED.unverified}/funding-sources`, {
    token,
    body: { routingNumber: '222222225', accountNumber: '12', bankAccountType: 'checking', name: '' },
  })
  t.same(
    [response.statusCode, response.json()],
    [
      400,
      {
        code: 'ValidationError',
        message: DWOLLA_ERRORS.ValidationError.message,
        _embedded: {
          errors: [
            { code: 'InvalidFormat', message: FUNDING_SOURCE_MESSAGES.routingNumberInvalid, path: '/routingNumber', _links: {} },
            { code: 'InvalidFormat', message: FUNDING_SOURCE_MESSAGES.accountNumberInvalid, path: '/accountNumber', _links: {} },
            { code: 'Required', message: 'Name required.', path: '/name', _links: {} },
          ],
        },
      },
    ],
    'Dwolla’s shape',
  )
  for (const [payload, name] of [
    ['{"name":', 'not JSON'],
    ['[1]', 'an array'],
    ['', 'no body'],
  ] as const) {
    const bad = await apiRequest(app, 'POST', `/customers/${SEEDED.unverified}/funding-sources`, { token, payload })
    t.same([bad.statusCode, bad.json().code], [400, 'BadRequest'], `${name}: BadRequest`)
  }
})

t.test('the bank limit: two active banks and VANs per customer by default, configurable', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  await createFundingSourceVia(app, token, SEEDED.personalVerified, bankBody('1111'))
  await createFundingSourceVia(app, token, SEEDED.personalVerified, VAN_BODY)
  const third = await apiRequest(app, 'POST', `/customers/${SEEDED.personalVerified}/funding-sources`, { token, body: bankBody('3333') })
  t.same(
    [third.statusCode, third.json()],
    [400, { code: 'MaxNumberOfResources', message: FUNDING_SOURCE_MESSAGES.tooManyBanks }],
    'the third: MaxNumberOfResources',
  )
  const roomy = await mockFor(t, { customerBankLimit: 3 })
  const roomyToken = await accessTokenFor(roomy)
  for (const number of ['1111', '2222', '3333']) await createFundingSourceVia(roomy, roomyToken, SEEDED.unverified, bankBody(number))
  t.pass('customerBankLimit: 3 takes three')
})

t.test('suspended and deactivated customers cannot add: 403 InvalidResourceState; an unknown customer is 404', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  for (const customer of [SEEDED.personalSuspended, SEEDED.personalDeactivated]) {
    const response = await apiRequest(app, 'POST', `/customers/${customer}/funding-sources`, { token, body: bankBody() })
    t.same(
      [response.statusCode, response.json()],
      [403, { code: 'InvalidResourceState', message: DWOLLA_ERRORS.InvalidResourceState.message }],
      `${customer}: 403`,
    )
  }
  for (const customer of ['99999999-9999-4999-8999-999999999999', 'not-a-uuid']) {
    for (const method of ['GET', 'POST'] as const) {
      const response = await apiRequest(app, method, `/customers/${customer}/funding-sources`, { token, ...(method === 'POST' ? { body: bankBody() } : {}) })
      t.same(
        [response.statusCode, response.json()],
        [404, { code: 'NotFound', message: NOT_FOUND_MESSAGES.customer }],
        `${method} ${customer}: Customer not found.`,
      )
    }
  }
  const retry = await apiRequest(app, 'POST', `/customers/${SEEDED.personalRetry}/funding-sources`, { token, body: bankBody() })
  t.equal(retry.statusCode, 201, 'a customer in retry may add a bank')
})

t.test('another application’s customers and funding sources are answered as unknown ones', async (t) => {
  const app = await mockFor(t)
  const mine = await accessTokenFor(app, 'mine')
  const theirs = await accessTokenFor(app, 'theirs')
  const id = await createFundingSourceVia(app, mine, SEEDED.unverified, bankBody())
  for (const path of [
    `/funding-sources/${id}`,
    `/funding-sources/${id}/micro-deposits`,
    `/funding-sources/${id}/balance`,
    `/funding-sources/${id}/ach-routing`,
  ]) {
    const response = await apiRequest(app, 'GET', path, { token: theirs })
    t.same([response.statusCode, response.json().message], [404, NOT_FOUND_MESSAGES.fundingSource], `${path}: 404 for another application`)
  }
  const list = await apiRequest(app, 'GET', `/customers/${SEEDED.unverified}/funding-sources`, { token: theirs })
  t.same(list.json().total, 0, 'the seeded customer of another application has none of these')
  const malformed = await apiRequest(app, 'GET', '/funding-sources/nope', { token: mine })
  t.same([malformed.statusCode, malformed.json().message], [404, NOT_FOUND_MESSAGES.fundingSource], 'an id that is not a UUID: 404')
})

t.test('a VAN: verified, ach-routing; only for customers with a balance', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const id = await createFundingSourceVia(app, token, SEEDED.personalVerified, VAN_BODY)
  const van = (await apiRequest(app, 'GET', `/funding-sources/${id}`, { token })).json()
  t.match(van, { type: 'virtual', status: 'verified', bankAccountType: 'checking', channels: ['external'], name: 'My VAN' }, 'the VAN')
  t.same(relations(van), ['self', 'customer', 'ach-routing', 'remove'], 'its links')
  const routing = await apiRequest(app, 'GET', `/funding-sources/${id}/ach-routing`, { token })
  t.same(
    routing.json(),
    {
      _links: { self: link(`/funding-sources/${id}/ach-routing`, 'ach-routing'), 'funding-source': link(`/funding-sources/${id}`, 'funding-source') },
      accountNumber: routing.json().accountNumber,
      routingNumber: '084106768',
    },
    'its numbers',
  )
  t.match(routing.json().accountNumber, /^\d{16}$/, 'a 16-digit account number')
  t.equal(
    (await apiRequest(app, 'GET', `/funding-sources/${id}/ach-routing`, { token })).json().accountNumber,
    routing.json().accountNumber,
    'the same each time',
  )
  const bank = await createFundingSourceVia(app, token, SEEDED.unverified, bankBody())
  const notVan = await apiRequest(app, 'GET', `/funding-sources/${bank}/ach-routing`, { token })
  t.same([notVan.statusCode, notVan.json().message], [404, NOT_FOUND_MESSAGES.fundingSource], 'a bank has no ach-routing')
  const refused = await apiRequest(app, 'POST', `/customers/${SEEDED.unverified}/funding-sources`, { token, body: VAN_BODY })
  t.same(
    refused.json()._embedded.errors,
    [{ code: 'NotAllowed', message: FUNDING_SOURCE_MESSAGES.virtualNeedsBalance, path: '/type', _links: {} }],
    'an unverified customer has no balance for a VAN',
  )
})

t.test('a bank through Plaid: verified at once', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const id = await createFundingSourceVia(app, token, SEEDED.unverified, {
    plaidToken: 'processor-sandbox-1',
    bankAccountType: 'savings',
    name: 'Plaid savings',
  })
  const bank = (await apiRequest(app, 'GET', `/funding-sources/${id}`, { token })).json()
  t.match(bank, { type: 'bank', status: 'verified', bankAccountType: 'savings' }, 'a verified savings bank')
  t.same(relations(bank), ['self', 'customer', 'remove', 'transfer-send', 'transfer-receive'], 'an unverified customer’s verified bank sends and receives')
})

t.test('the links of each state', async (t) => {
  const app = await mockFor(t, { autoVerifyBanks: true })
  const token = await accessTokenFor(app)
  const linksOf = async (customer: string, body: unknown) =>
    relations((await apiRequest(app, 'GET', `/funding-sources/${await createFundingSourceVia(app, token, customer, body)}`, { token })).json())
  t.same(
    await linksOf(SEEDED.personalVerified, bankBody('1111')),
    ['self', 'customer', 'remove', 'transfer-from-balance', 'transfer-to-balance', 'transfer-send', 'transfer-receive'],
    'a Verified Customer’s verified bank',
  )
  t.same(await linksOf(SEEDED.unverified, bankBody('2222')), ['self', 'customer', 'remove', 'transfer-send', 'transfer-receive'], 'an unverified customer’s')
  t.same(await linksOf(SEEDED.receiveOnly, bankBody('3333')), ['self', 'customer', 'remove', 'transfer-receive'], 'a receive-only user’s')
  t.same(
    await linksOf(SEEDED.receiveOnly, bankBody('4444', { verified: false })),
    ['self', 'customer', 'remove', 'initiate-micro-deposits', 'transfer-receive'],
    'verified: false keeps it unverified even with autoVerifyBanks',
  )
})

t.test('a new verified customer has its balance; unverified and receive-only customers have none', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const customer = await createCustomerVia(app, token, PERSONAL)
  const list = await apiRequest(app, 'GET', `/customers/${customer}/funding-sources`, { token })
  const [balance] = list.json()._embedded['funding-sources']
  t.same(
    balance,
    {
      _links: {
        self: link(`/funding-sources/${balance.id}`, 'funding-source'),
        customer: link(`/customers/${customer}`, 'customer'),
        balance: link(`/funding-sources/${balance.id}/balance`, 'balance'),
        'with-available-balance': link(`/funding-sources/${balance.id}`, 'funding-source'),
        'transfer-send': link('/transfers', 'transfer'),
        'transfer-receive': link('/transfers', 'transfer'),
      },
      id: balance.id,
      status: 'verified',
      type: 'balance',
      name: 'Balance',
      created: balance.created,
      removed: false,
      channels: [],
    },
    'a balance named Balance, with its links and no bank fields',
  )
  t.same(app.mockDwolla.events.all({ resourceId: balance.id }), [], 'made without an event of its own')
  for (const other of [SEEDED.unverified, SEEDED.receiveOnly, SEEDED.personalRetry]) {
    t.equal((await apiRequest(app, 'GET', `/customers/${other}/funding-sources`, { token })).json().total, 0, `${other}: no balance`)
  }
  const seeded = await apiRequest(app, 'GET', `/customers/${SEEDED.personalVerified}/funding-sources`, { token })
  t.same(
    seeded.json()._embedded['funding-sources'].map((source: { type: string }) => source.type),
    ['balance'],
    'a customer seeded as verified has one too, made when first needed',
  )
})

t.test('a customer verified later gets its balance then', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const customer = await createCustomerVia(app, token, { ...PERSONAL, firstName: 'document' })
  t.equal((await apiRequest(app, 'GET', `/customers/${customer}/funding-sources`, { token })).json().total, 0, 'in document: no balance')
  app.mockDwolla.customers.setStatus(customer, 'verified')
  t.same(
    (await apiRequest(app, 'GET', `/customers/${customer}/funding-sources`, { token }))
      .json()
      ._embedded['funding-sources'].map((source: { name: string }) => source.name),
    ['Balance'],
    'verified: its balance',
  )
})

t.test('the removed filter: absent lists all, false the others, true the removed; self keeps it; anything else is 400', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const kept = await createFundingSourceVia(app, token, SEEDED.personalVerified, bankBody('1111'))
  const removed = await createFundingSourceVia(app, token, SEEDED.personalVerified, bankBody('2222'))
  await apiRequest(app, 'POST', `/funding-sources/${removed}`, { token, body: { removed: true } })
  const idsFor = async (query: string) => {
    const response = await apiRequest(app, 'GET', `/customers/${SEEDED.personalVerified}/funding-sources${query}`, { token })
    return { ids: response.json()._embedded['funding-sources'].map((source: { id: string }) => source.id), body: response.json() }
  }
  const all = await idsFor('')
  t.same(all.ids.slice(1), [kept, removed], 'absent: every one, the balance first')
  t.equal(all.body.total, 3, 'total counts them')
  const notRemoved = await idsFor('?removed=false')
  t.same(notRemoved.ids.slice(1), [kept], 'false')
  t.equal(notRemoved.body._links.self.href, `${BASE}/customers/${SEEDED.personalVerified}/funding-sources?removed=false`, 'self keeps the filter')
  t.same((await idsFor('?removed=true')).ids, [removed], 'true: the removed one alone')
  const bad = await apiRequest(app, 'GET', `/customers/${SEEDED.personalVerified}/funding-sources?removed=maybe`, { token })
  t.same(
    [bad.statusCode, bad.json()._embedded.errors],
    [400, [{ code: 'Invalid', message: 'Removed invalid.', path: '/removed', _links: {} }]],
    'removed=maybe: ValidationError at /removed',
  )
})

t.test('a removed unverified bank added again within 48 hours answers its old id', async (t) => {
  // Tokens that outlive the clock's jumps.
  const app = await mockFor(t, { accessTokenLifetimeSeconds: 7 * 24 * 3600 })
  const token = await accessTokenFor(app)
  const id = await createFundingSourceVia(app, token, SEEDED.unverified, bankBody('7777'))
  await apiRequest(app, 'POST', `/funding-sources/${id}`, { token, body: { removed: true } })
  app.mockDwolla.clock.advance(47 * 60 * 60 * 1000)
  t.equal(await createFundingSourceVia(app, token, SEEDED.unverified, bankBody('7777')), id, 'within 48 hours: the same id')
  const back = (await apiRequest(app, 'GET', `/funding-sources/${id}`, { token })).json()
  t.equal(back.removed, false, 'not removed any more')
  await apiRequest(app, 'POST', `/funding-sources/${id}`, { token, body: { removed: true } })
  app.mockDwolla.clock.advance(2 * 60 * 60 * 1000)
  t.not(await createFundingSourceVia(app, token, SEEDED.unverified, bankBody('7777')), id, 'past 48 hours since its creation: a new bank')
})
