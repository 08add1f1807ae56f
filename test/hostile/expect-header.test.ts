import t from 'tap'
import { DWOLLA_CONTENT_TYPE, DWOLLA_ERRORS, start } from '../../src/index.js'
import { rawRequest, sendRaw } from '../helpers/raw-http.js'
import { UUID_V4 } from '../helpers/mock.js'

const FORM = 'application/x-www-form-urlencoded'
const TOKEN_FORM = 'client_id=k&client_secret=s&grant_type=client_credentials'

t.test("an Expect other than 100-continue gets 417 in Dwolla's shape", async (t) => {
  const server = await start()
  t.teardown(() => server.close())
  for (const [path, expect] of [
    ['/token', 'something-else'],
    ['/client-tokens', '200-ok'],
    ['/__mock/health', 'x'],
  ] as const) {
    const response = await sendRaw(server.port, rawRequest('POST', path, { 'Content-Type': FORM, Expect: expect }, TOKEN_FORM))
    t.equal(response.status, 417, `${path}, Expect: ${expect}: 417`)
    t.equal(response.headers['content-type'], DWOLLA_CONTENT_TYPE, "Dwolla's media type")
    t.same(JSON.parse(response.body), { code: 'BadRequest', message: DWOLLA_ERRORS.BadRequest.message }, "Dwolla's BadRequest body")
    t.match(response.headers['x-request-id'], UUID_V4, 'an X-Request-Id, as on every response')
  }
  const continued = await sendRaw(server.port, rawRequest('POST', '/token', { 'Content-Type': FORM, Expect: '100-continue' }, TOKEN_FORM))
  t.match(continued.raw, /^HTTP\/1\.1 100 Continue\r\n\r\nHTTP\/1\.1 200 OK\r\n/, '100-continue still gets 100 Continue, then the answer')
  const after = await sendRaw(server.port, rawRequest('POST', '/token', { 'Content-Type': FORM }, TOKEN_FORM))
  t.equal(after.status, 200, 'the server keeps serving')
})
