/**
 * A small part of Dwolla's business-classification directory (GET /business-classifications):
 * each business classification groups industry classifications, and a business customer names
 * one industry classification as its `businessClassification`. The ids and names are the
 * sandbox's own, as a captured sandbox answer lists them; they include the two that official
 * code creates business customers with (`9ed3f670-…` Coffee and tea, in Dwolla's spec examples,
 * and `9ed38155-…` Women's clothing, in Dwolla's business-customer examples). The real
 * directory is larger (27 business classifications); this subset is enough to create every kind
 * of business customer and to browse as the drop-in components do.
 */

export interface IndustryClassification {
  readonly id: string
  readonly name: string
}

export interface BusinessClassification {
  readonly id: string
  readonly name: string
  readonly industries: readonly IndustryClassification[]
}

export const BUSINESS_CLASSIFICATIONS: readonly BusinessClassification[] = [
  {
    id: '9ed3f669-7d6f-11e3-b545-5404a6144203',
    name: 'Food retail and service',
    industries: [
      { id: '9ed3f670-7d6f-11e3-b1ce-5404a6144203', name: 'Coffee and tea' },
      { id: '9ed3f673-7d6f-11e3-adb1-5404a6144203', name: 'Restaurant' },
      { id: '9ed3f66f-7d6f-11e3-b1df-5404a6144203', name: 'Catering services' },
      { id: '9ed3f66b-7d6f-11e3-95ac-5404a6144203', name: 'Wineries' },
    ],
  },
  {
    id: '9ed38152-7d6f-11e3-9042-5404a6144203',
    name: 'Clothing, accessories, and shoes',
    industries: [
      { id: '9ed38155-7d6f-11e3-83c3-5404a6144203', name: "Women's clothing" },
      { id: '9ed38154-7d6f-11e3-9b0d-5404a6144203', name: "Men's clothing" },
      { id: '9ed3a840-7d6f-11e3-a314-5404a6144203', name: 'Shoes' },
    ],
  },
  {
    id: '9ed3a846-7d6f-11e3-8a79-5404a6144203',
    name: 'Computers, accessories, and services',
    industries: [
      { id: '9ed3a851-7d6f-11e3-92a4-5404a6144203', name: 'Software' },
      { id: '9ed3a853-7d6f-11e3-a35d-5404a6144203', name: 'Web hosting and design' },
      { id: '9ed3a84a-7d6f-11e3-b682-5404a6144203', name: 'eCommerce services' },
    ],
  },
  {
    id: '9ed35a3b-7d6f-11e3-83c8-5404a6144203',
    name: 'Business to business',
    industries: [
      { id: '9ed3813c-7d6f-11e3-82cc-5404a6144203', name: 'Consulting services' },
      { id: '9ed35a3c-7d6f-11e3-be28-5404a6144203', name: 'Accounting' },
      { id: '9ed38146-7d6f-11e3-89d6-5404a6144203', name: 'Marketing' },
    ],
  },
]

const BY_ID = new Map(BUSINESS_CLASSIFICATIONS.map((classification) => [classification.id, classification]))
const INDUSTRY_IDS = new Set(BUSINESS_CLASSIFICATIONS.flatMap((classification) => classification.industries.map((industry) => industry.id)))

/** A business classification by id (ids are compared lowercased, as Dwolla writes them). */
export function businessClassificationById(id: string): BusinessClassification | undefined {
  return BY_ID.get(id.toLowerCase())
}

/** Whether a business customer may name this id as its `businessClassification`. */
export function isIndustryClassification(id: string): boolean {
  return INDUSTRY_IDS.has(id.toLowerCase())
}
