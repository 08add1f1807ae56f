import type { MassPayment } from './mass-payment.js'

/**
 * The webhook topics mass payments raise (dev-portal api-reference/events/index.mdx), the
 * Account's; a Verified Customer's mass payment raises the same with `customer_` in front.
 */
export type MassPaymentTopic = 'mass_payment_created' | 'mass_payment_completed' | 'mass_payment_cancelled'

export const MASS_PAYMENT_TOPICS: readonly string[] = ['mass_payment_created', 'mass_payment_completed', 'mass_payment_cancelled'].flatMap((topic) => [
  topic,
  `customer_${topic}`,
])

/** The topic as raised for the mass payment's payer. */
export function payersTopic(topic: MassPaymentTopic, massPayment: MassPayment): string {
  return massPayment.customerId === undefined ? topic : `customer_${topic}`
}
