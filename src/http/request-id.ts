import { randomFillSync } from 'node:crypto'

/** Ids are made this many at a time: one draw from the CSPRNG, one string for all of them. */
const IDS_PER_BATCH = 128
const ID_LENGTH = 36
const random = Buffer.alloc(16 * IDS_PER_BATCH)
const chars = Buffer.alloc(ID_LENGTH * IDS_PER_BATCH)
const HEX = Buffer.from('0123456789abcdef', 'latin1')
let batch = ''
let nextId = IDS_PER_BATCH

/**
 * Dwolla gives every response an X-Request-Id, a lowercase UUID v4. Used as Fastify's genReqId,
 * so logs, errors, the journal and the header share one id (the header is set in
 * request-context.ts).
 *
 * The same as crypto.randomUUID() (122 random bits from the CSPRNG, version 4, variant 10),
 * without its cost: randomUUID() builds its text from twenty string concatenations, which every
 * later use of the id (the header, the journal) first copies into one. Here a batch of ids is
 * written as one string and each id is a slice of it (V8 makes a slice a view, not a copy).
 */
export function generateRequestId(): string {
  if (nextId === IDS_PER_BATCH) makeBatch()
  const at = ID_LENGTH * nextId++
  return batch.slice(at, at + ID_LENGTH)
}

function makeBatch(): void {
  randomFillSync(random)
  let written = 0
  for (let id = 0; id < IDS_PER_BATCH; id++) {
    for (let i = 0; i < 16; i++) {
      if (i === 4 || i === 6 || i === 8 || i === 10) chars[written++] = 0x2d
      let byte = random[16 * id + i]!
      if (i === 6) byte = (byte & 0x0f) | 0x40
      else if (i === 8) byte = (byte & 0x3f) | 0x80
      chars[written++] = HEX[byte >> 4]!
      chars[written++] = HEX[byte & 0x0f]!
    }
  }
  batch = chars.toString('latin1')
  nextId = 0
}
