import { rename, writeFile } from 'node:fs/promises'
import t from 'tap'
import { start } from '../../src/index.js'
import { tempFolder } from '../helpers/temp-folder.js'

const ruleFile = (error: string) => JSON.stringify({ rules: [{ when: { operation: 'createClientToken' }, respond: { error } }] })

t.test('watchFixtures reloads on change; a broken edit keeps the last good fixtures', async (t) => {
  const folder = await tempFolder(t)
  const path = await folder.write('rules.json', ruleFile('Forbidden'))

  const reloads: Array<Error | undefined> = []
  let notify: () => void = () => undefined
  const server = await start({
    defaultFixtures: false,
    fixtures: path,
    watchFixtures: true,
    onFixturesReload: (error) => {
      reloads.push(error)
      notify()
    },
  })
  t.teardown(() => server.close())
  const nextReload = () => new Promise<void>((resolve) => (notify = resolve))
  const currentAnswer = () => server.fixtures.list()[0]?.rule.respond.error

  t.equal(currentAnswer(), 'Forbidden', 'loaded at start')
  let reloaded = nextReload()
  await writeFile(path, ruleFile('NotFound'))
  await reloaded
  t.equal(reloads.at(-1), undefined, 'reload reported as good')
  t.equal(currentAnswer(), 'NotFound', 'the edit is in force')

  reloaded = nextReload()
  await writeFile(path, '{"rules": [ broken')
  await reloaded
  t.match(reloads.at(-1)?.message, /rules\.json(:\d+:\d+)?: not valid JSON/, 'the broken edit is reported, naming the file')
  t.equal(currentAnswer(), 'NotFound', 'the last good rules stay in force')

  // Editors often save by writing a temporary file and renaming it over the original.
  reloaded = nextReload()
  await writeFile(`${path}.tmp`, ruleFile('Conflict'))
  await rename(`${path}.tmp`, path)
  await reloaded
  t.equal(currentAnswer(), 'Conflict', 'a save by rename is picked up too')
})

t.test('reloadFixtures() re-reads on demand', async (t) => {
  const folder = await tempFolder(t)
  const path = await folder.write('rules.yaml', 'applications: [{ key: a, secret: b }]\n')
  const server = await start({ fixtures: path })
  t.teardown(() => server.close())
  await writeFile(path, 'applications: [{ key: c, secret: d }]\naccessTokenLifetimeSeconds: 60\n')
  await server.reloadFixtures()
  const token = await fetch(`${server.url}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'client_id=c&client_secret=d&grant_type=client_credentials',
  })
  t.equal(token.status, 200, 'the new application is accepted')
  t.equal(((await token.json()) as { expires_in: number }).expires_in, 60, 'the new lifetime applies')
  await writeFile(path, 'applications: nope\n')
  await t.rejects(server.reloadFixtures(), { name: 'StartupError', message: /rules\.yaml:1:15 at \/applications: must be array/ }, 'a broken file rejects')
})
