// The endpoints the bench measures. Each makes its request against a running server, the mock
// or the baseline (both answer the same requests). Adding an endpoint is one entry here, plus its
// baseline route in a module listed in baseline-app.js.
//
// The customers endpoints run the mock with bench/customers-settings.json: a load of new
// customers needs room past the default customerLimit (5,000), and the load generator repeats one
// request, so one email would be a Duplicate after the first (duplicateEmailCheck off). Everything
// else stays at its default.
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
]

/** The request every cold start ends with: the first 200 from POST /token. */
export const FIRST_REQUEST = { method: 'POST', headers: { 'content-type': FORM }, body: TOKEN_FORM }
