import t from 'tap'
import { start } from '../../src/index.js'
import { LEDGER } from '../../src/resources/balances/index.js'
import { accountBalanceIdFor } from '../../src/resources/funding-sources/index.js'
import { SEEDED } from '../helpers/customers.js'
import { amounts, bankBody, idOf } from '../helpers/funding-sources.js'

const HAL = 'application/vnd.dwolla.v1.hal+json'

async function client(url: string) {
  const response = await fetch(`${url}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'client_id=key&client_secret=secret&grant_type=client_credentials',
  })
  const token = ((await response.json()) as { access_token: string }).access_token
  return (method: string, path: string, body?: unknown) =>
    fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, accept: HAL, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
}

t.test('concurrent requests over real sockets: every rule holds exactly, and money is conserved', async (t) => {
  const server = await start({ journalLimit: 5000 })
  t.teardown(() => server.close())
  const call = await client(server.url)

  const same = await Promise.all(Array.from({ length: 50 }, () => call('POST', `/customers/${SEEDED.unverified}/funding-sources`, bankBody('1234'))))
  t.same(
    [same.filter((response) => response.status === 201).length, same.filter((response) => response.status === 400).length],
    [1, 49],
    'the same bank 50 times at once: one created, 49 duplicates',
  )
  const many = await Promise.all(
    Array.from({ length: 50 }, (_, index) => call('POST', `/customers/${SEEDED.receiveOnly}/funding-sources`, bankBody(String(10_000 + index)))),
  )
  t.equal(many.filter((response) => response.status === 201).length, 2, '50 different banks at once for one customer: exactly the limit of 2 created')

  const bank = idOf(same.find((response) => response.status === 201)?.headers.get('location'))
  await call('POST', `/funding-sources/${bank}/micro-deposits`)
  const guesses = await Promise.all(Array.from({ length: 20 }, () => call('POST', `/funding-sources/${bank}/micro-deposits`, amounts('0.11', '0.12'))))
  t.same(
    [guesses.filter((response) => response.status === 400).length, guesses.filter((response) => response.status === 403).length],
    [3, 17],
    '20 wrong guesses at once: three counted, the rest refused as too many attempts',
  )
  t.equal(server.events({ topic: 'customer_microdeposits_maxattempts' }).length, 1, 'one maxattempts event')

  const balance = accountBalanceIdFor('key')
  const values = Array.from({ length: 200 }, (_, index) => `${index}.${String(index % 100).padStart(2, '0')}`)
  const sets = await Promise.all(
    values.map((value) =>
      fetch(`${server.url}/__mock/funding-sources/${balance}/balance`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ value }),
      }),
    ),
  )
  t.ok(
    sets.every((response) => response.status === 200),
    '200 balances set at once',
  )
  const final = server.balances.get(balance)?.balance
  t.ok(values.includes(final as string), `the balance is one of the values set (${final}), never a mixture`)
  t.equal(server.app.mockDwolla.worlds.open('key').get(LEDGER).sum(), 0, 'and the ledger adds up to zero')
})
