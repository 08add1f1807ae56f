// The two small records tokens need besides themselves: the application registry and the
// revoked serials. Both are bounded, and neither ever frees a place that still matters.
import t from 'tap'
import { APPLICATION_LIMIT, ApplicationLimitError, ApplicationRegistry } from '../../src/tokens/application-registry.js'
import { REVOCATION_LIMIT, RevocationLimitError, RevokedSerials } from '../../src/tokens/revoked-serials.js'

t.test('application registry: a place per client id, reused only once its tokens have all expired', async (t) => {
  const registry = new ApplicationRegistry()
  const first = registry.placeFor('app-0', 1000, 0)
  t.equal(registry.placeFor('app-0', 2000, 10), first, 'the same place for the same client id')
  for (let i = 1; i < APPLICATION_LIMIT; i++) registry.placeFor(`app-${i}`, 5000, 0)
  t.throws(() => registry.placeFor('one-too-many', 9000, 1999), ApplicationLimitError, 'full while every place holds an unexpired token')
  const reused = registry.placeFor('newcomer', 9000, 2000)
  t.equal(reused, first, "app-0's place, once its last token (expiring at 2000) has expired")
  t.equal(registry.clientIdAt(reused, 9000), 'newcomer', "its tokens are the newcomer's")
  t.equal(registry.clientIdAt(reused, 2000), undefined, "an old token of that place is no longer anyone's")
  t.equal(registry.clientIdAt(1, 5000), 'app-1', 'other places untouched')
  t.throws(() => registry.placeFor('k'.repeat(257), 9000, 2000), { name: 'ApplicationLimitError', reason: 'too-long' }, 'client ids are at most 256 characters')
  registry.clear()
  t.equal(registry.clientIdAt(1, 5000), undefined, 'clear forgets them all')
})

t.test('revoked serials: consecutive revocations are one run', async (t) => {
  const revoked = new RevokedSerials()
  for (let serial = 1; serial <= 1000; serial++) revoked.add(serial, 10_000, 0)
  t.equal(revoked.runs, 1, '1,000 consecutive serials: one run')
  t.same([revoked.has(0), revoked.has(1), revoked.has(500), revoked.has(1000), revoked.has(1001)], [false, true, true, true, false], 'exactly 1 to 1000')
  t.equal(revoked.add(500, 10_000, 0), false, 'already revoked')
  revoked.add(1002, 10_000, 0)
  t.equal(revoked.runs, 2, 'a gap makes a second run')
  revoked.add(1001, 10_000, 0)
  t.equal(revoked.runs, 1, 'filling the gap joins them')
  revoked.add(0, 10_000, 0)
  t.same([revoked.runs, revoked.has(0)], [1, true], 'a run grows downwards too')
})

t.test('revoked serials: bounded; at the bound expired runs go, live ones never', async (t) => {
  const revoked = new RevokedSerials()
  for (let i = 0; i < REVOCATION_LIMIT; i++) revoked.add(i * 2, i < 10 ? 100 : 10_000, 0)
  t.equal(revoked.runs, REVOCATION_LIMIT, 'at the bound')
  t.throws(() => revoked.add(REVOCATION_LIMIT * 2, 10_000, 50), RevocationLimitError, 'one more, while all are live, is refused')
  t.equal(revoked.add(REVOCATION_LIMIT * 2 - 1, 10_000, 50), true, 'joining an existing run still works at the bound')
  t.equal(revoked.add(REVOCATION_LIMIT * 2 + 1, 10_000, 100), true, 'once ten runs have expired, a new one fits')
  t.equal(revoked.has(4), false, 'an expired run is forgotten')
  t.equal(revoked.has(40), true, 'a live one is kept')
})
