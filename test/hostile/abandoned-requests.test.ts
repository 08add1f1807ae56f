// Issue 12 item 11: a client that gave up during a fixture's delayMs was missing from the
// journal, though its rule counted it. It is journaled when it goes, with no status (nothing
// was answered), and the delay stops there instead of running on for nobody.
import { once } from 'node:events'
import { connect, type Socket } from 'node:net'
import t from 'tap'
import { start } from '../../src/index.js'
import { rawRequest } from '../helpers/raw-http.js'

const FORM = 'application/x-www-form-urlencoded'

t.test('a client that leaves during a delay is journaled, without a status', async (t) => {
  let delaying: () => void = () => undefined
  const delayed = new Promise<void>((resolve) => (delaying = resolve))
  const server = await start({
    defaultFixtures: false,
    fixtures: { rules: [{ name: 'slow', when: { operation: 'createApplicationAccessToken' }, respond: { delayMs: 60_000 } }] },
    // The debug log says when a rule starts delaying a request: the moment to walk away.
    logger: { level: 'debug', stream: { write: (line: string) => (/"msg":"delaying/.test(line) ? delaying() : undefined) } },
  })
  t.teardown(() => server.close())
  const serverSide = once(server.app.server, 'connection') as Promise<[Socket]>
  const client = connect(server.port, '127.0.0.1')
  await once(client, 'connect')
  const [socket] = await serverSide
  client.write(rawRequest('POST', '/token', { 'Content-Type': FORM }, 'client_id=k&client_secret=s&grant_type=client_credentials'))
  await delayed
  // The server side of the connection closing is the server seeing the client go.
  const closed = once(socket, 'close')
  client.destroy()
  await closed
  const [entry] = server.requests()
  t.match(
    entry,
    { path: '/token', operation: 'createApplicationAccessToken', fixtureRule: 'fixtures[0]#/rules/0', status: null },
    'journaled with the rule and no status',
  )
  t.equal(server.fixtures.list()[0]?.matched, 1, 'the rule counted it once')
  t.equal(server.tokens().accessTokens.length, 0, 'no token was issued for a client that had gone')
})
