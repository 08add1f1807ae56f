import t from 'tap'
import { LIMIT_MESSAGES } from '../../src/index.js'
import {
  SECRET_MAX_LENGTH,
  SUBSCRIPTION_FIELD_ERRORS,
  SubscriptionStore,
  URL_MAX_LENGTH,
  subscriptionProblems,
} from '../../src/resources/webhook-subscriptions/subscription-store.js'

const NOW = Date.parse('2026-03-04T05:06:07.000Z')
const BASE = 'http://localhost:8910'
const storeFor = (limit = 10, clientId = 'app') => new SubscriptionStore({ clientId, limit, now: () => NOW })

t.test('url and secret are checked in Dwolla’s words', async (t) => {
  const { urlRequired, urlInvalid, secretRequired, secretInvalid, secretTooLong } = SUBSCRIPTION_FIELD_ERRORS
  const cases: Array<[string, unknown, unknown, unknown[]]> = [
    ['a local http URL', 'http://localhost:3000/webhooks', 's', []],
    ['an https URL with a query', 'https://hooks.example.com/dwolla?team=a', 's', []],
    ['an IPv6 loopback URL', 'http://[::1]:3000/', 's', []],
    ['a secret of exactly 128 characters', 'http://127.0.0.1/', 'x'.repeat(SECRET_MAX_LENGTH), []],
    ['nothing at all', undefined, undefined, [urlRequired, secretRequired]],
    ['a relative URL', '/webhooks', 's', [urlInvalid]],
    ['not a URL', 'not a url', 's', [urlInvalid]],
    ['an ftp URL', 'ftp://example.com/', 's', [urlInvalid]],
    ['a javascript: URL', 'javascript:alert(1)', 's', [urlInvalid]],
    ['a URL with credentials', 'http://user:pass@localhost/', 's', [urlInvalid]],
    ['a URL that is a number', 42, 's', [urlInvalid]],
    [`a URL over ${URL_MAX_LENGTH} characters`, `http://localhost/${'a'.repeat(URL_MAX_LENGTH)}`, 's', [urlInvalid]],
    ['an empty secret', 'http://localhost/', '', [secretRequired]],
    ['a secret that is no string', 'http://localhost/', 7, [secretInvalid]],
    ['a secret of 129 characters', 'http://localhost/', 'x'.repeat(SECRET_MAX_LENGTH + 1), [secretTooLong]],
    ['both wrong', 'nope', 'x'.repeat(200), [urlInvalid, secretTooLong]],
  ]
  for (const [name, url, secret, expected] of cases) t.same(subscriptionProblems(url, secret), expected, name)
  t.same(
    secretTooLong,
    { code: 'InvalidFormat', message: 'Secret must be 128 or fewer characters.', path: '/secret', _links: {} },
    'Dwolla’s SecretTooLongError',
  )
  t.same(urlInvalid, { code: 'InvalidFormat', message: 'Url must be a valid url.', path: '/url', _links: {} }, 'Dwolla’s InvalidUrlFormatError')
  t.throws(
    () => storeFor().create({ url: 'nope', secret: 's' }, BASE),
    { code: 'ValidationError', embedded: [urlInvalid] },
    'create throws them as a ValidationError',
  )
})

t.test('newest first, found by id in any case; every change announced, every removal told', async (t) => {
  const store = storeFor()
  let changes = 0
  store.onChange(() => void (changes += 1))
  const first = store.create({ url: 'http://localhost:1/', secret: 's1' }, BASE)
  const second = store.create({ url: 'http://localhost:2/', secret: 's2' }, BASE)
  t.same(first, { id: first.id, clientId: 'app', url: 'http://localhost:1/', secret: 's1', paused: false, created: NOW, baseUrl: BASE }, 'what it keeps')
  t.same(
    store.list().map((s) => s.id),
    [second.id, first.id],
    'newest first',
  )
  t.equal(store.get(first.id.toUpperCase()), first, 'found by id in any case')
  t.equal(store.setPaused(first, true).paused, true, 'paused')
  const removed: string[] = []
  store.onRemove((subscription) => removed.push(subscription.id))
  store.remove(second)
  t.same([store.list().map((s) => s.id), removed], [[first.id], [second.id]], 'removed, and the removal told')
  t.equal(changes, 4, 'every change announced (two creations, a pause, a removal)')
})

t.test('bounded: subscriptions per application', async (t) => {
  const store = storeFor(2)
  const subscribe = () => store.create({ url: 'http://localhost/', secret: 's' }, BASE)
  subscribe()
  subscribe()
  t.throws(
    () => subscribe(),
    { code: 'MaxNumberOfResources', message: LIMIT_MESSAGES.subscriptions, statusCode: 400 },
    'a third for one application: MaxNumberOfResources',
  )
  t.equal(store.size, 2, 'nothing more was kept')
})

t.test('snapshot and restore: the same subscriptions, secrets included; over the bounds is refused', async (t) => {
  const store = storeFor()
  const made = store.create({ url: 'http://localhost/', secret: 'my secret' }, BASE)
  store.setPaused(made, true)
  const snapshot = store.snapshot()
  t.same(
    snapshot,
    [{ id: made.id, url: 'http://localhost/', secret: 'my secret', paused: true, created: '2026-03-04T05:06:07.000Z', baseUrl: BASE }],
    'written down',
  )
  const restored = storeFor()
  let changes = 0
  restored.onChange(() => void (changes += 1))
  restored.restore(snapshot)
  t.same([restored.snapshot(), changes], [snapshot, 0], 'read back as it was, without announcing a change')
  t.throws(() => storeFor(0).restore(snapshot), { code: 'MaxNumberOfResources' }, 'more than the limit allows is refused')
  t.same(storeFor(0).snapshot(), [], 'and nothing is restored')
})
