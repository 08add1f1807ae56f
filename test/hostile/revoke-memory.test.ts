// Issue 12 item 2: holding one token and looping issue + revoke grew memory without bound (the
// eviction queue kept every revoked entry behind the live one at its head). Memory must stay
// flat, the held token valid, and every revoked token refused.
import t from 'tap'
import { DWOLLA_ERRORS } from '../../src/index.js'
import { MiB, retainedHeapBytes } from '../helpers/heap.js'
import { accessTokenFor, mockFor, requestClientToken } from '../helpers/mock.js'

t.test('hold one token, issue and revoke 70,000 more: memory flat, the held token valid', async (t) => {
  const app = await mockFor(t)
  const held = await accessTokenFor(app)
  const revokedSample: string[] = []
  const loop = async (times: number) => {
    for (let i = 0; i < times; i++) {
      const token = await accessTokenFor(app)
      const revoked = await app.inject({ method: 'DELETE', url: `/__mock/tokens/${token}` })
      if (revoked.statusCode !== 200) throw new Error(`revoking answered ${revoked.statusCode} ${revoked.body}`)
      if (i % 5000 === 0) revokedSample.push(token)
    }
  }
  // Warmed up first: the first thousands of requests compile code and fill caches for good.
  await loop(10_000)
  const warm = retainedHeapBytes()
  await loop(60_000)
  const grown = retainedHeapBytes() - warm
  // A leak of 70 bytes a pair (the old one kept an entry of more per pair) would be 4 MiB here;
  // what is measured moves by up to ±2.5 MiB from run to run, whatever the count.
  t.ok(grown < 4 * MiB, `retained heap grew ${(grown / MiB).toFixed(2)} MiB over 60,000 issue + revoke pairs (under 4 MiB)`)
  t.equal((await requestClientToken(app, { token: held })).statusCode, 200, 'the held token is still valid')
  for (const token of revokedSample) {
    t.same(
      (await requestClientToken(app, { token })).json(),
      { code: 'InvalidAccessToken', message: DWOLLA_ERRORS.InvalidAccessToken.message },
      'a revoked token stays refused',
    )
  }
})
