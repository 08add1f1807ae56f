/** A bank body as Dwolla's docs write one, with the sandbox's routing number. */
export function bankBody(accountNumber = '123456789', extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { routingNumber: '222222226', accountNumber, bankAccountType: 'checking', name: 'Jane’s Checking', ...extra }
}

export const VAN_BODY = { name: 'My VAN', type: 'virtual', bankAccountType: 'checking' }

/** Two amounts as the verify body has them. */
export function amounts(first: string, second: string): Record<string, unknown> {
  return { amount1: { value: first, currency: 'USD' }, amount2: { value: second, currency: 'USD' } }
}
