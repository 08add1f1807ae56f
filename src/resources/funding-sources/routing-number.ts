/**
 * ABA routing numbers as Dwolla checks them: nine digits whose first two are a Federal Reserve
 * district (01–12) or a thrift's (21–32), and whose weighted checksum holds:
 * 3·(d1+d4+d7) + 7·(d2+d5+d8) + (d3+d6+d9) ≡ 0 (mod 10). Dwolla's sandbox test number
 * `222222226` passes (dev-portal testing/funding-sources.mdx).
 */
const WEIGHTS = [3, 7, 1, 3, 7, 1, 3, 7, 1] as const

/** What is wrong with a routing number of the right length: undefined when nothing. */
export function routingNumberProblem(value: string): 'length' | 'invalid' | undefined {
  if (value.length !== 9) return 'length'
  if (!/^\d{9}$/.test(value)) return 'invalid'
  const district = Number(value.slice(0, 2))
  if (!((district >= 1 && district <= 12) || (district >= 21 && district <= 32))) return 'invalid'
  let sum = 0
  for (let index = 0; index < 9; index += 1) sum += Number(value[index]) * (WEIGHTS[index] as number)
  return sum % 10 === 0 ? undefined : 'invalid'
}

/** "Account number: 4-17 digits" (create-funding-source-for-customer.mdx). */
export function isAccountNumber(value: string): boolean {
  return /^\d{4,17}$/.test(value)
}
