import t from 'tap'
import { DWOLLA_ERRORS, DWOLLA_MEDIA_TYPE, NOT_FOUND_MESSAGES } from '../../src/index.js'
import { LABEL_MESSAGES } from '../../src/resources/labels/index.js'
import { SEEDED } from '../helpers/customers.js'
import { idOf } from '../helpers/funding-sources.js'
import { addLedgerEntryVia, amountBody, balanceIdVia, balanceVia, createLabelVia, deleteRequest, reallocationBody } from '../helpers/labels.js'
import { accessTokenFor, apiRequest, mockFor } from '../helpers/mock.js'

const BASE = 'http://localhost:80'
const NOW = Date.parse('2024-03-01T12:00:00.000Z')
const link = (path: string, resourceType: string) => ({ href: `${BASE}${path}`, type: DWOLLA_MEDIA_TYPE, 'resource-type': resourceType })

t.test('a label’s life: create, read, list, ledger entries, a reallocation, back to zero, removed', async (t) => {
  const app = await mockFor(t, { now: () => NOW })
  const token = await accessTokenFor(app)
  const customer = SEEDED.personalVerified
  const balance = await balanceIdVia(app, token, customer)
  app.mockDwolla.balances.set(balance, '20.00')

  const created = await apiRequest(app, 'POST', `/customers/${customer}/labels`, { token, body: amountBody('10.00') })
  t.same([created.statusCode, created.body], [201, ''], 'createCustomerLabel: 201 and no body')
  t.match(created.headers.location, new RegExp(`^${BASE}/labels/[0-9a-f-]{36}$`), 'an absolute Location')
  const first = idOf(created.headers.location)
  t.same(await balanceVia(app, token, balance), ['10.00', '20.00'], 'the label lowers what is available; the total stays')

  const got = await apiRequest(app, 'GET', `/labels/${first}`, { token })
  t.same(
    [got.statusCode, got.json()],
    [
      200,
      {
        _links: {
          self: link(`/labels/${first}`, 'label'),
          'ledger-entries': link(`/labels/${first}/ledger-entries`, 'ledger-entry'),
          update: link(`/labels/${first}/ledger-entries`, 'ledger-entry'),
          customer: link(`/customers/${customer}`, 'customer'),
        },
        id: first,
        created: new Date(NOW).toISOString(),
        amount: { value: '10.00', currency: 'USD' },
      },
    ],
    'getLabel: its links (no remove while it holds money), id, created and amount',
  )
  const entries = (await apiRequest(app, 'GET', `/labels/${first}/ledger-entries`, { token })).json()
  t.equal(entries.total, 1, 'the label’s first ledger entry, made with it')
  const firstEntry = entries._embedded['ledger-entries'][0]
  t.same(
    firstEntry,
    {
      _links: { self: link(`/ledger-entries/${firstEntry.id}`, 'ledger-entry'), label: link(`/labels/${first}`, 'label') },
      id: firstEntry.id,
      amount: { value: '10.00', currency: 'USD' },
      created: new Date(NOW).toISOString(),
    },
    'with the same amount and time',
  )
  t.same((await apiRequest(app, 'GET', `/ledger-entries/${firstEntry.id}`, { token })).json(), firstEntry, 'getLabelLedgerEntry: the same entry')

  app.mockDwolla.clock.advance(1_000)
  const second = await createLabelVia(app, token, customer, '5.00')
  const listed = (await apiRequest(app, 'GET', `/customers/${customer}/labels`, { token })).json()
  t.same(
    [listed.total, listed._embedded.labels.map((label: { id: string }) => label.id), listed._links.customer],
    [2, [second, first], link(`/customers/${customer}`, 'customer')],
    'listCustomerLabels: newest first, with total and the customer',
  )
  t.same(await balanceVia(app, token, balance), ['5.00', '20.00'], 'two labels hold 15.00')

  const moved = await apiRequest(app, 'POST', '/label-reallocations', { token, body: reallocationBody(first, second, '1.00') })
  t.equal(moved.statusCode, 201, 'createLabelReallocation: 201')
  const reallocation = idOf(moved.headers.location)
  const read = (await apiRequest(app, 'GET', `/label-reallocations/${reallocation}`, { token })).json()
  const toEntry = (await apiRequest(app, 'GET', `/labels/${second}/ledger-entries`, { token })).json()._embedded['ledger-entries'][0]
  const fromEntry = (await apiRequest(app, 'GET', `/labels/${first}/ledger-entries`, { token })).json()._embedded['ledger-entries'][0]
  t.same(
    read,
    {
      _links: {
        self: link(`/label-reallocations/${reallocation}`, 'label-reallocation'),
        'to-ledger-entry': link(`/ledger-entries/${toEntry.id}`, 'ledger-entry'),
        'from-ledger-entry': link(`/ledger-entries/${fromEntry.id}`, 'ledger-entry'),
      },
      created: new Date(NOW + 1_000).toISOString(),
    },
    'retrieveLabelReallocation: its two ledger entries, each the newest of its label',
  )
  t.same([fromEntry.amount.value, toEntry.amount.value], ['-1.00', '1.00'], 'one taken, one added')
  t.same(await balanceVia(app, token, balance), ['5.00', '20.00'], 'a reallocation leaves the balance as it was')

  const taken = await addLedgerEntryVia(app, token, first, '-9.00')
  t.equal((await apiRequest(app, 'GET', `/ledger-entries/${taken}`, { token })).json().amount.value, '-9.00', 'createLabelLedgerEntry: a negative entry')
  const emptied = (await apiRequest(app, 'GET', `/labels/${first}`, { token })).json()
  t.same([emptied.amount.value, emptied._links.remove], ['0.00', link(`/labels/${first}`, 'label')], 'at zero, with a remove link')
  t.same(await balanceVia(app, token, balance), ['14.00', '20.00'], 'what it gave back is available again')
  await addLedgerEntryVia(app, token, second, '2.50')
  t.same(await balanceVia(app, token, balance), ['11.50', '20.00'], 'a positive entry sets more aside')

  const removed = await deleteRequest(app, `/labels/${first}`, token)
  t.same([removed.statusCode, removed.json().id, removed.json().amount], [200, first, { value: '0.00', currency: 'USD' }], 'removeLabel: 200 with the label')
  t.match(removed.headers['content-type'], DWOLLA_MEDIA_TYPE, 'in Dwolla’s media type')
  for (const path of [`/labels/${first}`, `/labels/${first}/ledger-entries`, `/ledger-entries/${firstEntry.id}`, `/label-reallocations/${reallocation}`]) {
    const gone = await apiRequest(app, 'GET', path, { token })
    t.equal(gone.statusCode, 404, `${path}: gone with the label`)
  }
  t.same(
    (await apiRequest(app, 'GET', `/customers/${customer}/labels`, { token })).json()._embedded.labels.map((label: { id: string }) => label.id),
    [second],
    'no longer listed',
  )
  t.equal((await apiRequest(app, 'GET', `/labels/${second}`, { token })).json().amount.value, '8.50', 'the other label keeps what it holds')

  const events = (await apiRequest(app, 'GET', '/events?limit=200', { token })).json()._embedded.events as Array<{
    topic: string
    _links: { resource: { href: string }; customer: { href: string } }
  }>
  const labelEvents = events.filter((event) => event.topic.startsWith('customer_label')).reverse()
  t.same(
    labelEvents.map((event) => [event.topic, event._links.resource.href.replace(BASE, '')]),
    [
      ['customer_label_created', `/labels/${first}`],
      ['customer_label_created', `/labels/${second}`],
      ['customer_label_ledger_entry_created', `/ledger-entries/${fromEntry.id}`],
      ['customer_label_ledger_entry_created', `/ledger-entries/${toEntry.id}`],
      ['customer_label_ledger_entry_created', `/ledger-entries/${taken}`],
      [
        'customer_label_ledger_entry_created',
        `/ledger-entries/${(await apiRequest(app, 'GET', `/labels/${second}/ledger-entries`, { token })).json()._embedded['ledger-entries'][0].id}`,
      ],
      ['customer_label_removed', `/labels/${first}`],
    ],
    'the events, in order, each about its label or ledger entry',
  )
  t.ok(
    labelEvents.every((event) => event._links.customer.href === `${BASE}/customers/${customer}`),
    'every one the customer’s',
  )
})

t.test('labels never take more than is available, and never go below zero', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const balance = await balanceIdVia(app, token, SEEDED.personalVerified)
  app.mockDwolla.balances.set(balance, '10.00')
  const insufficient = { code: 'InsufficientFunds', message: LABEL_MESSAGES.insufficientFunds, path: '/amount/value', _links: {} }
  const tooMuch = await apiRequest(app, 'POST', `/customers/${SEEDED.personalVerified}/labels`, { token, body: amountBody('10.01') })
  t.same(
    [tooMuch.statusCode, tooMuch.json()],
    [400, { code: 'ValidationError', message: DWOLLA_ERRORS.ValidationError.message, _embedded: { errors: [insufficient] } }],
    'a label past the available balance: 400 InsufficientFunds at /amount/value',
  )
  const label = await createLabelVia(app, token, SEEDED.personalVerified, '10.00')
  t.same(await balanceVia(app, token, balance), ['0.00', '10.00'], 'all of it labelled')
  const more = await apiRequest(app, 'POST', `/labels/${label}/ledger-entries`, { token, body: amountBody('0.01') })
  t.same([more.statusCode, more.json()._embedded.errors], [400, [insufficient]], 'a ledger entry past what is available: InsufficientFunds')
  const below = await apiRequest(app, 'POST', `/labels/${label}/ledger-entries`, { token, body: amountBody('-10.01') })
  t.same(
    [below.statusCode, below.json()._embedded.errors],
    [400, [{ code: 'Invalid', message: LABEL_MESSAGES.negative, path: '/amount/value', _links: {} }]],
    'below zero: Invalid "Amount can not cause label balance to be negative."',
  )
  const notZero = await deleteRequest(app, `/labels/${label}`, token)
  t.same(
    [notZero.statusCode, notZero.json()],
    [403, { code: 'InvalidResourceState', message: LABEL_MESSAGES.notZero }],
    'removing a label that holds money: 403 "Amount must be zero to remove label."',
  )
  t.same(await balanceVia(app, token, balance), ['0.00', '10.00'], 'nothing refused changed anything')
  t.equal((await apiRequest(app, 'GET', `/labels/${label}/ledger-entries`, { token })).json().total, 1, 'and made no ledger entry')
  const spend = app.mockDwolla.balances.set(balance, '0.00')
  t.same([spend.balance, spend.total], ['0.00', '10.00'], 'the test double sets what is available; labelled money stays held')
})

t.test('who may have labels, and bad amounts: Dwolla-shaped 4xx, never a 500', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  for (const customer of [SEEDED.unverified, SEEDED.receiveOnly, SEEDED.personalRetry, SEEDED.personalSuspended, SEEDED.soleProprietorship]) {
    const response = await apiRequest(app, 'POST', `/customers/${customer}/labels`, { token, body: amountBody('1.00') })
    const expected = customer === SEEDED.soleProprietorship ? 400 : 403
    t.equal(response.statusCode, expected, `${customer}: ${expected === 403 ? 'not a Verified Customer: 403' : 'verified, but its balance is empty: 400'}`)
  }
  const unknown = await apiRequest(app, 'POST', '/customers/99999999-9999-4999-8999-999999999999/labels', { token, body: amountBody('1.00') })
  t.same([unknown.statusCode, unknown.json().message], [404, NOT_FOUND_MESSAGES.customer], 'an unknown customer: 404')
  const listUnknown = await apiRequest(app, 'GET', '/customers/not-a-uuid/labels', { token })
  t.same([listUnknown.statusCode, listUnknown.json().message], [404, NOT_FOUND_MESSAGES.customer], 'an id of the wrong form: 404')

  const balance = await balanceIdVia(app, token, SEEDED.personalVerified)
  app.mockDwolla.balances.set(balance, '100.00')
  const cases: Array<[string, unknown, Array<[string, string]>]> = [
    ['no amount', {}, [['Required', '/amount']]],
    ['amount a string', { amount: '5.00' }, [['Invalid', '/amount']]],
    ['a number', { amount: { value: 5, currency: 'USD' } }, [['Invalid', '/amount/value']]],
    ['three decimals', amountBody('1.001'), [['Invalid', '/amount/value']]],
    ['an exponent', amountBody('1e3'), [['Invalid', '/amount/value']]],
    ['negative', amountBody('-1.00'), [['Invalid', '/amount/value']]],
    ['zero', amountBody('0.00'), [['Invalid', '/amount/value']]],
    ['no value', { amount: { currency: 'USD' } }, [['Required', '/amount/value']]],
    [
      'another currency, no value',
      { amount: { value: '', currency: 'EUR' } },
      [
        ['Required', '/amount/value'],
        ['Invalid', '/amount/currency'],
      ],
    ],
    ['no currency', { amount: { value: '1.00' } }, [['Required', '/amount/currency']]],
  ]
  for (const [name, body, expected] of cases) {
    const response = await apiRequest(app, 'POST', `/customers/${SEEDED.personalVerified}/labels`, { token, body })
    t.same(
      [response.statusCode, response.json().code, response.json()._embedded?.errors.map((error: { code: string; path: string }) => [error.code, error.path])],
      [400, 'ValidationError', expected],
      `${name}: 400 at ${expected.map(([, path]) => path).join(', ')}`,
    )
  }
  const unparseable = await apiRequest(app, 'POST', `/customers/${SEEDED.personalVerified}/labels`, { token, payload: '{"amount":' })
  t.equal(unparseable.statusCode, 400, 'a body that is not JSON: 400')
  const label = await createLabelVia(app, token, SEEDED.personalVerified, '1.00')
  for (const value of ['-', '--1.00', '- 1.00', '-0.00', '0']) {
    const response = await apiRequest(app, 'POST', `/labels/${label}/ledger-entries`, { token, body: amountBody(value) })
    t.same([response.statusCode, response.json()._embedded?.errors[0].path], [400, '/amount/value'], `a ledger entry of ${JSON.stringify(value)}: 400`)
  }
  t.same(await balanceVia(app, token, balance), ['99.00', '100.00'], 'no refused amount moved anything')
})

t.test('reallocations: one customer’s labels, two of them, no more than `from` holds', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  for (const customer of [SEEDED.personalVerified, SEEDED.businessVerified]) app.mockDwolla.balances.set(await balanceIdVia(app, token, customer), '50.00')
  const a = await createLabelVia(app, token, SEEDED.personalVerified, '10.00')
  const b = await createLabelVia(app, token, SEEDED.personalVerified, '10.00')
  const other = await createLabelVia(app, token, SEEDED.businessVerified, '10.00')
  const problem = async (body: unknown) => {
    const response = await apiRequest(app, 'POST', '/label-reallocations', { token, body })
    const json = response.json()
    return [
      response.statusCode,
      json._embedded?.errors.map((error: { code: string; message: string; path: string }) => [error.code, error.path, error.message]) ?? json.message,
    ]
  }
  t.same(
    await problem(reallocationBody(a, other, '1.00')),
    [400, [['Invalid', '/_links/to/href', LABEL_MESSAGES.otherCustomer]]],
    'another customer’s label: 400',
  )
  t.same(await problem(reallocationBody(a, a, '1.00')), [400, [['Invalid', '/_links/to/href', LABEL_MESSAGES.sameLabel]]], 'the same label twice: 400')
  t.same(await problem(reallocationBody(a, b, '10.01')), [400, [['Invalid', '/amount/value', LABEL_MESSAGES.negative]]], 'more than `from` holds: 400')
  t.same(
    await problem(reallocationBody(a, '99999999-9999-4999-8999-999999999999', '1.00')),
    [404, NOT_FOUND_MESSAGES.label],
    'a label that does not exist: 404 "Label not found."',
  )
  t.same(
    await problem({ amount: { value: '1.00', currency: 'USD' } }),
    [
      400,
      [
        ['Required', '/_links/from/href', 'From href required.'],
        ['Required', '/_links/to/href', 'To href required.'],
      ],
    ],
    'no links: both required',
  )
  t.same(
    await problem({ _links: { from: { href: `${BASE}/customers/${a}` }, to: { href: 42 } }, ...amountBody('1.00') }),
    [
      400,
      [
        ['Invalid', '/_links/from/href', 'From href invalid.'],
        ['Invalid', '/_links/to/href', 'To href invalid.'],
      ],
    ],
    'hrefs that name no label: invalid',
  )
  t.same(await problem({ _links: reallocationBody(a, b, '1.00')._links }), [400, [['Required', '/amount', 'Amount required.']]], 'no amount: required')
  t.same(
    [
      (await apiRequest(app, 'GET', `/labels/${a}`, { token })).json().amount.value,
      (await apiRequest(app, 'GET', `/labels/${b}`, { token })).json().amount.value,
    ],
    ['10.00', '10.00'],
    'nothing refused moved anything',
  )
  const upper = await apiRequest(app, 'POST', '/label-reallocations', { token, body: reallocationBody(a.toUpperCase(), b, '10.00') })
  t.equal(upper.statusCode, 201, 'ids in any case; all of `from` may move')
  t.same(
    [
      (await apiRequest(app, 'GET', `/labels/${a}`, { token })).json().amount.value,
      (await apiRequest(app, 'GET', `/labels/${b}`, { token })).json().amount.value,
    ],
    ['0.00', '20.00'],
    'moved',
  )
})

t.test('another application’s labels, entries and reallocations are 404 like unknown ones; lists page', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const balance = await balanceIdVia(app, token, SEEDED.personalVerified)
  app.mockDwolla.balances.set(balance, '100.00')
  const labels: string[] = []
  for (let i = 0; i < 5; i++) {
    labels.push(await createLabelVia(app, token, SEEDED.personalVerified, `${i + 1}.00`))
    app.mockDwolla.clock.advance(1)
  }
  const entry = await addLedgerEntryVia(app, token, labels[0] as string, '1.00')
  const moved = await apiRequest(app, 'POST', '/label-reallocations', { token, body: reallocationBody(labels[0] as string, labels[1] as string, '1.00') })
  const reallocation = idOf(moved.headers.location)
  const page = (await apiRequest(app, 'GET', `/customers/${SEEDED.personalVerified}/labels?limit=2&offset=2`, { token })).json()
  t.same(
    [page.total, page._embedded.labels.map((label: { id: string }) => label.id), Object.keys(page._links).sort()],
    [5, [labels[2], labels[1]], ['customer', 'first', 'last', 'next', 'prev', 'self']],
    'limit and offset: the third and second newest, with every paging link',
  )
  const entries = (await apiRequest(app, 'GET', `/labels/${labels[0]}/ledger-entries?limit=1`, { token })).json()
  t.same(
    [entries.total, entries._embedded['ledger-entries'].length, entries._links.next.href],
    [3, 1, `${BASE}/labels/${labels[0]}/ledger-entries?limit=1&offset=1`],
    'ledger entries page too',
  )
  const bad = await apiRequest(app, 'GET', `/customers/${SEEDED.personalVerified}/labels?limit=0`, { token })
  t.same([bad.statusCode, bad.json()._embedded.errors[0].path], [400, '/limit'], 'a limit out of range: 400 at /limit')

  const stranger = await accessTokenFor(app, 'other-key', 'other-secret')
  for (const [path, message] of [
    [`/labels/${labels[0]}`, NOT_FOUND_MESSAGES.label],
    [`/labels/${labels[0]}/ledger-entries`, NOT_FOUND_MESSAGES.label],
    [`/ledger-entries/${entry}`, NOT_FOUND_MESSAGES.ledgerEntry],
    [`/label-reallocations/${reallocation}`, NOT_FOUND_MESSAGES.labelReallocation],
    ['/label-reallocations/nope', NOT_FOUND_MESSAGES.labelReallocation],
  ] as const) {
    const response = await apiRequest(app, 'GET', path, { token: stranger })
    t.same([response.statusCode, response.json()], [404, { code: 'NotFound', message }], `${path} from another application: 404 "${message}"`)
  }
  const removal = await deleteRequest(app, `/labels/${labels[4]}`, stranger)
  t.equal(removal.statusCode, 404, 'nor can it remove one')
  const entryElsewhere = await apiRequest(app, 'POST', `/labels/${labels[0]}/ledger-entries`, { token: stranger, body: amountBody('1.00') })
  t.equal(entryElsewhere.statusCode, 404, 'nor add to one')
  const reallocationElsewhere = await apiRequest(app, 'POST', '/label-reallocations', {
    token: stranger,
    body: reallocationBody(labels[0] as string, labels[1] as string, '1.00'),
  })
  t.same([reallocationElsewhere.statusCode, reallocationElsewhere.json().message], [404, NOT_FOUND_MESSAGES.label], 'nor reallocate between them')
})

t.test('an Idempotency-Key on each creating POST: the same key answers the first Location and creates nothing', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const balance = await balanceIdVia(app, token, SEEDED.personalVerified)
  app.mockDwolla.balances.set(balance, '50.00')
  const post = (path: string, body: unknown, key: string) => apiRequest(app, 'POST', path, { token, body, headers: { 'idempotency-key': key } })
  const labels = `/customers/${SEEDED.personalVerified}/labels`
  const [first, again] = [await post(labels, amountBody('10.00'), 'label-1'), await post(labels, amountBody('10.00'), 'label-1')]
  t.same([first.statusCode, again.statusCode, again.headers.location], [201, 201, first.headers.location], 'a label: 201 twice, one Location')
  const other = await post(labels, amountBody('10.00'), 'label-2')
  t.not(other.headers.location, first.headers.location, 'another key makes another label')
  t.same(await balanceVia(app, token, balance), ['30.00', '50.00'], 'two labels held, not three')
  const a = idOf(first.headers.location)
  const b = idOf(other.headers.location)
  const entry = await post(`/labels/${a}/ledger-entries`, amountBody('-1.00'), 'entry-1')
  const entryAgain = await post(`/labels/${a}/ledger-entries`, amountBody('-1.00'), 'entry-1')
  t.same([entryAgain.statusCode, entryAgain.headers.location], [201, entry.headers.location], 'a ledger entry: the first Location')
  const moved = await post('/label-reallocations', reallocationBody(a, b, '2.00'), 'move-1')
  const movedAgain = await post('/label-reallocations', reallocationBody(a, b, '2.00'), 'move-1')
  t.same([movedAgain.statusCode, movedAgain.headers.location], [201, moved.headers.location], 'a reallocation: the first Location')
  t.same(
    [
      (await apiRequest(app, 'GET', `/labels/${a}`, { token })).json().amount.value,
      (await apiRequest(app, 'GET', `/labels/${a}/ledger-entries`, { token })).json().total,
    ],
    ['7.00', 3],
    'each made once: 10.00 − 1.00 − 2.00, three entries',
  )
  const refused = await post(labels, amountBody('1000.00'), 'label-3')
  t.equal(refused.statusCode, 400, 'a refused create…')
  t.equal((await post(labels, amountBody('1.00'), 'label-3')).statusCode, 201, '…does not keep its key: corrected, it creates')
  const concurrent = await Promise.all(Array.from({ length: 20 }, () => post(labels, amountBody('1.00'), 'label-4')))
  t.same(
    [new Set(concurrent.map((response) => response.headers.location)).size, concurrent.every((response) => response.statusCode === 201)],
    [1, true],
    'twenty at once with one key: one label, one Location',
  )
})
