import { validationError, type EmbeddedError } from '../../errors.js'
import { isUsd, parseAmount } from '../../money.js'
import { LABEL_MESSAGES } from './label-messages.js'

const required = (path: string, name: string): EmbeddedError => ({ code: 'Required', message: `${name} required.`, path, _links: {} })
const invalid = (path: string, message: string): EmbeddedError => ({ code: 'Invalid', message, path, _links: {} })

/**
 * A body's `amount`, `{"value": "10.00", "currency": "USD"}`, as cents: read by the one money
 * parser every path uses (src/money.ts), so a number, an exponent or a third decimal is refused as
 * everywhere. `signed`: a ledger entry's value may start with a minus sign (`"-5.00"`, Dwolla's own
 * example) and is then negative; zero is never an amount. Throws a ValidationError naming each
 * problem at its JSON pointer (`/amount/value`, `/amount/currency`).
 */
export function readAmount(body: unknown, options: { signed?: boolean } = {}): number {
  const amount = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>).amount : undefined
  if (amount === undefined || amount === null) throw validationError([required('/amount', 'Amount')])
  if (typeof amount !== 'object' || Array.isArray(amount)) throw validationError([invalid('/amount', LABEL_MESSAGES.invalidAmount)])
  const { value, currency } = amount as Record<string, unknown>
  const problems: EmbeddedError[] = []
  const negative = options.signed === true && typeof value === 'string' && value.startsWith('-')
  const parsed = parseAmount(negative ? value.slice(1) : value)
  if ('problem' in parsed) {
    problems.push(parsed.problem === 'missing' && !negative ? required('/amount/value', 'Value') : invalid('/amount/value', LABEL_MESSAGES.invalidAmount))
  }
  if (currency === undefined || currency === null || currency === '') problems.push(required('/amount/currency', 'Currency'))
  else if (!isUsd(currency)) problems.push(invalid('/amount/currency', 'Currency invalid.'))
  if (problems.length > 0 || 'problem' in parsed) throw validationError(problems)
  return negative ? -parsed.cents : parsed.cents
}
