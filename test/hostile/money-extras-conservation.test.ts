import { randomInt } from 'node:crypto'
import { setImmediate as nextTurn } from 'node:timers/promises'
import t from 'tap'
import { start } from '../../src/index.js'
import { balanceAccount, LEDGER } from '../../src/resources/balances/index.js'
import { accountBalanceIdFor } from '../../src/resources/funding-sources/index.js'
import { LABELS } from '../../src/resources/labels/index.js'
import { MASS_PAYMENTS } from '../../src/resources/mass-payments/index.js'
import { SEEDED } from '../helpers/customers.js'

const HAL = 'application/vnd.dwolla.v1.hal+json'
const usd = (value: string) => ({ value, currency: 'USD' })
const cents = (value: number) => `${Math.floor(value / 100)}.${String(value % 100).padStart(2, '0')}`

t.test('labels, mass payments and transfers at once, at random: every balance’s money conserved, none overdrawn, labels held exactly', async (t) => {
  const server = await start({ journalLimit: 5000 })
  t.teardown(() => server.close())
  const tokenResponse = await fetch(`${server.url}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'client_id=key&client_secret=secret&grant_type=client_credentials',
  })
  const token = ((await tokenResponse.json()) as { access_token: string }).access_token
  const call = (method: string, path: string, body?: unknown) =>
    fetch(`${server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, accept: HAL, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
  const balanceOf = async (customer: string) =>
    ((await (await call('GET', `/customers/${customer}/funding-sources`)).json()) as { _embedded: { 'funding-sources': Array<{ id: string }> } })._embedded[
      'funding-sources'
    ][0]?.id as string
  const customers = [SEEDED.personalVerified, SEEDED.businessVerified]
  const balances = [accountBalanceIdFor('key'), ...(await Promise.all(customers.map(balanceOf)))]
  for (const balance of balances.slice(1)) server.balances.set(balance, '200.00')
  const world = server.app.mockDwolla.worlds.open('key')
  const ledger = world.get(LEDGER)
  const totalOf = () => balances.reduce((sum, balance) => sum + ledger.total(balanceAccount(balance)), 0)
  const before = totalOf()
  const href = (balance: string) => `${server.url}/funding-sources/${balance}`
  const labelsOf = (customer: string) => world.get(LABELS).list(customer)

  const operations = Array.from({ length: 300 }, async () => {
    const which = randomInt(6)
    const customer = customers[randomInt(2)] as string
    const from = balances[randomInt(3)] as string
    const to = balances[randomInt(3)] as string
    const amount = cents(1 + randomInt(3_000))
    if (which === 0) return call('POST', `/customers/${customer}/labels`, { amount: usd(amount) })
    const labels = labelsOf(customer)
    const label = labels[randomInt(Math.max(labels.length, 1))]
    if (which === 1 && label !== undefined)
      return call('POST', `/labels/${label.id}/ledger-entries`, { amount: usd(`${randomInt(2) === 0 ? '-' : ''}${amount}`) })
    if (which === 2 && label !== undefined && labels.length > 1) {
      const other = labels.find((each) => each.id !== label.id) as { id: string }
      return call('POST', '/label-reallocations', {
        _links: { from: { href: `${server.url}/labels/${label.id}` }, to: { href: `${server.url}/labels/${other.id}` } },
        amount: usd(amount),
      })
    }
    if (which === 3 && label !== undefined) return call('DELETE', `/labels/${label.id}`)
    if (which === 4) {
      const items = Array.from({ length: 1 + randomInt(20) }, () => ({
        _links: { destination: { href: href(balances[randomInt(3)] as string) } },
        amount: usd(cents(1 + randomInt(2_000))),
      }))
      return call('POST', '/mass-payments', { _links: { source: { href: href(from) } }, items })
    }
    return call('POST', '/transfers', { _links: { source: { href: href(from) }, destination: { href: href(to) } }, amount: usd(amount) })
  })
  const answers = await Promise.all(operations)
  t.ok(
    answers.every((answer) => answer.status < 500),
    `300 random operations answered without a 500 (${answers.filter((answer) => answer.status < 300).length} succeeded)`,
  )
  for (let turn = 0; turn < 100_000 && world.get(MASS_PAYMENTS).unfinished().length > 0; turn++) await nextTurn()
  t.equal(world.get(MASS_PAYMENTS).unfinished().length, 0, 'every mass payment processed')

  t.equal(totalOf(), before, 'the balances hold together what they held before: balance-to-balance money only moved')
  for (const balance of balances) {
    const state = ledger.state(balanceAccount(balance))
    t.ok(state.available >= 0 && state.held >= 0, `${balance}: never overdrawn (available ${cents(state.available)}, held ${cents(state.held)})`)
  }
  for (const [index, customer] of customers.entries()) {
    const labels = labelsOf(customer)
    t.ok(
      labels.every((label) => label.cents >= 0),
      `${customer}: no label below zero`,
    )
    t.equal(
      ledger.state(balanceAccount(balances[index + 1] as string)).held,
      labels.reduce((sum, label) => sum + label.cents, 0),
      `${customer}: the balance holds exactly what its labels do`,
    )
  }
  t.equal(ledger.sum(), 0, 'every cent accounted for in the ledger')
})
