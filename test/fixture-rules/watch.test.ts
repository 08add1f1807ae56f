import { mkdir, rename, rm, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import t, { type Test } from 'tap'
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

/** A server watching one fixture path, and a way to wait for its next reload. */
async function watching(t: Test, path: string) {
  let notify: (error?: Error) => void = () => undefined
  const server = await start({ defaultFixtures: false, fixtures: path, watchFixtures: true, onFixturesReload: (error) => notify(error) })
  t.teardown(() => server.close())
  return {
    nextReload: () => new Promise<Error | undefined>((resolve) => (notify = resolve)),
    currentAnswer: () => server.fixtures.list()[0]?.rule.respond.error,
  }
}

t.test('a ConfigMap-style swap (the ..data symlink flipped to a new folder) is reloaded', async (t) => {
  // Kubernetes mounts a ConfigMap as rules.json -> ..data/rules.json, ..data -> ..<timestamp>/,
  // and updates it by writing a new timestamped folder and renaming a new ..data link over the old.
  const { path: folder } = await tempFolder(t)
  await mkdir(join(folder, '..2026_01_01'))
  await writeFile(join(folder, '..2026_01_01', 'rules.json'), ruleFile('Forbidden'))
  await symlink('..2026_01_01', join(folder, '..data'))
  await symlink(join('..data', 'rules.json'), join(folder, 'rules.json'))
  const { nextReload, currentAnswer } = await watching(t, join(folder, 'rules.json'))
  t.equal(currentAnswer(), 'Forbidden', 'loaded through the links at start')

  const reloaded = nextReload()
  await mkdir(join(folder, '..2026_01_02'))
  await writeFile(join(folder, '..2026_01_02', 'rules.json'), ruleFile('NotFound'))
  await symlink('..2026_01_02', join(folder, '..data_tmp'))
  await rename(join(folder, '..data_tmp'), join(folder, '..data'))
  await rm(join(folder, '..2026_01_01'), { recursive: true })
  t.equal(await reloaded, undefined, 'reloaded without error')
  t.equal(currentAnswer(), 'NotFound', 'the swapped-in rules are in force')
})

t.test('a watched symlink to a file in another folder: edits to the target are reloaded', async (t) => {
  const { path: folder } = await tempFolder(t)
  await mkdir(join(folder, 'real'))
  await mkdir(join(folder, 'linked'))
  const target = join(folder, 'real', 'rules.json')
  await writeFile(target, ruleFile('Forbidden'))
  await symlink(target, join(folder, 'linked', 'rules.json'))
  const { nextReload, currentAnswer } = await watching(t, join(folder, 'linked', 'rules.json'))

  let reloaded = nextReload()
  await writeFile(target, ruleFile('Conflict'))
  t.equal(await reloaded, undefined, 'reloaded without error')
  t.equal(currentAnswer(), 'Conflict', 'an edit of the target, in place')

  // Pointing the link somewhere else is a change too.
  const other = join(folder, 'real', 'other.json')
  await writeFile(other, ruleFile('NotFound'))
  reloaded = nextReload()
  await symlink(other, join(folder, 'linked', 'next.json'))
  await rename(join(folder, 'linked', 'next.json'), join(folder, 'linked', 'rules.json'))
  await reloaded
  t.equal(currentAnswer(), 'NotFound', 'the link moved to another file')
  reloaded = nextReload()
  await writeFile(other, ruleFile('Forbidden'))
  await reloaded
  t.equal(currentAnswer(), 'Forbidden', 'and edits of the new target are watched')
})
