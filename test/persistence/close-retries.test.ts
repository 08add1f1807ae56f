import { mkdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import t from 'tap'
import { buildServer } from '../../src/index.js'
import { UNVERIFIED } from '../customers/fields.js'
import { createCustomerVia } from '../helpers/customers.js'
import { startCli } from '../helpers/cli.js'
import { accessTokenFor } from '../helpers/mock.js'
import { tempFolder } from '../helpers/temp-folder.js'

// Issue 27 #8: a write failed while the folder was briefly missing; a clean SIGTERM then exited 0
// with no state file. Close now tries again, and fails loudly if it still cannot write.

const lastNames = (app: Awaited<ReturnType<typeof buildServer>>) =>
  app.mockDwolla.customers
    .list({ application: 'key' })
    .map((customer) => customer.lastName)
    .sort()

t.test('a write that failed while the folder was gone is written on close once it is back', async (t) => {
  const { path } = await tempFolder(t)
  const folder = join(path, 'state')
  await mkdir(folder)
  const stateFile = join(folder, 'state.json')
  const logged: string[] = []
  const app = await buildServer({ stateFile, defaultFixtures: false, logger: { level: 'error', stream: { write: (line: string) => void logged.push(line) } } })
  const token = await accessTokenFor(app)
  await createCustomerVia(app, token, { ...UNVERIFIED, lastName: 'Before' })
  await rm(folder, { recursive: true })
  t.equal(
    (await createCustomerVia(app, token, { ...UNVERIFIED, email: 'gone@example.com', lastName: 'Meanwhile' })).length,
    36,
    'answered while the disk refuses (the change is kept in memory)',
  )
  t.match(
    JSON.parse(logged.at(-1) as string),
    { level: 50, msg: `could not write the state file ${stateFile}; answers go out, and the write is tried again` },
    'logged',
  )
  await sleep(300)
  await mkdir(folder)
  await app.close()
  const again = await buildServer({ stateFile, defaultFixtures: false })
  t.teardown(() => again.close())
  t.same(lastNames(again), ['Before', 'Meanwhile'], 'close wrote it all: both customers are back')
})

t.test('close rejects, saying so, when the state file still cannot be written', async (t) => {
  const { path } = await tempFolder(t)
  const folder = join(path, 'state')
  await mkdir(folder)
  const stateFile = join(folder, 'state.json')
  const app = await buildServer({ stateFile, defaultFixtures: false })
  app.mockDwolla.customers.create(UNVERIFIED, { application: 'key' })
  await app.mockDwolla.stateFile?.durable()
  await rm(folder, { recursive: true })
  app.mockDwolla.customers.create({ ...UNVERIFIED, email: 'lost@example.com' }, { application: 'key' })
  const started = Date.now()
  await t.rejects(
    app.close(),
    { message: `could not write the state file ${stateFile} (ENOENT), tried 5 times: the last changes are not on disk` },
    'close rejects with the file and the cause',
  )
  t.ok(Date.now() - started >= 1900, `after trying for two seconds (${Date.now() - started} ms)`)
})

t.test('the CLI: SIGTERM after a folder came back exits 0 with the state written; while it is gone, exits 1 saying why', async (t) => {
  const { path } = await tempFolder(t)
  const folder = join(path, 'state')
  await mkdir(folder)
  const stateFile = join(folder, 'state.json')
  const create = async (url: string, token: string, email: string) =>
    fetch(`${url}/customers`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, accept: 'application/vnd.dwolla.v1.hal+json', 'content-type': 'application/json' },
      body: JSON.stringify({ ...UNVERIFIED, email }),
    })
  const tokenFor = async (url: string) =>
    (
      (await (
        await fetch(`${url}/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: 'client_id=key&client_secret=s&grant_type=client_credentials',
        })
      ).json()) as { access_token: string }
    ).access_token

  const back = await startCli(t, ['--port', '0', '--state', stateFile, '--log-level', 'error'])
  const token = await tokenFor(back.url)
  t.equal((await create(back.url, token, 'first@example.com')).status, 201, 'created')
  await rm(folder, { recursive: true })
  t.equal((await create(back.url, token, 'second@example.com')).status, 201, 'created while the folder is gone')
  // Long enough for any write of that change to have been tried, and failed, before the folder is back.
  await sleep(300)
  await mkdir(folder)
  back.stop('SIGTERM')
  const exited = await back.exited
  t.equal(exited.code, 0, 'exit 0')
  t.match(await readFile(stateFile, 'utf8'), /second@example\.com/, 'the state file holds what was answered')

  const gone = await startCli(t, ['--port', '0', '--state', stateFile, '--log-level', 'silent'])
  t.equal((await create(gone.url, await tokenFor(gone.url), 'third@example.com')).status, 201, 'created')
  await rm(folder, { recursive: true })
  t.equal((await create(gone.url, await tokenFor(gone.url), 'fourth@example.com')).status, 201, 'created while the folder is gone')
  gone.stop('SIGTERM')
  const failed = await gone.exited
  t.equal(failed.code, 1, 'exit 1')
  t.match(failed.stderr, `mock-dwolla: could not write the state file ${stateFile} (ENOENT), tried 5 times: the last changes are not on disk\n`, 'saying why')
})
