import { createCipheriv, randomBytes, randomFillSync, type Cipher } from 'node:crypto'
import { sipHash24, sipHashKey, type SipHashKey } from './siphash.js'

/**
 * Dwolla's tokens are 50 alphanumeric characters (e.g. the documented client token
 * "4adF858jPeQ9RnojMHdqSD2KwsvmhO7Ti7cI5woOiBGCpH5krY"), and so are the mock's.
 */
export const TOKEN_LENGTH = 50

/** What a token carries, so that checking it needs no stored record. */
export interface TokenFields {
  /** Its number among the tokens of its kind since the last reset (below 2^36). */
  serial: number
  /** When it expires, in milliseconds since the epoch (a whole number below 2^48). */
  expiresAt: number
  /** Its application, as an index in the application registry (below 2^12). */
  application: number
  /** 0 for access tokens; for client tokens 1 + the action's place in CLIENT_TOKEN_ACTIONS. */
  action: number
  /** The customer of a client token, a lowercase UUID, or undefined. */
  customerId: string | undefined
}

const ALPHABET = Buffer.from('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', 'latin1')
const INDEX_OF = new Int8Array(128).fill(-1)
ALPHABET.forEach((code, index) => (INDEX_OF[code] = index))

// The 50 characters are read as twelve groups of four (each a number below 62^4) and one pair
// (below 62^2): [nonce][ten data groups][tag] + [tag pair].
const GROUP = 62 ** 4
const PAIR = 62 ** 2
/** What the tag's six characters can hold. */
const TAG_RANGE = GROUP * PAIR
const DATA_GROUPS = 10
/** What one data group carries: 2^23 < 62^4, so a decoded group above it is a forgery. */
const DATA_BITS = 23
const DATA_LIMIT = 2 ** DATA_BITS

/** The pad of one nonce: four AES blocks, 48 bits for each data group. */
const PAD_BYTES = 64
/** Nonces and their pads are made this many at a time, in one call into OpenSSL. */
const BATCH = 256
/** What the tag is taken over: the nonce and the ten data groups, four bytes each. */
const MESSAGE_BYTES = 4 + 4 * DATA_GROUPS

/**
 * Seals token fields into 50 characters and opens them again, under keys made for this codec (a
 * reset makes a new codec, so every earlier token stops opening).
 *
 * The fields (230 bits, in ten data groups) are hidden by a counter-mode pad: AES-128 of counter
 * blocks drawn from a random nonce, so each group is a uniformly distributed number and every
 * character of a token is uniform over the alphabet, as a random token's would be. (The pad is
 * for that look, not for secrecy: a token carries nothing its holder does not know.) The tag is
 * SipHash-2-4, a pseudorandom function under its own 128-bit key, of the nonce and the fields,
 * cut to 35.7 bits: a forger has to guess it, one chance in 2^35.7 per try (and the range checks
 * of the groups it changed).
 *
 * Sealing calls into OpenSSL once per 256 tokens: the nonces and their pads are made a batch at a
 * time, and the tag is computed in JavaScript (siphash.ts). A call per token, and the Buffer it
 * returns, cost more than the rest of sealing. Opening one costs one call (its nonce's pad).
 */
export class TokenCodec {
  readonly #cipher: Cipher
  readonly #tagKey: SipHashKey = sipHashKey(randomBytes(16))
  readonly #chars = Buffer.alloc(TOKEN_LENGTH)
  readonly #values = new Int32Array(DATA_GROUPS)
  readonly #message = new Uint8Array(MESSAGE_BYTES)
  readonly #tag = new Int32Array(2)
  /** Counter blocks: for one nonce when opening, for a batch when sealing. */
  readonly #counterBlocks = Buffer.alloc(BATCH * PAD_BYTES)
  readonly #batchNonces = new Int32Array(BATCH)
  /**
   * The batch's pads, copied out of the Buffer AES returns. That Buffer's memory is outside the
   * JavaScript heap and is freed only when the Buffer is collected: kept for a whole batch, it
   * outlived two scavenges and waited for a full collection, which a server that promotes almost
   * nothing seldom makes (RSS grew by 20 MiB over a million tokens). Dropped at once, it is freed
   * by the next scavenge.
   */
  readonly #batchPads = Buffer.alloc(BATCH * PAD_BYTES)
  readonly #batchRandom = Buffer.alloc(6 * BATCH)
  #batchNext = BATCH

  constructor() {
    this.#cipher = createCipheriv('aes-128-ecb', randomBytes(16), null)
    this.#cipher.setAutoPadding(false)
  }

  /**
   * The token for `fields`. Its 50 characters are also left in `out` from `at` (by default a
   * buffer of the codec's own), for a caller that keeps tokens as bytes.
   */
  seal(fields: TokenFields, out: Buffer = this.#chars, at = 0): string {
    const values = pack(fields, this.#values)
    if (this.#batchNext === BATCH) this.#makeBatch()
    const nonce = this.#batchNonces[this.#batchNext]!
    const padStart = PAD_BYTES * this.#batchNext
    this.#batchNext += 1
    writeGroup(out, at, nonce)
    for (let i = 0; i < DATA_GROUPS; i++) {
      const sum = values[i]! + padAt(this.#batchPads, padStart, i)
      writeGroup(out, at + 4 + 4 * i, sum - (GROUP & ((GROUP - 1 - sum) >> 31)))
    }
    const tag = this.#tagOf(nonce, values)
    const tagGroup = Math.floor(tag / PAIR)
    writeGroup(out, at + 44, tagGroup)
    writePair(out, at + 48, tag - tagGroup * PAIR)
    return out.toString('latin1', at, at + TOKEN_LENGTH)
  }

  /** The fields of a token this codec sealed; undefined for anything else. */
  open(token: string): TokenFields | undefined {
    if (token.length !== TOKEN_LENGTH) return undefined
    const groups = readGroups(token)
    if (groups === undefined) return undefined
    const nonce = groups[0]!
    writeCounterBlocks(this.#counterBlocks, 0, nonce)
    const pad = this.#cipher.update(this.#counterBlocks.subarray(0, PAD_BYTES))
    const values = this.#values
    for (let i = 0; i < DATA_GROUPS; i++) {
      const difference = groups[1 + i]! - padAt(pad, 0, i)
      const value = difference + (GROUP & (difference >> 31))
      if (value >= DATA_LIMIT) return undefined
      values[i] = value
    }
    // A timing difference here is nanoseconds behind an HTTP round trip: nothing to measure.
    if (groups[11]! * PAIR + groups[12]! !== this.#tagOf(nonce, values)) return undefined
    return unpack(values)
  }

  /** The tag: SipHash of the nonce and the data groups, 53 bits of it reduced below 62^6. */
  #tagOf(nonce: number, values: Int32Array): number {
    const message = this.#message
    writeUint32(message, 0, nonce)
    for (let i = 0; i < DATA_GROUPS; i++) writeUint32(message, 4 + 4 * i, values[i]!)
    const tag = this.#tag
    sipHash24(this.#tagKey, message, MESSAGE_BYTES, tag)
    // 2^53 mod 62^6 leaves a bias below 10^-5: the tag stays as good as uniform.
    return mod((tag[1]! & 0x1fffff) * 2 ** 32 + (tag[0]! >>> 0), TAG_RANGE, 1 / TAG_RANGE)
  }

  /** The next BATCH nonces (uniform group values from the CSPRNG) and their pads, in one AES call. */
  #makeBatch(): void {
    const random = randomFillSync(this.#batchRandom)
    for (let i = 0; i < BATCH; i++) {
      const nonce = mod(uint48(random, 6 * i), GROUP, 1 / GROUP)
      this.#batchNonces[i] = nonce
      writeCounterBlocks(this.#counterBlocks, PAD_BYTES * i, nonce)
    }
    this.#cipher.update(this.#counterBlocks).copy(this.#batchPads)
    this.#batchNext = 0
  }
}

/**
 * A nonce's four counter blocks (the nonce's three bytes, the block's number, then zeros: the
 * buffer is zeroed when made and nothing writes past a block's fourth byte). The one key sees
 * each block at most once per nonce, and equal nonces make equal pads, as they must.
 */
function writeCounterBlocks(blocks: Buffer, at: number, nonce: number): void {
  for (let block = 0; block < 4; block++) {
    const start = at + 16 * block
    blocks[start] = nonce >>> 16
    blocks[start + 1] = (nonce >>> 8) & 0xff
    blocks[start + 2] = nonce & 0xff
    blocks[start + 3] = block
  }
}

/** The pad for data group `i`: 48 bits of the encrypted counter blocks, which start at `start`. */
function padAt(counterBlocks: Buffer, start: number, i: number): number {
  // 2^48 mod 62^4 leaves a bias of 5e-8: the characters stay as good as uniform.
  return mod(uint48(counterBlocks, start + 6 * i), GROUP, 1 / GROUP)
}

/**
 * `x mod m` for a whole x below 2^53, given `inverse` = 1/m: by a floating-point quotient, one
 * step of correction for its rounding (off by at most one). `%` on numbers past 2^31 is a call to
 * fmod, and a division several times a multiplication; this runs twelve times a seal.
 */
function mod(x: number, m: number, inverse: number): number {
  const r = x - Math.floor(x * inverse) * m
  return r < 0 ? r + m : r >= m ? r - m : r
}

/** Six bytes, big-endian (Buffer#readUIntBE, without its checks: this runs ten times a token). */
function uint48(bytes: Buffer, at: number): number {
  return (bytes[at]! * 256 + bytes[at + 1]!) * 2 ** 32 + ((bytes[at + 2]! << 24) >>> 0) + ((bytes[at + 3]! << 16) | (bytes[at + 4]! << 8) | bytes[at + 5]!)
}

/** Four bytes, little-endian. */
function writeUint32(bytes: Uint8Array, at: number, value: number): void {
  bytes[at] = value & 0xff
  bytes[at + 1] = (value >>> 8) & 0xff
  bytes[at + 2] = (value >>> 16) & 0xff
  bytes[at + 3] = value >>> 24
}

/** Four characters for a group value (below 62^4, so integer arithmetic throughout). */
function writeGroup(chars: Buffer, at: number, value: number): void {
  const high = (value / PAIR) | 0
  writePair(chars, at, high)
  writePair(chars, at + 2, value - high * PAIR)
}

/** The two characters of each number below 62^2, so a group is written with one division. */
const PAIR_CHARS = Buffer.from(Array.from({ length: PAIR }, (_, pair) => [ALPHABET[Math.floor(pair / 62)]!, ALPHABET[pair % 62]!]).flat())

function writePair(chars: Buffer, at: number, pair: number): void {
  chars[at] = PAIR_CHARS[2 * pair]!
  chars[at + 1] = PAIR_CHARS[2 * pair + 1]!
}

function readGroups(token: string): number[] | undefined {
  const groups = new Array<number>(13)
  for (let group = 0; group < 13; group++) {
    let value = 0
    for (let k = 0; k < (group === 12 ? 2 : 4); k++) {
      const code = token.charCodeAt(group * 4 + k)
      const index = code < 128 ? INDEX_OF[code]! : -1
      if (index < 0) return undefined
      value = value * 62 + index
    }
    groups[group] = value
  }
  return groups
}

// The layout of the 230 bits, most significant first, as pieces of at most 23 bits: serial 36,
// expiresAt 48 (the clock runs to the end of year 9999, and a lifetime past that), application
// 12, action 5, has-customer 1, then the customer UUID as eight 16-bit pieces.
const PIECE_WIDTHS = Int32Array.from([18, 18, 16, 16, 16, 12, 5, 1, 16, 16, 16, 16, 16, 16, 16, 16])
const POWERS = Float64Array.from({ length: 24 }, (_, width) => 2 ** width)
/** 2^-width: dividing by a power of two is multiplying by its inverse, exactly, and faster. */
const INVERSE_POWERS = Float64Array.from(POWERS, (power) => 1 / power)
const SERIAL_LIMIT = 2 ** 36
const TIME_LIMIT = 2 ** 48
const pieces = new Float64Array(PIECE_WIDTHS.length)

function pack(fields: TokenFields, out: Int32Array): Int32Array {
  const expiresAt = Math.ceil(fields.expiresAt)
  if (!(fields.serial >= 0 && fields.serial < SERIAL_LIMIT)) throw new RangeError(`token serial out of range: ${fields.serial}`)
  if (!(expiresAt >= 0 && expiresAt < TIME_LIMIT)) throw new RangeError(`token expiry out of range: ${fields.expiresAt}`)
  pieces[0] = Math.floor(fields.serial * INVERSE_POWERS[18]!)
  pieces[1] = fields.serial - pieces[0] * POWERS[18]!
  pieces[2] = Math.floor(expiresAt * 2 ** -32)
  const above16 = Math.floor(expiresAt * INVERSE_POWERS[16]!)
  pieces[3] = above16 - pieces[2] * POWERS[16]!
  pieces[4] = expiresAt - above16 * POWERS[16]!
  pieces[5] = fields.application
  pieces[6] = fields.action
  pieces[7] = fields.customerId === undefined ? 0 : 1
  writeUuid(fields.customerId, pieces, 8)
  // The accumulator stays below 2^46 (23 bits carried over plus a piece of at most 23): exact.
  let acc = 0
  let bits = 0
  let index = 0
  for (let i = 0; i < PIECE_WIDTHS.length; i++) {
    const width = PIECE_WIDTHS[i]!
    acc = acc * POWERS[width]! + pieces[i]!
    bits += width
    if (bits >= DATA_BITS) {
      const group = Math.floor(acc * INVERSE_POWERS[bits - DATA_BITS]!)
      out[index++] = group
      acc -= group * POWERS[bits - DATA_BITS]!
      bits -= DATA_BITS
    }
  }
  return out
}

function unpack(values: Int32Array): TokenFields | undefined {
  let acc = 0
  let bits = 0
  let index = 0
  for (let i = 0; i < PIECE_WIDTHS.length; i++) {
    const width = PIECE_WIDTHS[i]!
    if (bits < width) {
      acc = acc * DATA_LIMIT + values[index++]!
      bits += DATA_BITS
    }
    const piece = Math.floor(acc * INVERSE_POWERS[bits - width]!)
    acc -= piece * POWERS[bits - width]!
    bits -= width
    pieces[i] = piece
  }
  const hasCustomer = pieces[7] === 1
  if (!hasCustomer && pieces.subarray(8).some((piece) => piece !== 0)) return undefined
  return {
    serial: pieces[0]! * POWERS[18]! + pieces[1]!,
    expiresAt: pieces[2]! * 2 ** 32 + pieces[3]! * POWERS[16]! + pieces[4]!,
    application: pieces[5]!,
    action: pieces[6]!,
    customerId: hasCustomer ? readUuid(pieces, 8) : undefined,
  }
}

const HEX_VALUE = new Int8Array(128).fill(-1)
for (let digit = 0; digit < 16; digit++) HEX_VALUE[digit.toString(16).charCodeAt(0)] = digit
/** Where each 16-bit piece's four hex digits start in a canonical UUID (8-4-4-4-12). */
const PIECE_STARTS = Int32Array.from([0, 4, 9, 14, 19, 24, 28, 32])
const DASH = 0x2d

/** A lowercase canonical UUID as eight 16-bit pieces (zeros for none). */
function writeUuid(uuid: string | undefined, out: Float64Array, at: number): void {
  if (uuid === undefined) return void out.fill(0, at, at + 8)
  if (uuid.length !== 36 || uuid.charCodeAt(8) !== DASH || uuid.charCodeAt(13) !== DASH || uuid.charCodeAt(18) !== DASH || uuid.charCodeAt(23) !== DASH) {
    throw new RangeError(`not a UUID: ${uuid}`)
  }
  // Digits are checked together at the end (a bad one makes `invalid` negative): a test per
  // digit was most of the time sealing a client token took.
  let invalid = 0
  for (let piece = 0; piece < 8; piece++) {
    const start = PIECE_STARTS[piece]!
    const d0 = hexValue(uuid.charCodeAt(start))
    const d1 = hexValue(uuid.charCodeAt(start + 1))
    const d2 = hexValue(uuid.charCodeAt(start + 2))
    const d3 = hexValue(uuid.charCodeAt(start + 3))
    invalid |= d0 | d1 | d2 | d3
    out[at + piece] = (d0 << 12) | (d1 << 8) | (d2 << 4) | d3
  }
  if (invalid < 0) throw new RangeError(`not a lowercase UUID: ${uuid}`)
}

/** A lowercase hex digit's value, or -1 (any other character, past ASCII too). */
function hexValue(code: number): number {
  return HEX_VALUE[code & 0x7f]! | ((0x7f - code) >> 31)
}

function readUuid(pieces: Float64Array, at: number): string {
  let hex = ''
  for (let piece = 0; piece < 8; piece++) hex += pieces[at + piece]!.toString(16).padStart(4, '0')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
