import t from 'tap'
import { ApplicationRegistry } from '../../src/tokens/application-registry.js'
import { TokenStore, type TokenDetails } from '../../src/tokens/token-store.js'

interface Client extends TokenDetails {
  clientId: string
  action: string
  customerId: string | undefined
}

function stores(options: { limit?: number; lifetimeSeconds?: number; now: () => number }) {
  const applications = new ApplicationRegistry()
  const common = { limit: options.limit ?? 10, lifetimeSeconds: options.lifetimeSeconds ?? 10, now: options.now, applications }
  return {
    access: new TokenStore<{ clientId: string }>({ ...common, kind: 'access' }),
    client: new TokenStore<Client>({ ...common, kind: 'client' }),
  }
}

t.test('valid, expired, unknown: from the recent list and from the token alone', async (t) => {
  let now = 1_000
  const { access } = stores({ limit: 1, now: () => now })
  const recent = access.issue({ clientId: 'app' })
  t.match(
    access.lookup(recent),
    { status: 'valid', record: { token: recent, issuedAt: 1_000, expiresAt: 11_000, details: { clientId: 'app' } } },
    'valid at issue',
  )
  const old = recent
  const newer = access.issue({ clientId: 'app' })
  t.same(
    access.list().map((r) => r.token),
    [newer],
    'the first is out of the recent list',
  )
  t.same(
    access.lookup(old),
    { status: 'valid', record: { token: old, issuedAt: 1_000, expiresAt: 11_000, details: { clientId: 'app' } } },
    'read back from the token alone',
  )
  now = 10_999
  t.equal(access.lookup(old).status, 'valid', 'valid a millisecond before expiry')
  t.equal(access.lookup(newer).status, 'valid', 'the recent one too')
  now = 11_000
  t.equal(access.lookup(old).status, 'expired', 'expired at expiresAt, from the token alone')
  t.equal(access.lookup(newer).status, 'expired', 'and from the recent list')
  t.same(access.lookup('b'.repeat(50)), { status: 'unknown' }, 'never issued')
})

t.test('200,000 issues: the recent list stays at its limit, the first token still opens', async (t) => {
  let now = 0
  const { access } = stores({ limit: 1000, lifetimeSeconds: 3600, now: () => now })
  const first = access.issue({ clientId: 'app' })
  for (let i = 0; i < 200_000; i++) {
    now += 1
    access.issue({ clientId: 'app' })
  }
  t.equal(access.size, 1000, 'exactly the limit held')
  t.equal(access.list().length, 1000, 'and listed')
  t.equal(access.lookup(first).status, 'valid', 'the first of 200,001 is valid')
})

t.test('client tokens carry their action and customer; access and client tokens do not mix', async (t) => {
  const { access, client } = stores({ limit: 1, now: () => 0 })
  const accessToken = access.issue({ clientId: 'app-1' })
  const withCustomer = client.issue({ clientId: 'app-1', action: 'customer.update', customerId: '707177c3-bf15-4e7e-b37c-55c3898d9bf4' })
  const without = client.issue({ clientId: 'app-1', action: 'customer.create', customerId: undefined })
  t.same(
    client.lookup(withCustomer).record?.details,
    { clientId: 'app-1', action: 'customer.update', customerId: '707177c3-bf15-4e7e-b37c-55c3898d9bf4' },
    'read back from the token alone',
  )
  t.same(client.lookup(without).record?.details, { clientId: 'app-1', action: 'customer.create', customerId: undefined }, 'no customer')
  t.equal(client.lookup(accessToken).status, 'unknown', 'an access token is no client token')
  t.equal(access.lookup(withCustomer).status, 'unknown', 'a client token is no access token')
  t.throws(() => client.issue({ clientId: 'app-1', action: 'customer.explode', customerId: undefined }), RangeError, 'only the documented actions')
})

t.test('the recent list gives each client token its action and customer; a looked-up token leaves it when its slot is reused', async (t) => {
  const { client } = stores({ limit: 3, now: () => 0 })
  const customers = ['707177c3-bf15-4e7e-b37c-55c3898d9bf4', undefined, 'ffffffff-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-000000000000']
  const actions = ['customer.update', 'customer.create', 'customer.read', 'customer.update']
  const tokens = customers.map((customerId, i) => client.issue({ clientId: `app-${i}`, action: actions[i] as string, customerId }))
  const expected = (i: number) => ({ token: tokens[i], details: { clientId: `app-${i}`, action: actions[i], customerId: customers[i] } })
  t.match(client.list(), [expected(1), expected(2), expected(3)], 'listed before any lookup: the first left the list')
  t.match(client.lookup(tokens[1] as string).record, expected(1), 'a lookup answers the same')
  const replacing = client.issue({ clientId: 'app-4', action: 'customer.read', customerId: customers[0] })
  t.same(
    client.list().map((record) => record.token),
    [tokens[2], tokens[3], replacing],
    'the looked-up token has left the list (its slot reused)',
  )
  t.match(client.lookup(tokens[1] as string), { status: 'valid', record: expected(1) }, 'and still opens, from the token alone')
})

t.test('revoke: recent or old, once; it stays refused, its neighbours do not', async (t) => {
  const { access } = stores({ limit: 2, now: () => 0 })
  const tokens = Array.from({ length: 6 }, () => access.issue({ clientId: 'app' }))
  t.equal(access.revoke(tokens[5]!), true, 'a recent one')
  t.equal(access.revoke(tokens[0]!), true, 'an old one')
  t.equal(access.revoke(tokens[0]!), false, 'not twice')
  t.equal(access.revoke('x'.repeat(50)), false, 'not one never issued')
  t.same(
    [tokens[0], tokens[5]].map((token) => access.lookup(token!).status),
    ['unknown', 'unknown'],
    'both refused',
  )
  t.same(
    [1, 2, 3, 4].map((i) => access.lookup(tokens[i]!).status),
    ['valid', 'valid', 'valid', 'valid'],
    'the others valid',
  )
  t.same(
    access.list().map((r) => r.token),
    [tokens[4]],
    'a revoked token leaves the listing',
  )
})

t.test('hold one token, issue and revoke 200,000: the held token stays valid', async (t) => {
  let now = 0
  const { access } = stores({ limit: 1000, lifetimeSeconds: 3600, now: () => now })
  const held = access.issue({ clientId: 'app' })
  let last = ''
  for (let i = 0; i < 200_000; i++) {
    now += 1
    last = access.issue({ clientId: 'app' })
    access.revoke(last)
  }
  t.equal(access.lookup(held).status, 'valid', 'held token valid')
  t.equal(access.lookup(last).status, 'unknown', 'the last revoked is refused')
  t.equal(access.size, 0, 'no revoked token stays in the recent list (and the held one has left it)')
})

t.test('a lifetime change applies from then on; older tokens keep theirs', async (t) => {
  let now = 0
  const { access } = stores({ limit: 1, lifetimeSeconds: 100, now: () => now })
  const long = access.issue({ clientId: 'app' })
  access.lifetimeSeconds = 10
  const short = access.issue({ clientId: 'app' })
  access.issue({ clientId: 'app' })
  t.match(access.lookup(long).record, { issuedAt: 0, expiresAt: 100_000 }, 'the first: issued at 0 for 100 s')
  t.match(access.lookup(short).record, { issuedAt: 0, expiresAt: 10_000 }, 'the second: for 10 s')
  now = 10_000
  t.same([access.lookup(short).status, access.lookup(long).status], ['expired', 'valid'], 'each by its own')
})

t.test('reset: every earlier token stops working', async (t) => {
  const { access } = stores({ limit: 1, now: () => 0 })
  const old = access.issue({ clientId: 'app' })
  const recent = access.issue({ clientId: 'app' })
  access.reset()
  t.same([access.lookup(old).status, access.lookup(recent).status, access.size], ['unknown', 'unknown', 0], 'both unknown, nothing held')
  t.equal(access.revoke(old), false, 'and cannot be revoked')
})
