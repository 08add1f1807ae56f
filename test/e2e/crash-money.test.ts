import { randomInt } from 'node:crypto'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import t from 'tap'
import { SEEDED } from '../helpers/customers.js'
import { startCli } from '../helpers/cli.js'
import { tokenFor, untilKilled } from '../helpers/crash-load.js'
import { tempFolder } from '../helpers/temp-folder.js'

// Issue 21: money in the state file. Concurrent transfers between three balances (the Account's
// and two Verified Customers'), the CLI killed with SIGKILL at a random moment, restarted on the
// same file: every answered transfer is there, and the books balance (the three balances still
// add up to the Account's opening $5,000.00; the ledger itself refuses a file that does not add
// up to zero).

const HAL = 'application/vnd.dwolla.v1.hal+json'
const APPLICATION = 'crash-money'
const ROUNDS = 3
const CONNECTIONS = 8
const CUSTOMERS = [SEEDED.personalVerified, SEEDED.businessVerified]

const call = (url: string, token: string, path: string, body?: unknown) =>
  fetch(`${url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${token}`, accept: HAL, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })

async function balances(url: string, token: string): Promise<string[]> {
  const root = (await (await call(url, token, '/')).json()) as { _links: { account: { href: string } } }
  const account = root._links.account.href.split('/').pop() as string
  const ids: string[] = []
  for (const path of [`/accounts/${account}/funding-sources`, ...CUSTOMERS.map((customer) => `/customers/${customer}/funding-sources`)]) {
    const listed = (await (await call(url, token, path)).json()) as { _embedded: { 'funding-sources': Array<{ id: string; type: string }> } }
    ids.push((listed._embedded['funding-sources'].find((source) => source.type === 'balance') as { id: string }).id)
  }
  return ids
}

async function cents(url: string, token: string, id: string): Promise<number> {
  const body = (await (await call(url, token, `/funding-sources/${id}/balance`)).json()) as { balance: { value: string } }
  return Math.round(Number(body.balance.value) * 100)
}

/** Transfers between the balances on every connection until the server stops answering: the ids answered. */
async function stream(url: string, token: string, ids: string[], answered: Set<string>): Promise<void> {
  await untilKilled(CONNECTIONS, async () => {
    const from = ids[randomInt(ids.length)] as string
    const to = ids.filter((id) => id !== from)[randomInt(ids.length - 1)] as string
    const response = await call(url, token, '/transfers', {
      _links: { source: { href: `${url}/funding-sources/${from}` }, destination: { href: `${url}/funding-sources/${to}` } },
      amount: { currency: 'USD', value: `${randomInt(1, 500)}.${String(randomInt(100)).padStart(2, '0')}` },
    })
    if (response.status === 201) answered.add((response.headers.get('location') as string).split('/').pop() as string)
    else if (response.status !== 400) throw new Error(`unexpected ${response.status}`)
    else await response.arrayBuffer()
  })
}

t.test('kill -9 under concurrent transfers: every answered transfer survives, and the books balance', async (t) => {
  const { path } = await tempFolder(t)
  const stateFile = join(path, 'state.json')
  const answered = new Set<string>()
  for (let round = 1; round <= ROUNDS; round++) {
    const cli = await startCli(t, ['--port', '0', '--state', stateFile, '--log-level', 'warn'])
    const token = await tokenFor(cli.url, APPLICATION)
    const ids = await balances(cli.url, token)
    const before = answered.size
    const running = stream(cli.url, token, ids, answered)
    await sleep(randomInt(400, 1500))
    cli.stop('SIGKILL')
    t.equal((await cli.exited).signal, 'SIGKILL', `round ${round}: killed mid-run`)
    await running
    t.ok(answered.size > before, `round ${round}: ${answered.size - before} transfers answered`)
  }
  const restarted = await startCli(t, ['--port', '0', '--state', stateFile, '--log-level', 'warn'])
  const token = await tokenFor(restarted.url, APPLICATION)
  const ids = await balances(restarted.url, token)
  let sum = 0
  for (const id of ids) {
    const held = await cents(restarted.url, token, id)
    t.ok(held >= 0, `balance ${id} is not below zero`)
    sum += held
  }
  t.equal(sum, 500_000, 'the balances still add up to the opening $5,000.00: nothing made or lost')
  const missing: string[] = []
  for (const id of answered) {
    const response = await call(restarted.url, token, `/transfers/${id}`)
    const body = (await response.json()) as { status?: string }
    if (response.status !== 200 || body.status !== 'processed') missing.push(`${id}: ${response.status} ${String(body.status)}`)
  }
  t.same(missing, [], `every one of the ${answered.size} answered transfers is there, processed`)
  restarted.stop('SIGTERM')
  t.equal((await restarted.exited).code, 0, 'the last start stops cleanly')
})
