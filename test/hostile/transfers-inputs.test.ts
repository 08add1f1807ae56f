import t from 'tap'
import { accessTokenFor, apiRequest, mockFor } from '../helpers/mock.js'
import { API, partiesVia, transferBody } from '../helpers/transfers.js'

const HOSTILE_VALUES: unknown[] = [
  null,
  true,
  0,
  -1,
  1e308,
  Number.NaN,
  '',
  ' ',
  '-0.01',
  '0',
  '0.00',
  '0.001',
  '1e3',
  'NaN',
  'Infinity',
  '1,000.00',
  ' 5.00',
  '5.00 ',
  '１.００',
  `1${'0'.repeat(40)}`,
  '99999999999999.99',
  [],
  {},
  { value: '1.00' },
  '\u0000',
  '<script>',
]

t.test('every hostile amount, link, metadata and option value: a 4xx in Dwolla’s shape, no money moved, never a 500', async (t) => {
  const app = await mockFor(t, { autoVerifyBanks: true })
  const token = await accessTokenFor(app)
  const parties = await partiesVia(app, token)
  const good = transferBody(parties.account.balance, parties.verified.balance, '1.00')
  const bodies: Array<[string, unknown]> = [
    ['no body', undefined],
    ['an array', []],
    ['a string', 'transfer'],
    ['empty', {}],
    ...HOSTILE_VALUES.map((value): [string, unknown] => [`amount.value ${JSON.stringify(value)}`, { ...good, amount: { currency: 'USD', value } }]),
    ...HOSTILE_VALUES.map((value): [string, unknown] => [`amount ${JSON.stringify(value)}`, { ...good, amount: value }]),
    ...HOSTILE_VALUES.map((value): [string, unknown] => [`currency ${JSON.stringify(value)}`, { ...good, amount: { currency: value, value: '1.00' } }]),
    ...HOSTILE_VALUES.map((value): [string, unknown] => [
      `source href ${JSON.stringify(value)}`,
      { ...good, _links: { ...(good._links as object), source: { href: value } } },
    ]),
    ...HOSTILE_VALUES.map((value): [string, unknown] => [
      `destination ${JSON.stringify(value)}`,
      { ...good, _links: { ...(good._links as object), destination: value } },
    ]),
    ...HOSTILE_VALUES.map((value): [string, unknown] => [`_links ${JSON.stringify(value)}`, { ...good, _links: value }]),
    // Absent (null) and an object of strings are metadata: every other value is not.
    ...HOSTILE_VALUES.filter((value) => value !== null && !Number.isNaN(value) && !(typeof value === 'object' && !Array.isArray(value))).map(
      (value): [string, unknown] => [`metadata ${JSON.stringify(value)}`, { ...good, metadata: value }],
    ),
    ['metadata of 11 pairs', { ...good, metadata: Object.fromEntries(Array.from({ length: 11 }, (_, index) => [`k${index}`, 'v'])) }],
    ['a metadata value of 255 characters', { ...good, metadata: { note: 'x'.repeat(255) } }],
    ['a metadata value that is an object', { ...good, metadata: { note: { nested: true } } }],
    ['a correlationId of 256 characters', { ...good, correlationId: 'c'.repeat(256) }],
    ['a correlationId with a space', { ...good, correlationId: 'a b' }],
    ['addenda of 81 characters', { ...good, achDetails: { source: { addenda: { values: ['a'.repeat(81)] } } } }],
    ['two addenda', { ...good, achDetails: { destination: { addenda: { values: ['a', 'b'] } } } }],
    ['remittance data of 141 characters', { ...good, rtpDetails: { destination: { remittanceData: 'r'.repeat(141) } } }],
    ['clearing "tomorrow"', { ...good, clearing: { source: 'tomorrow' } }],
    ['processingChannel "wire"', { ...good, processingChannel: { destination: 'wire' } }],
    [
      'processingChannel to a bank without it',
      { ...transferBody(parties.account.balance, parties.verified.bank, '1.00'), processingChannel: { destination: 'instant' } },
    ],
    ['fees not a list', { ...good, fees: 'half' }],
    [
      '11 fees',
      {
        ...good,
        fees: Array.from({ length: 11 }, () => ({
          _links: { 'charge-to': { href: `${API}/customers/${parties.verified.customer}` } },
          amount: { value: '0.01', currency: 'USD' },
        })),
      },
    ],
    [
      'a fee on nobody',
      { ...good, fees: [{ _links: { 'charge-to': { href: `${API}/customers/${parties.unverified.customer}` } }, amount: { value: '0.01', currency: 'USD' } }] },
    ],
    [
      'a fee of 0.00',
      { ...good, fees: [{ _links: { 'charge-to': { href: `${API}/customers/${parties.verified.customer}` } }, amount: { value: '0.00', currency: 'USD' } }] },
    ],
    [
      'fees over half',
      { ...good, fees: [{ _links: { 'charge-to': { href: `${API}/customers/${parties.verified.customer}` } }, amount: { value: '0.51', currency: 'USD' } }] },
    ],
    ['a customer as destination', { ...good, _links: { ...(good._links as object), destination: { href: `${API}/customers/${parties.verified.customer}` } } }],
    ['to itself', transferBody(parties.account.balance, parties.account.balance, '1.00')],
    ['over the Verified Customer’s limit', transferBody(parties.verified.bank, parties.account.balance, '10000.01')],
    ['unverified to receive-only', transferBody(parties.unverified.bank, parties.receiveOnly.bank, '1.00')],
    ['from a receive-only customer', transferBody(parties.receiveOnly.bank, parties.account.balance, '1.00')],
  ]
  const problems: string[] = []
  for (const [name, body] of bodies) {
    const response = await apiRequest(app, 'POST', '/transfers', { token, ...(body === undefined ? {} : { payload: JSON.stringify(body) }) })
    type Answer = { code?: string; message?: string; _embedded?: { errors: Array<{ code: string; message: string; path: string }> } }
    const answer: Answer = response.body === '' ? {} : response.json<Answer>()
    const shaped = typeof answer.code === 'string' && typeof answer.message === 'string'
    const embedded = answer.code !== 'ValidationError' || (answer._embedded?.errors.length ?? 0) > 0
    if (response.statusCode < 400 || response.statusCode >= 500 || !shaped || !embedded)
      problems.push(`${name}: ${response.statusCode} ${response.body.slice(0, 160)}`)
  }
  t.same(problems, [], `${bodies.length} hostile bodies, each a 4xx in Dwolla’s shape`)
  t.equal(app.mockDwolla.balances.get(parties.account.balance)?.balance, '5000.00', 'no money moved')
  const listed = await apiRequest(app, 'GET', `/customers/${parties.verified.customer}/transfers`, { token })
  t.equal(listed.json().total, 0, 'no transfer made')
  for (const query of [
    'limit=0',
    'limit=abc',
    'offset=-1',
    'status=pending%00',
    `search=${'s'.repeat(300)}`,
    `correlationId=${'c'.repeat(300)}`,
    'startAmount=-1',
    'endDate=tomorrow',
  ]) {
    const response = await apiRequest(app, 'GET', `/customers/${parties.verified.customer}/transfers?${query}`, { token })
    t.equal(response.statusCode, 400, `the list with ${query.slice(0, 30)}: 400`)
  }
  for (const body of [{}, { status: 'CANCELLED' }, { status: null }, [], 'cancelled']) {
    const response = await apiRequest(app, 'POST', `/transfers/00000000-0000-4000-8000-000000000000`, { token, payload: JSON.stringify(body) })
    t.equal(response.statusCode, 404, `cancel of an unknown transfer with ${JSON.stringify(body)}: 404 first`)
  }
})
