// The endpoints the bench measures. Each makes its request against a running server, the mock
// or the baseline (both answer the same requests). Adding an endpoint is one entry here, plus its
// baseline route in a module listed in baseline-app.js.
//
// The customers endpoints run the mock with bench/customers-settings.json: a load of new
// customers needs room past the default customerLimit (5,000), and the load generator repeats one
// request, so one email would be a Duplicate after the first (duplicateEmailCheck off). Everything
// else stays at its default. The funding-source reads and POST /on-demand-authorizations run at the
// default settings; POST /funding-sources adds a VAN to the Account per request, which needs room
// past the default fundingSourceLimit (15,000): bench/funding-sources-settings.json.
// GET /labels/{id} and GET /mass-payments/{id} run at the default settings; each first gives the
// verified customer's balance money through the test double (fresh, it holds nothing). The POSTs
// for labels and mass payments set $0.01 aside (or pay it) per request: a load makes tens of
// thousands, past the default labelLimit, labelLedgerEntryLimit and massPaymentLimit (1,000,
// 20,000, 1,000), so they run with bench/labels-settings.json and
// bench/mass-payments-settings.json, and first give the balance $1,000,000: more than a run spends.
const FORM = 'application/x-www-form-urlencoded'
const HAL = 'application/vnd.dwolla.v1.hal+json'
const TOKEN_FORM = 'client_id=bench&client_secret=bench&grant_type=client_credentials'
const CUSTOMER_HREF = 'https://api-sandbox.dwolla.com/customers/707177c3-bf15-4e7e-b37c-55c3898d9bf4'

/** A fresh access token from the server under test, as an SDK would get one. */
async function accessToken(url) {
  const response = await fetch(`${url}/token`, { method: 'POST', headers: { 'content-type': FORM }, body: TOKEN_FORM })
  return (await response.json()).access_token
}

/** An unverified customer, the smallest body POST /customers takes (Dwolla's own example). */
const NEW_CUSTOMER = JSON.stringify({ firstName: 'Jane', lastName: 'Merchant', email: 'jane.merchant@example.com' })

/** The seeded personal verified customer (fixtures/defaults.json): it has a balance. */
const VERIFIED_CUSTOMER = '707177c3-bf15-4e7e-b37c-55c3898d9bf4'
const NEW_BANK = JSON.stringify({ routingNumber: '222222226', accountNumber: '123456789', bankAccountType: 'checking', name: 'Checking' })
const NEW_VAN = JSON.stringify({ name: 'VAN', type: 'virtual', bankAccountType: 'checking' })

/** A bank of the verified customer, created first; its path read from Location. */
async function bankPath(url, headers) {
  const created = await fetch(`${url}/customers/${VERIFIED_CUSTOMER}/funding-sources`, { method: 'POST', headers, body: NEW_BANK })
  if (created.status !== 201) throw new Error(`POST /customers/{id}/funding-sources answered ${created.status}`)
  return new URL(created.headers.get('location')).pathname
}

async function customerHeaders(url) {
  return { authorization: `Bearer ${await accessToken(url)}`, accept: HAL, 'content-type': 'application/json' }
}

export const ENDPOINTS = [
  {
    name: 'POST /token',
    async request() {
      return { method: 'POST', path: '/token', headers: { 'content-type': FORM }, body: TOKEN_FORM }
    },
  },
  {
    name: 'POST /client-tokens',
    async request(url) {
      const headers = { authorization: `Bearer ${await accessToken(url)}`, accept: HAL, 'content-type': 'application/json' }
      return {
        method: 'POST',
        path: '/client-tokens',
        headers,
        body: JSON.stringify({ action: 'customer.update', _links: { customer: { href: CUSTOMER_HREF } } }),
      }
    },
  },
  {
    name: 'POST /customers',
    settings: 'bench/customers-settings.json',
    async request(url) {
      return { method: 'POST', path: '/customers', headers: await customerHeaders(url), body: NEW_CUSTOMER }
    },
  },
  {
    name: 'GET /customers/{id}',
    settings: 'bench/customers-settings.json',
    async request(url) {
      const headers = await customerHeaders(url)
      // A customer of its own, created first; its id read from Location, as Dwolla's examples do.
      const created = await fetch(`${url}/customers`, { method: 'POST', headers, body: NEW_CUSTOMER })
      if (created.status !== 201) throw new Error(`POST /customers answered ${created.status}`)
      const path = new URL(created.headers.get('location')).pathname
      return { method: 'GET', path, headers: { authorization: headers.authorization, accept: HAL } }
    },
  },
  {
    name: 'GET /customers/{id}/funding-sources',
    async request(url) {
      const headers = await customerHeaders(url)
      await bankPath(url, headers)
      return { method: 'GET', path: `/customers/${VERIFIED_CUSTOMER}/funding-sources`, headers: { authorization: headers.authorization, accept: HAL } }
    },
  },
  {
    name: 'GET /funding-sources/{id}',
    async request(url) {
      const headers = await customerHeaders(url)
      return { method: 'GET', path: await bankPath(url, headers), headers: { authorization: headers.authorization, accept: HAL } }
    },
  },
  {
    name: 'GET /funding-sources/{id}/balance',
    async request(url) {
      const headers = await customerHeaders(url)
      const list = await fetch(`${url}/customers/${VERIFIED_CUSTOMER}/funding-sources`, { headers: { authorization: headers.authorization, accept: HAL } })
      const balance = (await list.json())._embedded['funding-sources'].find((source) => source.type === 'balance')
      return { method: 'GET', path: `/funding-sources/${balance.id}/balance`, headers: { authorization: headers.authorization, accept: HAL } }
    },
  },
  {
    name: 'POST /on-demand-authorizations',
    async request(url) {
      // No body and no content type, as the dwolla SDK sends it.
      const { authorization } = await customerHeaders(url)
      return { method: 'POST', path: '/on-demand-authorizations', headers: { authorization, accept: HAL } }
    },
  },
  {
    name: 'POST /funding-sources',
    settings: 'bench/funding-sources-settings.json',
    async request(url) {
      return { method: 'POST', path: '/funding-sources', headers: await customerHeaders(url), body: NEW_VAN }
    },
  },
  {
    name: 'POST /transfers',
    settings: 'bench/transfers-settings.json',
    async request(url) {
      const headers = await customerHeaders(url)
      return { method: 'POST', path: '/transfers', headers, body: await meToMeTransfer(url, headers) }
    },
  },
  {
    name: 'GET /transfers/{id}',
    settings: 'bench/transfers-settings.json',
    async request(url) {
      const headers = await customerHeaders(url)
      const created = await fetch(`${url}/transfers`, { method: 'POST', headers, body: await meToMeTransfer(url, headers) })
      if (created.status !== 201) throw new Error(`POST /transfers answered ${created.status}`)
      return { method: 'GET', path: new URL(created.headers.get('location')).pathname, headers: { authorization: headers.authorization, accept: HAL } }
    },
  },
  {
    name: 'GET /customers/{id}/transfers',
    settings: 'bench/transfers-settings.json',
    async request(url) {
      const headers = await customerHeaders(url)
      const body = await meToMeTransfer(url, headers)
      for (let index = 0; index < 30; index += 1) await fetch(`${url}/transfers`, { method: 'POST', headers, body })
      return { method: 'GET', path: `/customers/${VERIFIED_CUSTOMER}/transfers`, headers: { authorization: headers.authorization, accept: HAL } }
    },
  },
  {
    name: 'GET /labels/{id}',
    async request(url) {
      const headers = await customerHeaders(url)
      return { method: 'GET', path: await labelPath(url, headers), headers: { authorization: headers.authorization, accept: HAL } }
    },
  },
  {
    name: 'GET /mass-payments/{id}',
    async request(url) {
      const headers = await customerHeaders(url)
      return { method: 'GET', path: await massPaymentPath(url, headers), headers: { authorization: headers.authorization, accept: HAL } }
    },
  },
  {
    name: 'POST /customers/{id}/labels',
    settings: 'bench/labels-settings.json',
    async request(url) {
      const headers = await customerHeaders(url)
      await fundedBalance(url, headers, LOAD_FUNDS)
      return { method: 'POST', path: `/customers/${VERIFIED_CUSTOMER}/labels`, headers, body: CENT }
    },
  },
  {
    name: 'POST /labels/{id}/ledger-entries',
    settings: 'bench/labels-settings.json',
    async request(url) {
      const headers = await customerHeaders(url)
      return { method: 'POST', path: `${await labelPath(url, headers, LOAD_FUNDS)}/ledger-entries`, headers, body: CENT }
    },
  },
  {
    name: 'POST /mass-payments',
    settings: 'bench/mass-payments-settings.json',
    async request(url) {
      const headers = await customerHeaders(url)
      return { method: 'POST', path: '/mass-payments', headers, body: await balanceToBalanceMassPayment(url, headers) }
    },
  },
]

/**
 * A transfer from the verified customer's bank (verified at once: autoVerifyBanks) to its own
 * balance: one pending bank transfer, no funds to run out of, whatever the load.
 */
async function meToMeTransfer(url, headers) {
  const listed = async () => {
    const list = await fetch(`${url}/customers/${VERIFIED_CUSTOMER}/funding-sources?removed=false`, {
      headers: { authorization: headers.authorization, accept: HAL },
    })
    return (await list.json())._embedded['funding-sources']
  }
  let sources = await listed()
  if (!sources.some((source) => source.type === 'bank')) {
    await bankPath(url, headers)
    sources = await listed()
  }
  const bank = sources.find((source) => source.type === 'bank')
  const balance = sources.find((source) => source.type === 'balance')
  return JSON.stringify({
    _links: { source: { href: `${url}/funding-sources/${bank.id}` }, destination: { href: `${url}/funding-sources/${balance.id}` } },
    amount: { currency: 'USD', value: '1.00' },
  })
}

const CENT = JSON.stringify({ amount: { currency: 'USD', value: '0.01' } })

/**
 * The verified customer's balance, given `value` through the test double first (fresh, it holds
 * nothing): `POST /__mock/funding-sources/{id}/balance`, which the baseline takes too.
 */
async function fundedBalance(url, headers, value) {
  const list = await fetch(`${url}/customers/${VERIFIED_CUSTOMER}/funding-sources`, { headers: { authorization: headers.authorization, accept: HAL } })
  const balance = (await list.json())._embedded['funding-sources'].find((source) => source.type === 'balance')
  const body = JSON.stringify({ value, application: 'bench' })
  const set = await fetch(`${url}/__mock/funding-sources/${balance.id}/balance`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
  if (set.status !== 200) throw new Error(`POST /__mock/funding-sources/{id}/balance answered ${set.status}`)
  return balance
}

/** What the POST endpoints give the balance first: $0.01 a request, 100,000,000 requests' worth. */
const LOAD_FUNDS = '1000000.00'

/** A label of $0.01 of the verified customer, whose balance is given `funds` first. */
async function labelPath(url, headers, funds = '100.00') {
  await fundedBalance(url, headers, funds)
  const created = await fetch(`${url}/customers/${VERIFIED_CUSTOMER}/labels`, { method: 'POST', headers, body: CENT })
  if (created.status !== 201) throw new Error(`POST /customers/{id}/labels answered ${created.status}`)
  return new URL(created.headers.get('location')).pathname
}

/** A mass payment of one $1.00 item from the verified customer's balance to its bank, read once it is complete. */
async function massPaymentPath(url, headers) {
  const balance = await fundedBalance(url, headers, '1000.00')
  const destination = `${url}${await bankPath(url, headers)}`
  const body = JSON.stringify({
    _links: { source: { href: `${url}/funding-sources/${balance.id}` } },
    items: [{ _links: { destination: { href: destination } }, amount: { currency: 'USD', value: '1.00' } }],
  })
  const created = await fetch(`${url}/mass-payments`, { method: 'POST', headers, body })
  if (created.status !== 201) throw new Error(`POST /mass-payments answered ${created.status}: ${await created.text()}`)
  const path = new URL(created.headers.get('location')).pathname
  // Items are processed in the background: wait for the status the load will read every time.
  for (let tries = 0; tries < 100; tries += 1) {
    const read = await fetch(`${url}${path}`, { headers: { authorization: headers.authorization, accept: HAL } })
    if ((await read.json()).status === 'complete') return path
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error('the mass payment did not complete in 5 s')
}

/** The seeded business verified customer (fixtures/defaults.json): it has a balance too. */
const VERIFIED_BUSINESS = '0a9c8e7f-6d5b-4c3a-8f1e-2d4b6c8a0e09'

/**
 * A mass payment of one $0.01 item from the verified customer's balance (given LOAD_FUNDS first)
 * to the business verified customer's: each item is one balance-to-balance transfer, processed at
 * once, nothing left pending whatever the load.
 */
async function balanceToBalanceMassPayment(url, headers) {
  const source = await fundedBalance(url, headers, LOAD_FUNDS)
  const list = await fetch(`${url}/customers/${VERIFIED_BUSINESS}/funding-sources`, { headers: { authorization: headers.authorization, accept: HAL } })
  const destination = (await list.json())._embedded['funding-sources'].find((each) => each.type === 'balance')
  return JSON.stringify({
    _links: { source: { href: `${url}/funding-sources/${source.id}` } },
    items: [{ _links: { destination: { href: `${url}/funding-sources/${destination.id}` } }, amount: { currency: 'USD', value: '0.01' } }],
  })
}

/** The request every cold start ends with: the first 200 from POST /token. */
export const FIRST_REQUEST = { method: 'POST', headers: { 'content-type': FORM }, body: TOKEN_FORM }
