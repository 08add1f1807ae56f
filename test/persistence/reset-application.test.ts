import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import t from 'tap'
import { buildServer } from '../../src/index.js'
import { UNVERIFIED } from '../customers/fields.js'
import { tempFolder } from '../helpers/temp-folder.js'

t.test('reset({ application }) is saved: that application leaves the state file, the others stay, across a restart', async (t) => {
  const { path } = await tempFolder(t)
  const stateFile = join(path, 'state.json')
  const app = await buildServer({ stateFile })
  const mine = app.mockDwolla.customers.create(UNVERIFIED, { application: 'mine' })
  const theirs = app.mockDwolla.customers.create({ ...UNVERIFIED, email: 'other@example.com' }, { application: 'theirs' })
  await app.mockDwolla.stateFile?.durable()
  app.mockDwolla.reset({ application: 'mine' })
  await app.mockDwolla.stateFile?.durable()
  await app.close()
  const saved = JSON.parse(await readFile(stateFile, 'utf8')) as { applications: Array<{ application: string }> }
  t.same(
    saved.applications.map(({ application }) => application),
    ['theirs'],
    'the file holds the other application only',
  )
  const again = await buildServer({ stateFile })
  t.teardown(() => again.close())
  t.equal(again.mockDwolla.customers.get(theirs.id, { application: 'theirs' })?.email, 'other@example.com', "the other application's customer is back")
  t.equal(again.mockDwolla.customers.get(mine.id, { application: 'mine' }), undefined, "the reset application's is not")
})
