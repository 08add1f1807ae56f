import { execFileSync } from 'node:child_process'
import { lstat, mkdir, readdir, readFile, readlink, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import t from 'tap'
import { buildServer, STATE_FORMAT } from '../../src/index.js'
import { UNVERIFIED } from '../customers/fields.js'
import { tempFolder } from '../helpers/temp-folder.js'

t.test('a FIFO given as the state file is refused at once, not waited on (issue 27 #11)', async (t) => {
  const { path } = await tempFolder(t)
  const fifo = join(path, 'state.json')
  execFileSync('mkfifo', [fifo])
  const started = Date.now()
  await t.rejects(
    buildServer({ stateFile: fifo }),
    { name: 'StartupError', message: `${fifo}: not a regular file (a FIFO); the state file must be a file` },
    'StartupError naming it and what it is',
  )
  t.ok(Date.now() - started < 5000, `without waiting for a writer (which would be forever) (${Date.now() - started} ms)`)
  const link = join(path, 'link.json')
  await symlink(fifo, link)
  await t.rejects(buildServer({ stateFile: link }), { message: /not a regular file \(a FIFO\)/ }, 'through a symlink too')
  const journal = join(path, 'other.json.journal')
  execFileSync('mkfifo', [journal])
  await writeFile(
    join(path, 'other.json'),
    JSON.stringify({ format: STATE_FORMAT, version: 3, savedAt: '2026-01-01T00:00:00Z', journal: 'a-journal-id-016', applications: [] }),
  )
  await t.rejects(
    buildServer({ stateFile: join(path, 'other.json') }),
    { name: 'StartupError', message: `${journal}: not a regular file (a FIFO); the state file must be a file` },
    'a FIFO where its journal goes: the same',
  )
})

t.test('a symlinked state file is written through: the link stays a link (issue 27 #15)', async (t) => {
  const { path } = await tempFolder(t)
  const real = join(path, 'data', 'state.json')
  await mkdir(join(path, 'data'))
  const link = join(path, 'state.json')
  await symlink(join('data', 'state.json'), link)
  const first = await buildServer({ stateFile: link })
  first.mockDwolla.customers.create(UNVERIFIED, { application: 'key' })
  await first.mockDwolla.stateFile?.durable()
  await first.close()
  t.ok((await lstat(link)).isSymbolicLink(), 'the link is still a link')
  t.equal(await readlink(link), join('data', 'state.json'), 'to the same target')
  t.match(
    JSON.parse(await readFile(real, 'utf8')),
    { applications: [{ application: 'key' }] },
    'the target holds the state (the link did not exist yet: made where it leads)',
  )
  t.same(await readdir(path), ['data', 'state.json'], 'nothing written beside the link')
  const second = await buildServer({ stateFile: link })
  t.teardown(() => second.close())
  t.equal(second.mockDwolla.customers.list({ application: 'key' }).length, 13, 'read back through the link')
  second.mockDwolla.customers.create({ ...UNVERIFIED, email: 'again@example.com' }, { application: 'key' })
  await second.mockDwolla.stateFile?.durable()
  t.same((await readdir(join(path, 'data'))).sort(), ['state.json', 'state.json.journal'], 'the journal beside the target')
})

t.test('temporary files a killed process left are removed at start (issue 27 #12)', async (t) => {
  const { path, write } = await tempFolder(t)
  const stateFile = join(path, 'state.json')
  const stale = ['.state.json.4242.abcdefghijkl.tmp', '.state.json.1.A_b-C_d-E_f-.tmp']
  for (const name of stale) await write(name, '{"secret":"webhook secret"}')
  const kept = ['.other.json.4242.abcdefghijkl.tmp', '.state.json.tmp', 'state.json.backup', '.state.json.4242.short.tmp']
  for (const name of kept) await write(name, 'not ours')
  const logged: string[] = []
  const app = await buildServer({ stateFile, logger: { level: 'warn', stream: { write: (line: string) => void logged.push(line) } } })
  t.teardown(() => app.close())
  t.same((await readdir(path)).sort(), kept.sort(), 'this state file’s temporary files gone; nothing else touched')
  t.match(JSON.parse(logged[0] as string), { level: 40, msg: `removed 2 temporary files of ${stateFile} that a process stopped mid-write left` }, 'said once')
})
