import { copyFile, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import t from 'tap'
import { buildServer, STATE_FORMAT, STATE_VERSION } from '../../src/index.js'
import { SEEDED } from '../helpers/customers.js'
import { idOf } from '../helpers/funding-sources.js'
import { addLedgerEntryVia, balanceIdVia, balanceVia, createLabelVia, deleteRequest, reallocationBody } from '../helpers/labels.js'
import { accessTokenFor, apiRequest } from '../helpers/mock.js'
import { tempFolder } from '../helpers/temp-folder.js'

type App = Awaited<ReturnType<typeof buildServer>>

/** Everything the API answers about a customer's labels. */
async function labelsSeenBy(app: App, token: string, balance: string) {
  const list = (await apiRequest(app, 'GET', `/customers/${SEEDED.personalVerified}/labels`, { token })).json()
  const entries = []
  for (const label of list._embedded.labels) entries.push((await apiRequest(app, 'GET', `/labels/${label.id}/ledger-entries`, { token })).json())
  return { list, entries, balance: await balanceVia(app, token, balance) }
}

t.test('--state keeps labels, their ledger entries and reallocations; the journal writes what changed, and a removal as the whole part', async (t) => {
  const { path } = await tempFolder(t)
  const stateFile = join(path, 'state.json')
  const first = await buildServer({ stateFile })
  const token = await accessTokenFor(first)
  const balance = await balanceIdVia(first, token, SEEDED.personalVerified)
  first.mockDwolla.balances.set(balance, '100.00')
  const kept = await createLabelVia(first, token, SEEDED.personalVerified, '30.00')
  const other = await createLabelVia(first, token, SEEDED.personalVerified, '20.00')
  const moved = await apiRequest(first, 'POST', '/label-reallocations', { token, body: reallocationBody(kept, other, '5.00') })
  const reallocation = idOf(moved.headers.location)
  const journalBefore = await readFile(`${stateFile}.journal`, 'utf8')
  await addLedgerEntryVia(first, token, other, '-1.50')
  const entryRecord = JSON.parse((await readFile(`${stateFile}.journal`, 'utf8')).slice(journalBefore.length).trim().split('\n').at(-1) as string)
  t.same(
    [Object.keys(entryRecord.merge ?? {}).sort(), entryRecord.merge?.labels.length, entryRecord.merge?.labelLedgerEntries.length],
    [['labelLedgerEntries', 'labels'], 1, 1],
    'a ledger entry is journaled as the label it changed and the entry it added (the ledger’s own part aside)',
  )
  const gone = await createLabelVia(first, token, SEEDED.personalVerified, '1.00')
  await addLedgerEntryVia(first, token, gone, '-1.00')
  const removedAt = (await readFile(`${stateFile}.journal`, 'utf8')).length
  t.equal((await deleteRequest(first, `/labels/${gone}`, token)).statusCode, 200, 'a label removed')
  const removal = JSON.parse((await readFile(`${stateFile}.journal`, 'utf8')).slice(removedAt).trim())
  t.same(
    [removal.set?.labels.map((label: { id: string }) => label.id).sort(), removal.merge?.labels],
    [[kept, other].sort(), undefined],
    'the removal rewrites the labels part whole, without the removed label',
  )
  const before = await labelsSeenBy(first, token, balance)

  // A copy as a kill would leave it (a snapshot and its journal, never compacted), then a clean close.
  const crashed = join(path, 'crashed.json')
  await copyFile(stateFile, crashed)
  await copyFile(`${stateFile}.journal`, `${crashed}.journal`)
  await first.close()

  const saved = JSON.parse(await readFile(stateFile, 'utf8'))
  t.match(saved, { format: STATE_FORMAT, version: STATE_VERSION }, 'the versioned state file')
  const entry = saved.applications[0]
  t.same(
    [entry.labels.length, entry.labelLedgerEntries.length, entry.labelReallocations.length],
    [2, 5, 1],
    'its own keys: two labels, five ledger entries (two first, two of the reallocation, one taken), one reallocation',
  )
  t.same(entry.ledger.find((account: { id: string }) => account.id === balance)?.held, 4850, 'the ledger holds what the labels do: 48.50')

  for (const [name, file] of [
    ['after a clean close', stateFile],
    ['from the journal, as a kill would leave it', crashed],
  ] as const) {
    const again = await buildServer({ stateFile: file })
    const bearer = await accessTokenFor(again)
    t.same(await labelsSeenBy(again, bearer, balance), before, `${name}: the same labels, entries and balance`)
    t.equal((await apiRequest(again, 'GET', `/label-reallocations/${reallocation}`, { token: bearer })).statusCode, 200, `${name}: the reallocation`)
    t.equal((await apiRequest(again, 'GET', `/labels/${gone}`, { token: bearer })).statusCode, 404, `${name}: the removed label stays removed`)
    t.equal((await addLedgerEntryVia(again, bearer, kept, '-25.00')).length, 36, `${name}: the labels work on`)
    t.same(await balanceVia(again, bearer, balance), ['76.50', '100.00'], `${name}: and give back what they held`)
    await again.close()
  }
})

t.test('a state file whose labels do not add up stops the start, naming the place', async (t) => {
  const { write } = await tempFolder(t)
  const frame = (entry: Record<string, unknown>) =>
    JSON.stringify({
      format: STATE_FORMAT,
      version: STATE_VERSION,
      savedAt: '2026-01-01T00:00:00.000Z',
      journal: 'journal-one-0001',
      applications: [{ application: 'key', ...entry }],
    })
  const created = '2026-01-01T00:00:00.000Z'
  const label = {
    id: '11111111-1111-4111-8111-111111111111',
    customerId: SEEDED.personalVerified,
    balanceId: '22222222-2222-4222-8222-222222222222',
    created,
    cents: 500,
  }
  const entry = { id: '33333333-3333-4333-8333-333333333333', labelId: label.id, cents: 500, created }
  const at = '/applications/0'
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['not a list', { labels: {} }, `${at}/labels: expected an array`],
    ['a bad id', { labels: [{ ...label, id: 'X' }] }, `${at}/labels/0/id: expected a lowercase UUID`],
    ['a label twice', { labels: [label, label] }, `${at}/labels/1/id: label ${label.id} appears twice`],
    ['a negative label', { labels: [{ ...label, cents: -1 }] }, `${at}/labels/0/cents: expected whole cents, not negative`],
    ['a fraction of a cent', { labels: [{ ...label, cents: 0.5 }] }, `${at}/labels/0/cents: expected whole cents`],
    ['a bad date', { labels: [{ ...label, created: 'yesterday' }] }, `${at}/labels/0/created: expected a date and time`],
    [
      'an entry of no label',
      { labels: [label], labelLedgerEntries: [entry, { ...entry, id: '44444444-4444-4444-8444-444444444444', labelId: entry.id }] },
      `${at}/labelLedgerEntries/1/labelId: no label`,
    ],
    ['a zero entry', { labels: [label], labelLedgerEntries: [{ ...entry, cents: 0 }] }, `${at}/labelLedgerEntries/0/cents: expected whole cents, not zero`],
    [
      'an entry twice',
      { labels: [{ ...label, cents: 1000 }], labelLedgerEntries: [entry, entry] },
      `${at}/labelLedgerEntries/1/id: ledger entry ${entry.id} appears twice`,
    ],
    [
      'entries that do not add up',
      { labels: [{ ...label, cents: 600 }], labelLedgerEntries: [entry] },
      `${at}/labels/0/cents: 600 cents, but its ledger entries add up to 500`,
    ],
    [
      'a reallocation of entries that are not its own',
      {
        labels: [label],
        labelLedgerEntries: [entry],
        labelReallocations: [{ id: '55555555-5555-4555-8555-555555555555', fromEntryId: entry.id, toEntryId: entry.id, created }],
      },
      `${at}/labelReallocations/0/fromEntryId: no ledger entry of this reallocation`,
    ],
  ]
  for (const [name, entryOf, message] of cases) {
    const file = await write(`${name.replaceAll(' ', '-')}.json`, frame(entryOf))
    await t.rejects(
      buildServer({ stateFile: file }),
      { name: 'StartupError', message: new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} at ${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) },
      name,
    )
  }
  const second = { ...label, id: '66666666-6666-4666-8666-666666666666' }
  const two = await write(
    'two-labels.json',
    frame({ labels: [label, second], labelLedgerEntries: [entry, { ...entry, id: '77777777-7777-4777-8777-777777777777', labelId: second.id }] }),
  )
  await t.rejects(
    buildServer({ stateFile: two, labelLimit: 1 }),
    { name: 'StartupError', message: `${two} at ${at}/labels: 2 labels, more than labelLimit (1)` },
    'more labels than labelLimit: refused, naming the option',
  )
  await t.rejects(
    buildServer({ stateFile: two, labelLedgerEntryLimit: 1 }),
    { name: 'StartupError', message: `${two} at ${at}/labelLedgerEntries: 2 ledger entries, more than labelLedgerEntryLimit (1)` },
    'more ledger entries than labelLedgerEntryLimit: refused, naming the option',
  )
  const good = await write('good.json', frame({ labels: [label], labelLedgerEntries: [entry] }))
  const app = await buildServer({ stateFile: good })
  t.teardown(() => app.close())
  const token = await accessTokenFor(app)
  t.same((await apiRequest(app, 'GET', `/labels/${label.id}`, { token })).json().amount, { value: '5.00', currency: 'USD' }, 'a good file loads as written')
})
