import { randomFillSync } from 'node:crypto'

/** Random bytes for this many ids are drawn from the CSPRNG at a time. */
const IDS_PER_DRAW = 128
const random = Buffer.alloc(16 * IDS_PER_DRAW)
let nextId = IDS_PER_DRAW
const chars = Buffer.alloc(36)
const HEX = Buffer.from('0123456789abcdef', 'latin1')

/**
 * Dwolla gives every response an X-Request-Id, a lowercase UUID v4. Used as Fastify's genReqId,
 * so logs, errors, the journal and the header share one id (the header is set in
 * request-context.ts).
 *
 * The same as crypto.randomUUID() (122 random bits from the CSPRNG, version 4, variant 10),
 * written as one flat string: randomUUID() builds its text from twenty string concatenations,
 * which every later use of the id (the header, the journal) first copies into one.
 */
export function generateRequestId(): string {
  if (nextId === IDS_PER_DRAW) {
    randomFillSync(random)
    nextId = 0
  }
  const at = 16 * nextId++
  let written = 0
  for (let i = 0; i < 16; i++) {
    if (i === 4 || i === 6 || i === 8 || i === 10) chars[written++] = 0x2d
    let byte = random[at + i]!
    if (i === 6) byte = (byte & 0x0f) | 0x40
    else if (i === 8) byte = (byte & 0x3f) | 0x80
    chars[written++] = HEX[byte >> 4]!
    chars[written++] = HEX[byte & 0x0f]!
  }
  return chars.toString('latin1')
}
