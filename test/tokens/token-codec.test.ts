import { readFileSync } from 'node:fs'
import t from 'tap'
import { parse } from 'yaml'
import { OPENAPI_DOCUMENT_PATH } from '../../src/index.js'
import { CLIENT_TOKEN_ACTIONS } from '../../src/tokens/client-token-actions.js'
import { TOKEN_LENGTH, TokenCodec, type TokenFields } from '../../src/tokens/token-codec.js'

const fields: TokenFields = { serial: 0, expiresAt: Date.parse('2026-01-01T00:59:59Z'), application: 0, action: 0, customerId: undefined }

t.test('fields come back as sealed, at both ends of every range', async (t) => {
  const codec = new TokenCodec()
  const cases: TokenFields[] = [
    fields,
    { serial: 2 ** 36 - 1, expiresAt: 2 ** 48 - 1, application: 4095, action: 18, customerId: 'ffffffff-ffff-ffff-ffff-ffffffffffff' },
    { serial: 123_456_789, expiresAt: 0, application: 7, action: 3, customerId: '707177c3-bf15-4e7e-b37c-55c3898d9bf4' },
    { serial: 1, expiresAt: 1, application: 1, action: 1, customerId: '00000000-0000-0000-0000-000000000000' },
  ]
  for (const sealed of cases) t.same(codec.open(codec.seal(sealed)), sealed, `round trip of ${JSON.stringify(sealed)}`)
  t.throws(() => codec.seal({ ...fields, serial: 2 ** 36 }), RangeError, 'a serial past its 36 bits')
  t.throws(() => codec.seal({ ...fields, expiresAt: -1 }), RangeError, 'an expiry before 1970')
  t.throws(() => codec.seal({ ...fields, expiresAt: 2 ** 48 }), RangeError, 'an expiry past its 48 bits')
  const lastMoment = Date.parse('+010009-12-31T23:59:59.999Z')
  t.equal(
    codec.open(codec.seal({ ...fields, expiresAt: lastMoment }))?.expiresAt,
    lastMoment,
    "the clock's last moment (end of 9999) plus the longest lifetime (ten years) fits",
  )
  t.throws(
    () => codec.seal({ ...fields, customerId: '707177C3-BF15-4E7E-B37C-55C3898D9BF4' }),
    RangeError,
    'an uppercase UUID (customer ids are lowercased first)',
  )
  // One bad character at each place of a UUID, of each kind: a letter past f, an uppercase
  // digit, ASCII punctuation, characters past ASCII whose low seven bits are a hex digit's.
  const uuid = '707177c3-bf15-4e7e-b37c-55c3898d9bf4'
  const accepted: string[] = []
  for (let at = 0; at < uuid.length; at++) {
    for (const bad of ['g', 'A', '-', '/', '\u00e1', '\u0130', '\u0166']) {
      const customerId = uuid.slice(0, at) + bad + uuid.slice(at + 1)
      if (customerId === uuid) continue
      try {
        codec.seal({ ...fields, customerId })
        accepted.push(customerId)
      } catch (error) {
        if (!(error instanceof RangeError)) throw error
      }
    }
  }
  t.same(accepted, [], 'no UUID with a bad character is sealed')
})

t.test('a thousand tokens sealed, then opened in another order, each to its own fields', async (t) => {
  const codec = new TokenCodec()
  const sealed = Array.from({ length: 1000 }, (_, serial) => ({
    fields: {
      serial,
      expiresAt: 1_800_000_000_000 + serial,
      application: serial % 4096,
      action: serial % 19,
      customerId: serial % 3 === 0 ? undefined : '707177c3-bf15-4e7e-b37c-55c3898d9bf4',
    },
  })).map(({ fields }) => ({ fields, token: codec.seal(fields) }))
  const wrong = [...sealed].reverse().filter(({ fields, token }) => JSON.stringify(codec.open(token)) !== JSON.stringify(fields))
  t.equal(wrong.length, 0, 'every one opens to what it was sealed with')
})

t.test("tokens look like Dwolla's: 50 alphanumerics, distinct, the whole alphabet evenly", async (t) => {
  const codec = new TokenCodec()
  const tokens = Array.from({ length: 2000 }, (_, serial) => codec.seal({ ...fields, serial }))
  t.equal(TOKEN_LENGTH, 50, 'Dwolla tokens are 50 characters')
  t.ok(
    tokens.every((token) => /^[0-9A-Za-z]{50}$/.test(token)),
    'all alphanumeric, 50 long',
  )
  t.equal(new Set(tokens).size, 2000, 'no repeats')
  // Every position is uniform over the 62 characters: over 2,000 tokens each character should
  // appear about 32 times at each position; none may be missing or far off.
  for (const position of [0, 3, 4, 25, 43, 44, 48, 49]) {
    const counts = new Map<string, number>()
    for (const token of tokens) counts.set(token[position]!, (counts.get(token[position]!) ?? 0) + 1)
    const [least, most] = [Math.min(...counts.values()), Math.max(...counts.values())]
    t.ok(counts.size === 62 && least >= 10 && most <= 60, `position ${position}: all 62 characters, ${least} to ${most} times each`)
  }
})

t.test('any change to a token, or another key, and it does not open', async (t) => {
  const codec = new TokenCodec()
  const token = codec.seal({ ...fields, serial: 42, customerId: '707177c3-bf15-4e7e-b37c-55c3898d9bf4', action: 3 })
  let opened = 0
  for (let position = 0; position < 50; position++) {
    for (const replacement of '0aZ9') {
      if (token[position] === replacement) continue
      if (codec.open(token.slice(0, position) + replacement + token.slice(position + 1)) !== undefined) opened += 1
    }
  }
  t.equal(opened, 0, 'none of ~200 one-character changes opens')
  t.equal(new TokenCodec().open(token), undefined, 'another codec (another key) cannot open it')
  for (const bad of ['', token.slice(1), `${token}0`, token.replace(/.$/, '-'), token.replace(/^./, 'é')]) {
    t.equal(codec.open(bad), undefined, `refused: ${JSON.stringify(bad.slice(0, 8))}…`)
  }
  let random = 0
  for (let i = 0; i < 20_000; i++) {
    const guess = Array.from({ length: 50 }, () => '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'[Math.floor(Math.random() * 62)]).join('')
    if (codec.open(guess) !== undefined) random += 1
  }
  t.equal(random, 0, 'none of 20,000 random tokens opens')
})

t.test("the actions are the OpenAPI document's, in its order", async (t) => {
  const document = parse(readFileSync(OPENAPI_DOCUMENT_PATH, 'utf8'))
  t.same([...CLIENT_TOKEN_ACTIONS], document.components.schemas.ClientTokenRequest.properties.action.enum, 'the same 18 actions')
})

t.test('sealing holds no memory outside the heap beyond its batch: a long run does not grow it', async (t) => {
  // A server seals tokens between requests, so the memory AES returns for a batch lives through
  // scavenges; kept, it was promoted and freed only by a full collection. Garbage made between
  // seals plays the requests' part: enough that a batch outlives two scavenges even in a young
  // generation grown to its largest (16 MiB semi-spaces).
  const codec = new TokenCodec()
  let garbage: unknown[] = []
  const sealMany = (count: number) => {
    for (let serial = 0; serial < count; serial++) {
      codec.seal({ ...fields, serial })
      garbage = new Array(12_000).fill(serial)
    }
  }
  sealMany(256 * 4)
  const before = process.memoryUsage().arrayBuffers
  sealMany(256 * 100)
  const grown = process.memoryUsage().arrayBuffers - before
  t.ok(garbage.length > 0 && grown < 500_000, `100 batches (1.6 MB of pads) later, ${grown} bytes more`)
})
