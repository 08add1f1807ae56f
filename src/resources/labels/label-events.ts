/**
 * The webhook topics labels raise (dev-portal api-reference/events/index.mdx): customer topics
 * only, as Dwolla has no Account-level label topics.
 */
export type LabelTopic = 'customer_label_created' | 'customer_label_ledger_entry_created' | 'customer_label_removed'

/** Every topic this resource raises, for the document and the docs. */
export const LABEL_TOPICS: readonly LabelTopic[] = ['customer_label_created', 'customer_label_ledger_entry_created', 'customer_label_removed']
