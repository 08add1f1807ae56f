import { randomInt } from 'node:crypto'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import t from 'tap'
import { SEEDED } from '../helpers/customers.js'
import { startCli } from '../helpers/cli.js'
import { tokenFor, untilKilled } from '../helpers/crash-load.js'
import { tempFolder } from '../helpers/temp-folder.js'

// Issue 21: labels and mass payments in the state file. Concurrent label creations, ledger
// entries, label removals and mass payments (from the Account's balance to two Verified
// Customers'), the CLI killed with SIGKILL at a random moment, restarted on the same file, three
// times. After the last restart: every answered label, ledger entry, removal and mass payment is
// there (or gone, for a removal), every label's amount is the sum of its ledger entries, what the
// labels hold is what their balance holds aside, the balances still add up to the Account's
// opening $5,000.00, and every mass payment stored has every item it was sent with (never half
// written), each paid item's transfer there too.

const HAL = 'application/vnd.dwolla.v1.hal+json'
const APPLICATION = 'crash-labels-mass-payments'
const ROUNDS = 3
const CONNECTIONS = 8
const CUSTOMERS = [SEEDED.personalVerified, SEEDED.businessVerified]
/** The Account's balance in a new application: $5,000.00 (what crash-money.test.ts checks too). */
const OPENING_CENTS = 500_000

const call = (url: string, token: string, path: string, body?: unknown, method = body === undefined ? 'GET' : 'POST') =>
  fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, accept: HAL, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })

const idOf = (href: string): string => href.split('/').pop() as string
const centsOf = (value: string): number => Math.round(Number(value) * 100)
const dollars = (cents: number): string => `${cents < 0 ? '-' : ''}${Math.floor(Math.abs(cents) / 100)}.${String(Math.abs(cents) % 100).padStart(2, '0')}`

/** Every page of a list, 200 at a time: the embedded records. */
async function everyPage<T>(url: string, token: string, path: string, embedded: string): Promise<T[]> {
  const all: T[] = []
  for (let offset = 0; ; offset += 200) {
    const page = (await (await call(url, token, `${path}?limit=200&offset=${offset}`)).json()) as { total: number; _embedded: Record<string, T[]> }
    all.push(...(page._embedded[embedded] ?? []))
    if (all.length >= page.total || (page._embedded[embedded] ?? []).length === 0) return all
  }
}

/** The Account's id and the three balances: the Account's first, then each customer's. */
async function parties(url: string, token: string): Promise<{ account: string; balances: string[] }> {
  const root = (await (await call(url, token, '/')).json()) as { _links: { account: { href: string } } }
  const account = idOf(root._links.account.href)
  const balances: string[] = []
  for (const path of [`/accounts/${account}/funding-sources`, ...CUSTOMERS.map((customer) => `/customers/${customer}/funding-sources`)]) {
    const listed = await everyPage<{ id: string; type: string }>(url, token, path, 'funding-sources')
    balances.push((listed.find((source) => source.type === 'balance') as { id: string }).id)
  }
  return { account, balances }
}

/** What the client saw answered, across every round. */
interface Answered {
  /** Label id → its customer: answered 201 and never removed. */
  labels: Map<string, string>
  /** The labels other connections' ledger entries go to (never one being removed). */
  shared: string[]
  /** Ledger entry id → its label. */
  entries: Map<string, string>
  /** Labels whose removal answered 200. */
  removed: Set<string>
  /** Labels whose removal was sent but not answered (the kill came first): there or not, either is right. */
  removing: Set<string>
  /** Mass payment id (answered 201) → its correlationId. */
  massPayments: Map<string, string>
  /** correlationId → the items and cents sent with it, answered or not. */
  sent: Map<string, { items: number; cents: number }>
}

/** Labels, ledger entries, removals and mass payments on every connection until the server stops answering. */
async function stream(url: string, token: string, balances: string[], round: number, answered: Answered): Promise<void> {
  const [accountBalance, ...customerBalances] = balances as [string, ...string[]]
  let sequence = 0
  const post = async (path: string, body: unknown): Promise<Response> => {
    const response = await call(url, token, path, body)
    if (response.status !== 201 && response.status !== 400) throw new Error(`unexpected ${response.status} from POST ${path}: ${await response.text()}`)
    if (response.status === 400) await response.arrayBuffer()
    return response
  }
  const createLabel = async (customer: string, cents: number): Promise<string | undefined> => {
    const response = await post(`/customers/${customer}/labels`, { amount: { value: dollars(cents), currency: 'USD' } })
    return response.status === 201 ? idOf(response.headers.get('location') as string) : undefined
  }
  const addEntry = async (label: string, cents: number): Promise<boolean> => {
    const response = await post(`/labels/${label}/ledger-entries`, { amount: { value: dollars(cents), currency: 'USD' } })
    if (response.status === 201) answered.entries.set(idOf(response.headers.get('location') as string), label)
    return response.status === 201
  }
  const actions = [
    // A label of up to $2.00 on a customer's balance.
    async () => {
      const customer = CUSTOMERS[randomInt(CUSTOMERS.length)] as string
      const label = await createLabel(customer, randomInt(1, 201))
      if (label === undefined) return
      answered.labels.set(label, customer)
      answered.shared.push(label)
    },
    // A ledger entry of up to ±$1.00 on a label answered before (below zero is refused).
    async () => {
      const labels = answered.shared
      if (labels.length > 0) await addEntry(labels[randomInt(labels.length)] as string, randomInt(1, 101) * (randomInt(2) === 0 ? 1 : -1))
    },
    // A label of its own taken back to zero and removed (the removal writes the labels part whole).
    async () => {
      const customer = CUSTOMERS[randomInt(CUSTOMERS.length)] as string
      const cents = randomInt(1, 101)
      const label = await createLabel(customer, cents)
      if (label === undefined) return
      answered.labels.set(label, customer)
      if (!(await addEntry(label, -cents))) return
      answered.removing.add(label)
      const response = await call(url, token, `/labels/${label}`, undefined, 'DELETE')
      if (response.status !== 200) throw new Error(`unexpected ${response.status} from DELETE /labels/${label}`)
      await response.arrayBuffer()
      answered.labels.delete(label)
      answered.removing.delete(label)
      answered.removed.add(label)
    },
    // A mass payment of one to five items from the Account's balance to the customers' balances.
    async () => {
      const correlationId = `round-${round}-${(sequence += 1)}-${randomInt(1_000_000)}`
      const items = Array.from({ length: randomInt(1, 6) }, () => ({
        destination: customerBalances[randomInt(customerBalances.length)] as string,
        cents: randomInt(1, 101),
      }))
      answered.sent.set(correlationId, { items: items.length, cents: items.reduce((sum, item) => sum + item.cents, 0) })
      const response = await post('/mass-payments', {
        _links: { source: { href: `${url}/funding-sources/${accountBalance}` } },
        items: items.map((item) => ({
          _links: { destination: { href: `${url}/funding-sources/${item.destination}` } },
          amount: { value: dollars(item.cents), currency: 'USD' },
        })),
        correlationId,
      })
      if (response.status === 201) answered.massPayments.set(idOf(response.headers.get('location') as string), correlationId)
    },
  ]
  await untilKilled(CONNECTIONS, () => (actions[randomInt(actions.length)] as () => Promise<void>)())
}

t.test('kill -9 under concurrent labels, ledger entries and mass payments: everything answered survives, whole, and the books balance', async (t) => {
  const { path } = await tempFolder(t)
  const stateFile = join(path, 'state.json')
  const cliArgs = ['--port', '0', '--state', stateFile, '--log-level', 'warn']
  const answered: Answered = {
    labels: new Map(),
    shared: [],
    entries: new Map(),
    removed: new Set(),
    removing: new Set(),
    massPayments: new Map(),
    sent: new Map(),
  }
  for (let round = 1; round <= ROUNDS; round++) {
    const cli = await startCli(t, cliArgs)
    const token = await tokenFor(cli.url, APPLICATION)
    const { balances } = await parties(cli.url, token)
    if (round === 1) {
      // The customers' balances start empty: $500.00 each from the Account, so labels have money to hold.
      for (const destination of balances.slice(1)) {
        const paid = await call(cli.url, token, '/transfers', {
          _links: { source: { href: `${cli.url}/funding-sources/${balances[0]}` }, destination: { href: `${cli.url}/funding-sources/${destination}` } },
          amount: { currency: 'USD', value: '500.00' },
        })
        t.equal(paid.status, 201, `$500.00 to balance ${destination}`)
      }
    }
    const before = answered.entries.size + answered.massPayments.size
    const running = stream(cli.url, token, balances, round, answered)
    await sleep(randomInt(400, 1500))
    cli.stop('SIGKILL')
    t.equal((await cli.exited).signal, 'SIGKILL', `round ${round}: killed mid-run`)
    await running
    t.ok(
      answered.entries.size + answered.massPayments.size > before,
      `round ${round}: ${answered.entries.size + answered.massPayments.size - before} ledger entries and mass payments answered`,
    )
  }
  t.ok(
    answered.removed.size > 0 && answered.massPayments.size > 0,
    `${answered.labels.size} labels, ${answered.removed.size} removals, ${answered.massPayments.size} mass payments answered in all`,
  )

  const restarted = await startCli(t, cliArgs)
  const url = restarted.url
  const token = await tokenFor(url, APPLICATION)
  const { account, balances } = await parties(url, token)

  // Mass payments left unfinished go on once the application is called: wait for every one (a wide margin: CI is 2 loaded cores).
  type MassPaymentBody = { id: string; status: string; correlationId: string; total: { value: string } }
  let massPayments: MassPaymentBody[] = []
  for (let tries = 0; tries < 600; tries++) {
    massPayments = await everyPage<MassPaymentBody>(url, token, `/accounts/${account}/mass-payments`, 'mass-payments')
    if (massPayments.every((massPayment) => massPayment.status === 'complete')) break
    await sleep(100)
  }
  t.same(
    massPayments.filter((massPayment) => massPayment.status !== 'complete').map((massPayment) => massPayment.id),
    [],
    'every mass payment is processed to the end after the restart',
  )
  const stored = new Set(massPayments.map((massPayment) => massPayment.id))
  t.same(
    [...answered.massPayments.keys()].filter((id) => !stored.has(id)),
    [],
    `every one of the ${answered.massPayments.size} answered mass payments is there`,
  )
  const halfWritten: string[] = []
  for (const massPayment of massPayments) {
    const sent = answered.sent.get(massPayment.correlationId)
    const items = await everyPage<{ status: string; _links: { transfer?: { href: string } } }>(url, token, `/mass-payments/${massPayment.id}/items`, 'items')
    if (sent === undefined || items.length !== sent.items || centsOf(massPayment.total.value) !== sent.cents) {
      halfWritten.push(`${massPayment.id}: ${items.length} items of ${massPayment.total.value}, sent ${sent?.items} of ${dollars(sent?.cents ?? 0)}`)
    }
    for (const item of items) {
      if (item.status === 'success' && (await call(url, token, `/transfers/${idOf(item._links.transfer?.href ?? '')}`)).status !== 200) {
        halfWritten.push(`${massPayment.id}: a paid item whose transfer is not there`)
      }
    }
  }
  t.same(halfWritten, [], `each of the ${massPayments.length} mass payments stored has every item it was sent with, each paid item its transfer`)

  const labelled = new Map<string, number>()
  const entriesSeen = new Set<string>()
  const wrongSums: string[] = []
  const labelsSeen = new Set<string>()
  for (const customer of CUSTOMERS) {
    let held = 0
    for (const label of await everyPage<{ id: string; amount: { value: string } }>(url, token, `/customers/${customer}/labels`, 'labels')) {
      labelsSeen.add(label.id)
      const entries = await everyPage<{ id: string; amount: { value: string } }>(url, token, `/labels/${label.id}/ledger-entries`, 'ledger-entries')
      for (const entry of entries) entriesSeen.add(entry.id)
      const sum = entries.reduce((total, entry) => total + centsOf(entry.amount.value), 0)
      if (sum !== centsOf(label.amount.value)) wrongSums.push(`${label.id}: ${label.amount.value}, its entries ${dollars(sum)}`)
      held += centsOf(label.amount.value)
    }
    labelled.set(customer, held)
  }
  t.same(wrongSums, [], `each of the ${labelsSeen.size} labels holds the sum of its ledger entries`)
  t.same(
    [...answered.labels.keys()].filter((id) => !labelsSeen.has(id) && !answered.removing.has(id)),
    [],
    `every answered label is there but those removed (${answered.labels.size} answered; ${answered.removing.size} removals cut short by the kill may have happened)`,
  )
  t.same(
    [...answered.removed].filter((id) => labelsSeen.has(id)),
    [],
    `none of the ${answered.removed.size} labels whose removal was answered is back`,
  )
  t.same(
    [...answered.entries].filter(([id, label]) => !entriesSeen.has(id) && labelsSeen.has(label)).map(([id]) => id),
    [],
    `every answered ledger entry of a label still there is there (${answered.entries.size} answered)`,
  )

  let total = 0
  for (const [index, balance] of balances.entries()) {
    const body = (await (await call(url, token, `/funding-sources/${balance}/balance`)).json()) as { balance: { value: string }; total: { value: string } }
    const [available, all] = [centsOf(body.balance.value), centsOf(body.total.value)]
    t.ok(available >= 0, `balance ${balance}: ${body.balance.value} available, not below zero`)
    const held = index === 0 ? 0 : (labelled.get(CUSTOMERS[index - 1] as string) as number)
    t.equal(all - available, held, `balance ${balance}: what it holds aside (${dollars(all - available)}) is what its labels hold`)
    total += all
  }
  t.equal(total, OPENING_CENTS, 'the balances’ totals (available and held by labels) still add up to the opening $5,000.00')

  restarted.stop('SIGTERM')
  t.equal((await restarted.exited).code, 0, 'the last start stops cleanly')
})
