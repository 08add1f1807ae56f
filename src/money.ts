/**
 * Money as Dwolla writes it and as mock-dwolla keeps it. Dwolla's amounts are
 * `{"value": "10.00", "currency": "USD"}` with the value a decimal string (dev-portal
 * api-fundamentals, transfers/initiate.mdx); mock-dwolla keeps every amount as a whole number of
 * cents, so no sum is ever off by a float's rounding. Every path that reads money from a request
 * (micro-deposit amounts, the test double's balances, transfers later) parses it here, once, and
 * the same way.
 */

/** The most any one amount may be: $1,000,000,000.00, far past Dwolla's largest limit ($1 million per Same Day ACH). */
export const MAX_AMOUNT_CENTS = 100_000_000_000

/**
 * A plain decimal: digits, then optionally a point and one or two digits. No sign, no exponent,
 * no spaces, no thousands separators: `"1e3"`, `"-0.01"`, `" 5"` and `"1,000"` are not amounts.
 * At most 12 digits before the point, so nothing longer is ever turned into a number.
 */
const DECIMAL = /^(\d{1,12})(?:\.(\d{1,2}))?$/

/** Why a value is not an amount: missing (absent, null or blank), or not a valid one. */
export type AmountProblem = 'missing' | 'invalid'

/** An amount's value read as cents, or why it cannot be. */
export type ParsedAmount = { cents: number } | { problem: AmountProblem }

/**
 * An amount's `value` as whole cents: a string with at most two decimals, from `0.01` (or `0.00`
 * where zero is allowed) to {@link MAX_AMOUNT_CENTS}. A JSON number is refused, as Dwolla's SDKs
 * always send strings and a number has already lost its exact decimals; so are more than two
 * decimals (Dwolla rounds them for transfers; mock-dwolla refuses them, so no amount is ever
 * changed behind the caller's back), exponents, signs, `NaN` and the empty string.
 */
export function parseAmount(value: unknown, options: { allowZero?: boolean } = {}): ParsedAmount {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return { problem: 'missing' }
  if (typeof value !== 'string') return { problem: 'invalid' }
  const match = DECIMAL.exec(value)
  if (match === null) return { problem: 'invalid' }
  const [, whole = '', fraction = ''] = match
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'))
  if (cents > MAX_AMOUNT_CENTS) return { problem: 'invalid' }
  if (cents === 0 && options.allowZero !== true) return { problem: 'invalid' }
  return { cents }
}

/** Whether an amount's `currency` is Dwolla's only one: `USD` (its own fee examples write `usd`). */
export function isUsd(currency: unknown): boolean {
  return typeof currency === 'string' && currency.toUpperCase() === 'USD'
}

/** Cents as Dwolla writes a value: two decimals, a minus sign for a negative balance (`-12.05`). */
export function formatCents(cents: number): string {
  const sign = cents < 0 ? '-' : ''
  const magnitude = Math.abs(cents)
  return `${sign}${Math.floor(magnitude / 100)}.${String(magnitude % 100).padStart(2, '0')}`
}

/** An amount as Dwolla answers one: `{value: "10.00", currency: "USD"}`. */
export function amountOf(cents: number): { value: string; currency: 'USD' } {
  return { value: formatCents(cents), currency: 'USD' }
}
