import type { FundingSource } from './funding-source.js'

/**
 * The webhook topics funding sources and their micro-deposits raise, as Dwolla names them for the
 * Account (dev-portal api-reference/events/index.mdx). A customer's funding source raises the
 * same topic with `customer_` in front (`customer_funding_source_added`).
 */
export type FundingSourceTopic =
  | 'funding_source_added'
  | 'funding_source_removed'
  | 'funding_source_verified'
  | 'funding_source_unverified'
  | 'funding_source_negative'
  | 'funding_source_updated'
  | 'microdeposits_added'
  | 'microdeposits_completed'
  | 'microdeposits_failed'
  | 'microdeposits_maxattempts'

/** Every topic this resource raises, the Account's and the customers', for the document and the docs. */
export const FUNDING_SOURCE_TOPICS: readonly string[] = [
  'funding_source_added',
  'funding_source_removed',
  'funding_source_verified',
  'funding_source_unverified',
  'funding_source_negative',
  'funding_source_updated',
  'microdeposits_added',
  'microdeposits_completed',
  'microdeposits_failed',
  'microdeposits_maxattempts',
].flatMap((topic) => [topic, `customer_${topic}`])

/** The topic as raised for this funding source's owner. */
export function ownersTopic(topic: FundingSourceTopic, source: FundingSource): string {
  return source.customerId === undefined ? topic : `customer_${topic}`
}
