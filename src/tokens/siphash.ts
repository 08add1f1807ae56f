/**
 * SipHash-2-4 (Aumasson and Bernstein, 2012): a pseudorandom function keyed by 128 bits, made for
 * short inputs, so a message authentication code for them. Written out in JavaScript because a
 * token's tag is one short input, and one call into OpenSSL per token (with the Buffer each call
 * allocates) costs more than the whole hash computed here.
 *
 * 64-bit words are held as two 32-bit halves, low then high, in one Int32Array: the state (v0 to
 * v3) is one hash's alone, and a hash runs start to end without yielding.
 */

/** A SipHash key: its 16 bytes as four little-endian 32-bit words (k0 low, k0 high, k1 low, k1 high). */
export type SipHashKey = Int32Array

const state = new Int32Array(8)

/** The key for 16 key bytes. */
export function sipHashKey(bytes: Uint8Array): SipHashKey {
  if (bytes.length !== 16) throw new RangeError('a SipHash key is 16 bytes')
  return Int32Array.from({ length: 4 }, (_, word) => readWord(bytes, 4 * word))
}

/**
 * SipHash-2-4 of the first `length` bytes of `message`, written to `out` as its low and high 32
 * bits: the 64-bit output is `(out[1] >>> 0) * 2**32 + (out[0] >>> 0)`.
 */
export function sipHash24(key: SipHashKey, message: Uint8Array, length: number, out: Int32Array): void {
  // The initial state: the key against the ASCII of "somepseudorandomlygeneratedbytes".
  state[0] = key[0]! ^ 0x70736575
  state[1] = key[1]! ^ 0x736f6d65
  state[2] = key[2]! ^ 0x6e646f6d
  state[3] = key[3]! ^ 0x646f7261
  state[4] = key[0]! ^ 0x6e657261
  state[5] = key[1]! ^ 0x6c796765
  state[6] = key[2]! ^ 0x79746573
  state[7] = key[3]! ^ 0x74656462
  const whole = length - (length % 8)
  for (let at = 0; at < whole; at += 8) compress(readWord(message, at), readWord(message, at + 4))
  // The last word: the bytes left over, and the length's low byte as its top byte.
  let low = 0
  let high = (length & 0xff) << 24
  for (let at = whole; at < length; at++) {
    const shift = 8 * ((at - whole) % 4)
    if (at - whole < 4) low |= message[at]! << shift
    else high |= message[at]! << shift
  }
  compress(low, high)
  state[4] = state[4]! ^ 0xff
  for (let round = 0; round < 4; round++) sipRound()
  out[0] = state[0]! ^ state[2]! ^ state[4]! ^ state[6]!
  out[1] = state[1]! ^ state[3]! ^ state[5]! ^ state[7]!
}

/** Four bytes, little-endian, as a 32-bit word. */
function readWord(bytes: Uint8Array, at: number): number {
  return bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)
}

/** One message word: into v3, two rounds, into v0. */
function compress(low: number, high: number): void {
  state[6] = state[6]! ^ low
  state[7] = state[7]! ^ high
  sipRound()
  sipRound()
  state[0] = state[0]! ^ low
  state[1] = state[1]! ^ high
}

/**
 * v0 += v1; v1 <<<= 13; v1 ^= v0; v0 <<<= 32; v2 += v3; v3 <<<= 16; v3 ^= v2;
 * v0 += v3; v3 <<<= 21; v3 ^= v0; v2 += v1; v1 <<<= 17; v1 ^= v2; v2 <<<= 32.
 */
function sipRound(): void {
  let v0l = state[0]!
  let v0h = state[1]!
  let v1l = state[2]!
  let v1h = state[3]!
  let v2l = state[4]!
  let v2h = state[5]!
  let v3l = state[6]!
  let v3h = state[7]!
  let sum: number
  let t: number

  sum = (v0l >>> 0) + (v1l >>> 0)
  v0h = (v0h + v1h + (sum > 0xffffffff ? 1 : 0)) | 0
  v0l = sum | 0
  t = v1h
  v1h = (v1h << 13) | (v1l >>> 19)
  v1l = (v1l << 13) | (t >>> 19)
  v1l ^= v0l
  v1h ^= v0h
  t = v0h
  v0h = v0l
  v0l = t

  sum = (v2l >>> 0) + (v3l >>> 0)
  v2h = (v2h + v3h + (sum > 0xffffffff ? 1 : 0)) | 0
  v2l = sum | 0
  t = v3h
  v3h = (v3h << 16) | (v3l >>> 16)
  v3l = (v3l << 16) | (t >>> 16)
  v3l ^= v2l
  v3h ^= v2h

  sum = (v0l >>> 0) + (v3l >>> 0)
  v0h = (v0h + v3h + (sum > 0xffffffff ? 1 : 0)) | 0
  v0l = sum | 0
  t = v3h
  v3h = (v3h << 21) | (v3l >>> 11)
  v3l = (v3l << 21) | (t >>> 11)
  v3l ^= v0l
  v3h ^= v0h

  sum = (v2l >>> 0) + (v1l >>> 0)
  v2h = (v2h + v1h + (sum > 0xffffffff ? 1 : 0)) | 0
  v2l = sum | 0
  t = v1h
  v1h = (v1h << 17) | (v1l >>> 15)
  v1l = (v1l << 17) | (t >>> 15)
  v1l ^= v2l
  v1h ^= v2h
  t = v2h
  v2h = v2l
  v2l = t

  state[0] = v0l
  state[1] = v0h
  state[2] = v1l
  state[3] = v1h
  state[4] = v2l
  state[5] = v2h
  state[6] = v3l
  state[7] = v3h
}
