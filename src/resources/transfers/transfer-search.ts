import type { EmbeddedError } from '../../errors.js'
import { parseAmount } from '../../money.js'
import type { Customer } from '../customers/index.js'
import { TRANSFER_STATUSES, type Party, type Transfer, type TransferStatus } from './transfer.js'

/** The filters of a transfer list (list-and-search-transfers-for-a-customer.mdx). */
export interface TransferFilter {
  /** Lowercased: matched against a party's names, email and id. */
  search?: string
  startAmount?: number
  endAmount?: number
  /** Milliseconds: created at or after. */
  startDate?: number
  /** Milliseconds: created before (the end of the day given). */
  endDate?: number
  statuses?: ReadonlySet<TransferStatus>
  correlationId?: string
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/
const DAY_MS = 24 * 60 * 60 * 1000

function readDay(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined
  const match = DAY.exec(value)
  if (match === null) return undefined
  const at = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))
  return Number.isNaN(at) || new Date(at).toISOString().slice(0, 10) !== value ? undefined : at
}

function invalid(path: string, message: string): EmbeddedError {
  return { code: 'InvalidFormat', message, path, _links: {} }
}

/** The list's query read: the filters, or the problems (400 ValidationError at each parameter). */
export function readTransferFilter(query: Readonly<Record<string, unknown>>): { filter: TransferFilter } | { problems: EmbeddedError[] } {
  const problems: EmbeddedError[] = []
  const filter: TransferFilter = {}
  const one = (name: string): unknown => {
    const value = query[name]
    return Array.isArray(value) ? value[value.length - 1] : value
  }
  const search = one('search')
  if (typeof search === 'string' && search.trim() !== '') filter.search = search.trim().toLowerCase()
  for (const [name, key] of [
    ['startAmount', 'startAmount'],
    ['endAmount', 'endAmount'],
  ] as const) {
    const value = one(name)
    if (value === undefined || value === '') continue
    const parsed = parseAmount(value, { allowZero: true })
    if ('problem' in parsed) problems.push(invalid(`/${name}`, `${name} must be an amount, such as 10.00.`))
    else filter[key] = parsed.cents
  }
  for (const name of ['startDate', 'endDate'] as const) {
    const value = one(name)
    if (value === undefined || value === '') continue
    const day = readDay(value)
    if (day === undefined) problems.push(invalid(`/${name}`, `${name} must be a date, YYYY-MM-DD.`))
    else filter[name] = name === 'startDate' ? day : day + DAY_MS
  }
  const status = query.status
  if (status !== undefined && status !== '') {
    const values: unknown[] = (Array.isArray(status) ? (status as unknown[]) : [status]).flatMap((value) =>
      typeof value === 'string' ? value.split(',') : [value],
    )
    if (values.every((value): value is TransferStatus => (TRANSFER_STATUSES as readonly unknown[]).includes(value))) filter.statuses = new Set(values)
    else problems.push({ code: 'Invalid', message: `Status must be one of ${TRANSFER_STATUSES.join(', ')}.`, path: '/status', _links: {} })
  }
  const correlationId = one('correlationId')
  if (typeof correlationId === 'string' && correlationId !== '') filter.correlationId = correlationId
  return problems.length > 0 ? { problems } : { filter }
}

/** Whether a filter asks for anything: an unfiltered page costs the page alone. */
function isEmpty(filter: TransferFilter): boolean {
  return Object.keys(filter).length === 0
}

function partyMatches(party: Party, search: string, accountId: string, customerOf: (id: string) => Customer | undefined): boolean {
  if (party.kind === 'account') return accountId.includes(search)
  if (party.customerId.includes(search)) return true
  const customer = customerOf(party.customerId)
  if (customer === undefined) return false
  return [customer.firstName, customer.lastName, customer.email, customer.businessName].some(
    (field) => field !== undefined && field.toLowerCase().includes(search),
  )
}

export function matches(transfer: Transfer, filter: TransferFilter, accountId: string, customerOf: (id: string) => Customer | undefined): boolean {
  if (filter.statuses !== undefined && !filter.statuses.has(transfer.status)) return false
  if (filter.startAmount !== undefined && transfer.amount < filter.startAmount) return false
  if (filter.endAmount !== undefined && transfer.amount > filter.endAmount) return false
  if (filter.startDate !== undefined && transfer.created < filter.startDate) return false
  if (filter.endDate !== undefined && transfer.created >= filter.endDate) return false
  if (filter.correlationId !== undefined && transfer.correlationId !== filter.correlationId) return false
  const { search } = filter
  if (
    search !== undefined &&
    !partyMatches(transfer.source, search, accountId, customerOf) &&
    !partyMatches(transfer.destination, search, accountId, customerOf)
  )
    return false
  return true
}

/**
 * A page of a party's transfers, newest first (inferred: Dwolla documents no order), and how many
 * match in all. Without filters the page is sliced from the party's list (its cost is the page's,
 * whatever the number stored); with filters every transfer of the party is looked at once.
 */
export function searchTransfers(
  transfers: readonly Transfer[],
  filter: TransferFilter,
  window: { limit: number; offset: number },
  accountId: string,
  customerOf: (id: string) => Customer | undefined,
): { page: Transfer[]; total: number } {
  const { limit, offset } = window
  if (isEmpty(filter)) {
    const page: Transfer[] = []
    for (let index = transfers.length - 1 - offset; index >= 0 && page.length < limit; index -= 1) page.push(transfers[index] as Transfer)
    return { page, total: transfers.length }
  }
  const page: Transfer[] = []
  let total = 0
  for (let index = transfers.length - 1; index >= 0; index -= 1) {
    const transfer = transfers[index] as Transfer
    if (!matches(transfer, filter, accountId, customerOf)) continue
    if (total >= offset && page.length < limit) page.push(transfer)
    total += 1
  }
  return { page, total }
}
