import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import t from 'tap'
import { buildServer, STATE_FORMAT, STATE_VERSION } from '../../src/index.js'
import { tempFolder } from '../helpers/temp-folder.js'

// Issue 27 item 5: a state file is read with the same checks as POST /webhook-subscriptions, so
// a subscription to the mock's own admin API (written by hand, or by an older mock) stops the
// start, naming the place, rather than resetting the mock at the first event.
t.test('a state file with a subscription to /__mock, port 0 or a control character: StartupError naming the place', async (t) => {
  const { path } = await tempFolder(t)
  const subscription = {
    id: '11111111-1111-4111-8111-111111111111',
    secret: 'tell-no-one-1234',
    paused: false,
    created: '2026-01-01T00:00:00.000Z',
    baseUrl: 'http://localhost:8910',
  }
  const at = '/applications/0/webhookSubscriptions/0/url'
  for (const [url, message] of [
    ['http://127.0.0.1:8910/__mock/reset', 'Url must not point at the mock’s own admin API (/__mock).'],
    ['http://127.0.0.1:8910/%5F%5Fmock/state', 'Url must not point at the mock’s own admin API (/__mock).'],
    ['http://127.0.0.1:0/hooks', 'Url must be a valid url.'],
    ['http://127.0.0.1:8910/ho\noks', 'Url must be a valid url.'],
  ]) {
    const file = join(path, 'state.json')
    const state = {
      format: STATE_FORMAT,
      version: STATE_VERSION,
      savedAt: '2026-01-01T00:00:00.000Z',
      journal: 'a-journal-id-016',
      applications: [{ application: 'a', webhookSubscriptions: [{ ...subscription, url }] }],
    }
    await writeFile(file, JSON.stringify(state))
    const text = await readFile(file, 'utf8')
    const error = await buildServer({ stateFile: file }).then(
      (app) => app.close().then(() => undefined),
      (e: Error) => e,
    )
    t.match(error, { name: 'StartupError', message: `at ${at}: ${message}` }, `${JSON.stringify(url)}: refused at start, at its place`)
    t.equal(await readFile(file, 'utf8'), text, `${JSON.stringify(url)}: the file is untouched`)
  }
})
