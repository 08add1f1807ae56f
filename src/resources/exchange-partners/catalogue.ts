/**
 * Dwolla's exchange partners as a fixed catalogue: the five names `dwolla@1.1.1` accepts (its
 * closed `Name` enum, src/models/components/exchangepartner.ts), with the ids Dwolla's docs list
 * (exchanges/list-exchange-partners.mdx; Checkout.com's from the sandbox), so they are the same on
 * every start. Checkout.com only with `checkoutComPartner`: the SDK before it (Dwolla's own SDK
 * suite's, dwolla-typescript 8090445) knows four names, and one more fails its whole list. Visa, in the docs' list, is left out: it is in neither Dwolla's spec nor the SDK's
 * enum, and one Visa entry makes `exchangePartners.list()` reject the whole list.
 */

/** What the SDK's enum allows, and no more. */
export const PARTNER_NAMES = ['Finicity', 'MX', 'Flinks', 'Plaid', 'Checkout.com'] as const
export type PartnerName = (typeof PARTNER_NAMES)[number]

export interface ExchangePartner {
  /** A lowercase UUID, stable across starts. */
  id: string
  name: PartnerName
  /** When Dwolla added it (inferred dates: Dwolla's docs show Plaid's alone); the list is in this order. */
  created: string
}

/** Ordered by creation date, newest last, as Dwolla lists them (list-exchange-partners.mdx). */
export const EXCHANGE_PARTNERS: readonly ExchangePartner[] = [
  { id: 'a12a48fe-65b6-4b09-9419-715ce39ca40c', name: 'Finicity', created: '2022-05-17T15:04:27.381Z' },
  { id: '2164407f-33c3-4555-a6a1-40d5e9e58744', name: 'MX', created: '2022-11-02T19:41:52.204Z' },
  { id: 'a0b22a57-68df-4450-b507-47c937e64e89', name: 'Flinks', created: '2023-06-20T14:12:45.530Z' },
  { id: 'f53ffb32-c84f-496a-9d9d-acd100d396ef', name: 'Plaid', created: '2023-11-08T17:22:09.717Z' },
  { id: 'd652517d-9c02-4ea4-87af-2977e6cf3850', name: 'Checkout.com', created: '2026-02-03T16:30:00.000Z' },
]

const BY_ID = new Map(EXCHANGE_PARTNERS.map((partner) => [partner.id, partner]))

/** Which partners are served: every one, or every one but Checkout.com (the default). */
export function exchangePartnersServed(checkoutComPartner: boolean): readonly ExchangePartner[] {
  return checkoutComPartner ? EXCHANGE_PARTNERS : EXCHANGE_PARTNERS.filter((partner) => partner.name !== 'Checkout.com')
}

/** A served partner by id, in any letter case. */
export function exchangePartnerById(id: string, checkoutComPartner: boolean): ExchangePartner | undefined {
  const partner = BY_ID.get(id.toLowerCase())
  return partner?.name === 'Checkout.com' && !checkoutComPartner ? undefined : partner
}

const PARTNER_PATH = /\/exchange-partners\/([0-9A-Fa-f-]{36})\/?$/

/**
 * The partner a request's `_links["exchange-partner"].href` names: any host (Dwolla's own, as in
 * the docs' examples, or the mock's), the path `/exchange-partners/<id>`. Undefined for anything else.
 */
export function exchangePartnerFromHref(href: unknown, checkoutComPartner: boolean): ExchangePartner | undefined {
  if (typeof href !== 'string' || href.length > 2048) return undefined
  const match = PARTNER_PATH.exec(href)
  return match === null ? undefined : exchangePartnerById(match[1] as string, checkoutComPartner)
}
