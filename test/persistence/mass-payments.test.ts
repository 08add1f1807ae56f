import { join } from 'node:path'
import t from 'tap'
import { buildServer, STATE_FORMAT, STATE_VERSION } from '../../src/index.js'
import { accountBalanceIdFor, accountBankIdFor } from '../../src/resources/funding-sources/index.js'
import { SEEDED } from '../helpers/customers.js'
import { idOf } from '../helpers/funding-sources.js'
import { balanceIdVia } from '../helpers/labels.js'
import { completedMassPayment, massPaymentBody } from '../helpers/mass-payments.js'
import { accessTokenFor, apiRequest } from '../helpers/mock.js'
import { tempFolder } from '../helpers/temp-folder.js'

type App = Awaited<ReturnType<typeof buildServer>>

async function seenBy(app: App, token: string, ids: string[]) {
  const seen = []
  for (const id of ids) {
    seen.push(
      (await apiRequest(app, 'GET', `/mass-payments/${id}`, { token })).json(),
      (await apiRequest(app, 'GET', `/mass-payments/${id}/items`, { token })).json(),
    )
  }
  return seen
}

t.test('--state keeps mass payments and their items: a deferred one can still be released after a restart', async (t) => {
  const { path } = await tempFolder(t)
  const stateFile = join(path, 'state.json')
  const first = await buildServer({ stateFile })
  const token = await accessTokenFor(first)
  const personal = await balanceIdVia(first, token, SEEDED.personalVerified)
  const account = accountBalanceIdFor('key')
  const done = idOf(
    (await apiRequest(first, 'POST', '/mass-payments', { token, body: massPaymentBody(account, [[personal, '3.00']], { correlationId: 'kept' }) })).headers
      .location,
  )
  await completedMassPayment(first, token, done)
  const deferred = idOf(
    (await apiRequest(first, 'POST', '/mass-payments', { token, body: massPaymentBody(account, [[personal, '4.00']], { status: 'deferred' }) })).headers
      .location,
  )
  const before = await seenBy(first, token, [done, deferred])
  await first.close()

  const second = await buildServer({ stateFile })
  t.teardown(() => second.close())
  const again = await accessTokenFor(second)
  t.same(await seenBy(second, again, [done, deferred]), before, 'the same mass payments and items')
  const released = await apiRequest(second, 'POST', `/mass-payments/${deferred}`, { token: again, body: { status: 'pending' } })
  t.equal(released.statusCode, 200, 'the deferred one released after the restart')
  t.equal((await completedMassPayment(second, again, deferred)).status, 'complete', 'and processed')
  t.equal(second.mockDwolla.balances.get(personal)?.balance, '7.00', 'both paid, once each')
})

t.test('a mass payment left unfinished in the state file is processed once its application is called again', async (t) => {
  const { write } = await tempFolder(t)
  const massPayment = '11111111-1111-4111-8111-111111111111'
  const items = ['22222222-2222-4222-8222-222222222222', '33333333-3333-4333-8333-333333333333']
  const transfer = '44444444-4444-4444-8444-444444444444'
  const entry = {
    massPayments: [
      { id: massPayment, status: 'processing', created: '2026-01-01T00:00:00.000Z', sourceId: accountBalanceIdFor('key'), itemIds: items, total: 300 },
    ],
    massPaymentItems: [
      { id: items[0], massPaymentId: massPayment, status: 'success', destinationId: accountBankIdFor('key'), amount: 100, transferId: transfer },
      { id: items[1], massPaymentId: massPayment, status: 'pending', destinationId: accountBankIdFor('key'), amount: 200 },
    ],
  }
  const frame = (content: Record<string, unknown>) =>
    JSON.stringify({
      format: STATE_FORMAT,
      version: STATE_VERSION,
      savedAt: '2026-01-01T00:00:00.000Z',
      journal: 'journal-one-0001',
      applications: [{ application: 'key', ...content }],
    })
  const app = await buildServer({ stateFile: await write('unfinished.json', frame(entry)) })
  t.teardown(() => app.close())
  const token = await accessTokenFor(app)
  const done = await completedMassPayment(app, token, massPayment)
  t.equal(done.status, 'complete', 'taken up again and completed')
  const listed = (await apiRequest(app, 'GET', `/mass-payments/${massPayment}/items`, { token })).json()._embedded.items
  t.same(
    listed.map((item: { status: string; _links: { transfer?: { href: string } } }) => [item.status, item._links.transfer?.href.endsWith(transfer)]),
    [
      ['success', true],
      ['success', false],
    ],
    'the item already paid kept its transfer; only the pending one was paid now',
  )

  const at = '/applications/0'
  const cases: Array<[string, Record<string, unknown>, string]> = [
    [
      'a total that is not the items’ sum',
      { ...entry, massPayments: [{ ...entry.massPayments[0], total: 301 }] },
      `${at}/massPayments/0/total: 301 cents, but its items add up to 300`,
    ],
    [
      'an item of no mass payment',
      { ...entry, massPaymentItems: [...entry.massPaymentItems, { ...entry.massPaymentItems[1], id: transfer }] },
      `${at}/massPaymentItems: an item of no mass payment`,
    ],
    ['an unknown status', { ...entry, massPayments: [{ ...entry.massPayments[0], status: 'done' }] }, `${at}/massPayments/0/status: expected one of`],
    [
      'a bad amount',
      { ...entry, massPaymentItems: [{ ...entry.massPaymentItems[0], amount: 0.5 }, entry.massPaymentItems[1]] },
      `${at}/massPaymentItems/0/amount: expected whole cents`,
    ],
  ]
  for (const [name, content, message] of cases) {
    const file = await write(`${name.replace(/\W+/g, '-')}.json`, frame(content))
    await t.rejects(
      buildServer({ stateFile: file }),
      { name: 'StartupError', message: new RegExp(`at ${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) },
      name,
    )
  }

  const secondItem = { ...entry.massPaymentItems[1], id: '66666666-6666-4666-8666-666666666666', massPaymentId: '55555555-5555-4555-8555-555555555555' }
  const two = await write(
    'two-mass-payments.json',
    frame({
      massPayments: [...entry.massPayments, { ...entry.massPayments[0], id: secondItem.massPaymentId, itemIds: [secondItem.id], total: 200 }],
      massPaymentItems: [...entry.massPaymentItems, secondItem],
    }),
  )
  await t.rejects(
    buildServer({ stateFile: two, massPaymentLimit: 1 }),
    { name: 'StartupError', message: `${two} at ${at}/massPayments: 2 mass payments, more than massPaymentLimit (1)` },
    'more mass payments than massPaymentLimit: refused, naming the option',
  )
  await t.rejects(
    buildServer({ stateFile: two, massPaymentItemLimit: 2 }),
    { name: 'StartupError', message: `${two} at ${at}/massPaymentItems: 3 items, more than massPaymentItemLimit (2)` },
    'more items than massPaymentItemLimit: refused, naming the option',
  )
})
