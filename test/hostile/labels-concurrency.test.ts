import t from 'tap'
import { start } from '../../src/index.js'
import { balanceAccount, LEDGER } from '../../src/resources/balances/index.js'
import { LABELS } from '../../src/resources/labels/index.js'
import { SEEDED } from '../helpers/customers.js'
import { idOf } from '../helpers/funding-sources.js'

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

const usd = (value: string) => ({ amount: { value, currency: 'USD' } })

t.test('concurrent labels over real sockets: never more labelled than available, never a label below zero, the total untouched', async (t) => {
  const server = await start({ journalLimit: 5000 })
  t.teardown(() => server.close())
  const call = await client(server.url)
  const sources = (await (await call('GET', `/customers/${SEEDED.personalVerified}/funding-sources`)).json()) as {
    _embedded: { 'funding-sources': Array<{ id: string }> }
  }
  const balance = sources._embedded['funding-sources'][0]?.id as string
  server.balances.set(balance, '100.00')

  const creates = await Promise.all(Array.from({ length: 200 }, () => call('POST', `/customers/${SEEDED.personalVerified}/labels`, usd('1.00'))))
  t.same(
    [creates.filter((response) => response.status === 201).length, creates.filter((response) => response.status === 400).length],
    [100, 100],
    '200 labels of $1.00 at once on $100.00: exactly 100 created, 100 refused as insufficient funds',
  )
  t.same([server.balances.get(balance)?.balance, server.balances.get(balance)?.total], ['0.00', '100.00'], 'all of it labelled, the total as it was')

  const labels = creates.filter((response) => response.status === 201).map((response) => idOf(response.headers.get('location')))
  const [first, second] = labels as [string, string]
  const takes = await Promise.all(Array.from({ length: 20 }, () => call('POST', `/labels/${first}/ledger-entries`, usd('-0.25'))))
  t.same(
    [takes.filter((response) => response.status === 201).length, takes.filter((response) => response.status === 400).length],
    [4, 16],
    '20 entries of -0.25 at once on a $1.00 label: four taken, the rest refused below zero',
  )
  const moves = await Promise.all(
    Array.from({ length: 20 }, (_, index) =>
      call('POST', '/label-reallocations', {
        _links: { from: { href: `${server.url}/labels/${index % 2 === 0 ? second : labels[2]}` }, to: { href: `${server.url}/labels/${first}` } },
        ...usd('0.50'),
      }),
    ),
  )
  t.equal(moves.filter((response) => response.status === 201).length, 4, '20 reallocations of 0.50 from two $1.00 labels at once: four moved')
  const emptied = labels[3] as string
  await call('POST', `/labels/${emptied}/ledger-entries`, usd('-1.00'))
  const removals = await Promise.all(Array.from({ length: 10 }, () => call('DELETE', `/labels/${emptied}`)))
  t.same(
    removals.map((response) => response.status).sort(),
    [200, ...Array.from({ length: 9 }, () => 404)],
    'a label at zero removed ten times at once: once, then it is gone',
  )
  t.equal(server.events({ topic: 'customer_label_removed' }).length, 1, 'one removal event')

  const world = server.app.mockDwolla.worlds.open('key')
  const store = world.get(LABELS)
  const held = store.list(SEEDED.personalVerified).reduce((sum, label) => sum + label.cents, 0)
  t.ok(
    store.list(SEEDED.personalVerified).every((label) => label.cents >= 0),
    'no label ever below zero',
  )
  t.same(
    [world.get(LEDGER).state(balanceAccount(balance)).held, world.get(LEDGER).state(balanceAccount(balance)).available],
    [held, 10_000 - held],
    'the ledger holds exactly what the labels do; the rest is available again',
  )
  t.equal(world.get(LEDGER).sum(), 0, 'every cent accounted for')
})
