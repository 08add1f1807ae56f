import { writeFile } from 'node:fs/promises'
import t from 'tap'
import { start } from '../../src/index.js'
import { UNVERIFIED } from '../customers/fields.js'
import { tempFolder } from '../helpers/temp-folder.js'

// Issue 27 #9: --watch logged "fixtures reloaded" while the stores already made kept the
// customerLimit and duplicateEmailCheck they were made with.

const settings = (values: object) => JSON.stringify({ customers: [], ...values })

async function createCustomer(url: string, token: string, email: string): Promise<{ status: number; code?: string }> {
  const response = await fetch(`${url}/customers`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, accept: 'application/vnd.dwolla.v1.hal+json', 'content-type': 'application/json' },
    body: JSON.stringify({ ...UNVERIFIED, email }),
  })
  const text = await response.text()
  return { status: response.status, code: text === '' ? undefined : (JSON.parse(text) as { code: string }).code }
}

async function tokenFor(url: string, key: string): Promise<string> {
  const response = await fetch(`${url}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: `client_id=${key}&client_secret=s&grant_type=client_credentials`,
  })
  return ((await response.json()) as { access_token: string }).access_token
}

t.test('a watched fixture file’s customerLimit, duplicateEmailCheck and applicationLimit apply to the applications at work', async (t) => {
  const { write } = await tempFolder(t)
  const path = await write('settings.json', settings({ customerLimit: 2, duplicateEmailCheck: 'all', applicationLimit: 3 }))
  let notify: (error?: Error) => void = () => undefined
  const server = await start({ defaultFixtures: false, fixtures: path, watchFixtures: true, onFixturesReload: (error) => notify(error) })
  t.teardown(() => server.close())
  const reload = async (values: object): Promise<void> => {
    const reloaded = new Promise<Error | undefined>((resolve) => (notify = resolve))
    await writeFile(path, settings(values))
    t.equal(await reloaded, undefined, `reloaded: ${JSON.stringify(values)}`)
  }
  const token = await tokenFor(server.url, 'a')
  t.equal((await createCustomer(server.url, token, 'one@example.com')).status, 201, 'one')
  t.equal((await createCustomer(server.url, token, 'two@example.com')).status, 201, 'two')
  t.same(await createCustomer(server.url, token, 'three@example.com'), { status: 400, code: 'MaxNumberOfResources' }, 'customerLimit 2: the third refused')
  t.same(await createCustomer(server.url, token, 'one@example.com'), { status: 400, code: 'MaxNumberOfResources' }, 'full, whatever the email')

  await reload({ customerLimit: 4, duplicateEmailCheck: 'off', applicationLimit: 3 })
  t.equal((await createCustomer(server.url, token, 'three@example.com')).status, 201, 'customerLimit raised to 4: the same store takes a third')
  t.equal((await createCustomer(server.url, token, 'one@example.com')).status, 201, 'duplicateEmailCheck off: the same store takes a repeated email')
  t.same(await createCustomer(server.url, token, 'five@example.com'), { status: 400, code: 'MaxNumberOfResources' }, 'and refuses past 4')

  await reload({ customerLimit: 4, duplicateEmailCheck: 'all', applicationLimit: 3 })
  t.same(await createCustomer(server.url, token, 'ONE@example.com'), { status: 400, code: 'MaxNumberOfResources' }, 'back to all (still full)')
  await reload({ customerLimit: 6, duplicateEmailCheck: 'all', applicationLimit: 3 })
  t.same(await createCustomer(server.url, token, 'ONE@example.com'), { status: 400, code: 'ValidationError' }, 'duplicateEmailCheck all again: a Duplicate')

  for (const key of ['b', 'c']) await createCustomer(server.url, await tokenFor(server.url, key), `${key}@example.com`)
  t.equal(server.app.mockDwolla.worlds.size, 3, 'three applications at work')
  await reload({ customerLimit: 6, duplicateEmailCheck: 'all', applicationLimit: 1 })
  t.equal(server.app.mockDwolla.worlds.size, 1, 'applicationLimit lowered to 1: the least recently used applications are dropped at once')
  t.same(
    server.app.mockDwolla.worlds.all().map((world) => world.clientId),
    ['c'],
    'the most recently used one stays',
  )
})
