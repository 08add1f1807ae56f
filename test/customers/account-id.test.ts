import t from 'tap'
import { accountIdFor } from '../../src/resources/accounts/account-id.js'

t.test('an application’s account id: a stable, distinct UUID v5 of its key', async (t) => {
  const id = accountIdFor('key')
  t.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'a lowercase UUID, version 5')
  t.equal(accountIdFor('key'), id, 'the same key, the same id')
  t.equal(id, '8f22fb7f-d09a-51b0-8291-477a09c1224d', 'the same on every start and machine')
  t.not(accountIdFor('Key'), id, 'keys are case-sensitive')
  t.not(accountIdFor('other'), id, 'another key, another id')
})
