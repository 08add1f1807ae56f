import { createCipheriv, randomBytes, randomFillSync, randomInt, type Cipher } from 'node:crypto'

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
const DATA_GROUPS = 10
/** What one data group carries: 2^23 < 62^4, so a decoded group above it is a forgery. */
const DATA_BITS = 23
const DATA_LIMIT = 2 ** DATA_BITS

/** The prime of the polynomial hash: below 2^26, so a product of two residues stays exact in a double. */
const HASH_PRIME = 2 ** 26 - 5
const HASH_LANES = 4

/**
 * Seals token fields into 50 characters and opens them again, under keys made for this codec (a
 * reset makes a new codec, so every earlier token stops opening).
 *
 * The fields (230 bits, in ten data groups) are authenticated by hash-then-PRF (the Carter–Wegman
 * construction behind UMAC and Poly1305-AES): a polynomial hash over the fields under secret keys,
 * four independent lanes mod a 26-bit prime (two different field sets collide with probability
 * below 2^-90), encrypted with AES-128, is the tag. The groups are hidden by a counter-mode pad
 * drawn from a random nonce, so each is a uniformly distributed number and every character of a
 * token is uniform over the alphabet, as a random token's would be. (The pad is for that look,
 * not for secrecy: a token carries nothing its holder does not know.) A forger has to hit the
 * 35.7-bit tag (and the range checks of the groups it changed): about one chance in 2^36 per try.
 *
 * Built on one reusable AES-128-ECB context, and the tag block and the pad come from one call: a
 * token costs one call into OpenSSL to issue (two to open one), where a fresh CCM or HMAC object
 * per token costs 2 to 3 µs, a tenth of a request.
 */
export class TokenCodec {
  readonly #cipher: Cipher
  readonly #hashKeys = Float64Array.from({ length: HASH_LANES }, () => randomInt(1, HASH_PRIME))
  /** The tag block (the hash), then four counter blocks (0xFF…, nonce, counter). */
  readonly #blocks = Buffer.alloc(80)
  readonly #chars = Buffer.alloc(TOKEN_LENGTH)
  readonly #values = new Int32Array(DATA_GROUPS)
  readonly #random = Buffer.alloc(6 * 256)
  #randomOffset = this.#random.length

  constructor() {
    this.#cipher = createCipheriv('aes-128-ecb', randomBytes(16), null)
    this.#cipher.setAutoPadding(false)
    // Counter blocks start with 0xFF, the tag block never does: the one key never sees one input twice.
    for (let block = 1; block <= 4; block++) this.#blocks.fill(0xff, block * 16, block * 16 + 12)
  }

  seal(fields: TokenFields): string {
    const values = pack(fields, this.#values)
    const nonce = this.#nonce()
    this.#writeHash(values)
    this.#writeNonce(nonce)
    const encrypted = this.#cipher.update(this.#blocks)
    const chars = this.#chars
    writeGroup(chars, 0, nonce)
    for (let i = 0; i < DATA_GROUPS; i++) {
      const sum = values[i]! + padAt(encrypted, 16, i)
      writeGroup(chars, 4 + 4 * i, sum >= GROUP ? sum - GROUP : sum)
    }
    writeGroup(chars, 44, mod(uint48(encrypted, 0), GROUP))
    const pair = encrypted.readUInt32BE(6) % PAIR
    chars[48] = ALPHABET[Math.floor(pair / 62)]!
    chars[49] = ALPHABET[pair % 62]!
    return chars.toString('latin1')
  }

  /** The fields of a token this codec sealed; undefined for anything else. */
  open(token: string): TokenFields | undefined {
    if (token.length !== TOKEN_LENGTH) return undefined
    const groups = readGroups(token)
    if (groups === undefined) return undefined
    this.#writeNonce(groups[0]!)
    const pad = this.#cipher.update(this.#blocks.subarray(16))
    const values = this.#values
    for (let i = 0; i < DATA_GROUPS; i++) {
      const difference = groups[1 + i]! - padAt(pad, 0, i)
      const value = difference < 0 ? difference + GROUP : difference
      if (value >= DATA_LIMIT) return undefined
      values[i] = value
    }
    this.#writeHash(values)
    const tag = this.#cipher.update(this.#blocks.subarray(0, 16))
    // A timing difference here is nanoseconds behind an HTTP round trip: nothing to measure.
    if (groups[11] !== mod(uint48(tag, 0), GROUP) || groups[12] !== tag.readUInt32BE(6) % PAIR) return undefined
    return unpack(values)
  }

  /**
   * The tag block: each lane's polynomial hash of the data groups (Horner's rule), four bytes
   * each. A hash is below 2^26, so the block's first byte is at most 3, never a counter block's 0xFF.
   */
  #writeHash(values: Int32Array): void {
    const blocks = this.#blocks
    for (let lane = 0; lane < HASH_LANES; lane++) {
      const key = this.#hashKeys[lane]!
      let hash = 0
      for (let i = 0; i < DATA_GROUPS; i++) hash = mod(hash * key + values[i]!, HASH_PRIME)
      blocks[4 * lane] = hash >>> 24
      blocks[4 * lane + 1] = (hash >>> 16) & 0xff
      blocks[4 * lane + 2] = (hash >>> 8) & 0xff
      blocks[4 * lane + 3] = hash & 0xff
    }
  }

  #writeNonce(nonce: number): void {
    const blocks = this.#blocks
    for (let block = 1; block <= 4; block++) {
      blocks[block * 16 + 12] = nonce >>> 16
      blocks[block * 16 + 13] = (nonce >>> 8) & 0xff
      blocks[block * 16 + 14] = nonce & 0xff
      blocks[block * 16 + 15] = block
    }
  }

  /** A uniform group value from the CSPRNG, drawn from a pool refilled 256 tokens at a time. */
  #nonce(): number {
    if (this.#randomOffset === this.#random.length) {
      randomFillSync(this.#random)
      this.#randomOffset = 0
    }
    const value = mod(uint48(this.#random, this.#randomOffset), GROUP)
    this.#randomOffset += 6
    return value
  }
}

/** The pad for data group `i`: 48 bits of the encrypted counter blocks, which start at `start`. */
function padAt(counterBlocks: Buffer, start: number, i: number): number {
  // 2^48 mod 62^4 leaves a bias of 5e-8: the characters stay as good as uniform.
  return mod(uint48(counterBlocks, start + 6 * i), GROUP)
}

/**
 * `x mod m` for a whole x below 2^53: by a floating-point quotient, one step of correction for
 * its rounding. `%` on numbers past 2^31 is a call to fmod, several times slower, and this runs
 * some sixty times a token.
 */
function mod(x: number, m: number): number {
  const r = x - Math.floor(x / m) * m
  return r < 0 ? r + m : r >= m ? r - m : r
}

/** Six bytes, big-endian (Buffer#readUIntBE, without its checks: this runs 22 times a token). */
function uint48(bytes: Buffer, at: number): number {
  return (bytes[at]! * 256 + bytes[at + 1]!) * 2 ** 32 + ((bytes[at + 2]! << 24) >>> 0) + ((bytes[at + 3]! << 16) | (bytes[at + 4]! << 8) | bytes[at + 5]!)
}

/** Four characters for a group value (below 62^4, so integer arithmetic throughout). */
function writeGroup(chars: Buffer, at: number, value: number): void {
  for (let k = 3; k >= 0; k--) {
    const quotient = (value / 62) | 0
    chars[at + k] = ALPHABET[value - quotient * 62]!
    value = quotient
  }
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
const SERIAL_LIMIT = 2 ** 36
const TIME_LIMIT = 2 ** 48
const pieces = new Float64Array(PIECE_WIDTHS.length)

function pack(fields: TokenFields, out: Int32Array): Int32Array {
  const expiresAt = Math.ceil(fields.expiresAt)
  if (!(fields.serial >= 0 && fields.serial < SERIAL_LIMIT)) throw new RangeError(`token serial out of range: ${fields.serial}`)
  if (!(expiresAt >= 0 && expiresAt < TIME_LIMIT)) throw new RangeError(`token expiry out of range: ${fields.expiresAt}`)
  pieces[0] = Math.floor(fields.serial / POWERS[18]!)
  pieces[1] = mod(fields.serial, POWERS[18]!)
  pieces[2] = Math.floor(expiresAt / 2 ** 32)
  pieces[3] = mod(Math.floor(expiresAt / POWERS[16]!), POWERS[16]!)
  pieces[4] = mod(expiresAt, POWERS[16]!)
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
      const shift = POWERS[bits - DATA_BITS]!
      const group = Math.floor(acc / shift)
      out[index++] = group
      acc -= group * shift
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
    const shift = POWERS[bits - width]!
    const piece = Math.floor(acc / shift)
    acc -= piece * shift
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
/** Where the 32 hex digits sit in a canonical UUID (8-4-4-4-12). */
const UUID_DIGITS = Int32Array.from([...Array(36).keys()].filter((at) => at !== 8 && at !== 13 && at !== 18 && at !== 23))

/** A lowercase canonical UUID as eight 16-bit pieces (zeros for none). */
function writeUuid(uuid: string | undefined, out: Float64Array, at: number): void {
  if (uuid === undefined) return void out.fill(0, at, at + 8)
  if (uuid.length !== 36 || uuid[8] !== '-' || uuid[13] !== '-' || uuid[18] !== '-' || uuid[23] !== '-') throw new RangeError(`not a UUID: ${uuid}`)
  for (let piece = 0; piece < 8; piece++) {
    let value = 0
    for (let k = 0; k < 4; k++) {
      const code = uuid.charCodeAt(UUID_DIGITS[piece * 4 + k]!)
      const digit = code < 128 ? HEX_VALUE[code]! : -1
      if (digit < 0) throw new RangeError(`not a lowercase UUID: ${uuid}`)
      value = value * 16 + digit
    }
    out[at + piece] = value
  }
}

function readUuid(pieces: Float64Array, at: number): string {
  let hex = ''
  for (let piece = 0; piece < 8; piece++) hex += pieces[at + piece]!.toString(16).padStart(4, '0')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
