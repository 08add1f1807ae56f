// Issue 12 item 4: one 10 KB body nested 5,000 levels deep made GET /__mock/requests answer 500
// until the journal was cleared. The view must keep working, showing such a body as its text.
import t from 'tap'
import { accessTokenFor, mockFor } from '../helpers/mock.js'

t.test('deeply nested bodies on the API and on a 404 path leave the journal view working', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const arrays = `${'['.repeat(5000)}${']'.repeat(5000)}`
  // 2,500 levels of objects: 15 KB, under the 16 KiB a journal entry keeps whole.
  const objects = `${'{"a":'.repeat(2500)}1${'}'.repeat(2500)}`
  await app.inject({
    method: 'POST',
    url: '/client-tokens',
    headers: { authorization: `Bearer ${token}`, accept: 'application/vnd.dwolla.v1.hal+json', 'content-type': 'application/json' },
    payload: arrays,
  })
  await app.inject({ method: 'POST', url: '/nowhere', headers: { 'content-type': 'application/json' }, payload: objects })
  const view = await app.inject({ method: 'GET', url: '/__mock/requests' })
  t.equal(view.statusCode, 200, 'GET /__mock/requests answers 200')
  const [, api, notFound] = view.json().requests
  t.ok(api.body === arrays && api.bodyTruncated === false, 'the nested array is shown as its text, whole')
  t.ok(notFound.body === objects && notFound.bodyTruncated === false, 'so is the nested object on the 404 path')
  t.equal(app.mockDwolla.journal.list().length, 3, 'in-process too')
})

t.test('moderate nesting is still shown parsed', async (t) => {
  const app = await mockFor(t)
  const body = { a: { b: { c: { d: [1, [2, [3]]] } } } }
  await app.inject({ method: 'POST', url: '/nowhere', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(body) })
  t.same(app.mockDwolla.journal.list()[0]?.body, body, 'parsed')
})
