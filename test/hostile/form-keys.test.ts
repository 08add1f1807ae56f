import t from 'tap'
import { mockFor, requestAccessToken } from '../helpers/mock.js'

// Node's querystring.parse keeps the first 1,000 keys and drops the rest without a word, so a
// form could say one thing to the mock and another to a server that reads it all.
const filler = (count: number) => Array.from({ length: count }, (_, i) => `f${i}=x`).join('&')

t.test('a form with more than 1,000 fields is read whole, within the body limit', async (t) => {
  const app = await mockFor(t)
  const late = await requestAccessToken(app, { form: `${filler(1000)}&client_id=key&client_secret=secret&grant_type=client_credentials` })
  t.equal(late.statusCode, 200, 'credentials after 1,000 other fields are seen')
  const repeated = await requestAccessToken(app, {
    form: `client_id=key&client_secret=secret&grant_type=client_credentials&${filler(998)}&grant_type=password`,
  })
  t.equal(repeated.statusCode, 400, 'a repeated field at position 1,002 is seen: 400')
  t.same(
    repeated.json(),
    { error: 'invalid_request', error_description: 'grant_type must be given once, as a string.' },
    'invalid_request, as for any repeated field',
  )
  const [entry] = app.mockDwolla.journal.list().slice(-1)
  t.equal(Object.keys(entry?.body as object).length, 1001, 'the journal holds every field (1,001 distinct)')
})
