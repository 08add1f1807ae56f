import type { EmbeddedError } from '../../errors.js'
import { isUsd, parseAmount } from '../../money.js'
import { TRANSFER_MESSAGES } from '../transfers/index.js'
import { MASS_PAYMENT_MESSAGES as M, MAX_ITEMS, type MassPaymentExtras } from './mass-payment.js'

/** An item as asked for: the destination funding source's id and the amount in cents. */
export interface ItemRequest {
  destinationId: string
  amount: number
  metadata?: Record<string, string>
  correlationId?: string
}

export interface MassPaymentRequest extends MassPaymentExtras {
  sourceId: string
  deferred: boolean
  items: ItemRequest[]
}

const UUID = /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/
/** Dwolla's correlationId: 1 to 255 characters (initiate.mdx); the transfers' rule. */
const CORRELATION_ID = /^[\x20-\x7E]{1,255}$/
const METADATA_KEYS = 10
const METADATA_VALUE = 255

const problem = (code: EmbeddedError['code'], message: string, path: string): EmbeddedError => ({ code, message, path, _links: {} })

const objectOf = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined

/** The funding-source id a link's href ends with (`…/funding-sources/<id>`), whatever the host; undefined when it names none. */
function fundingSourceIn(links: unknown, relation: string): { id?: string; missing: boolean } {
  const href = objectOf(objectOf(links)?.[relation])?.href
  if (href === undefined || href === null || href === '') return { missing: true }
  if (typeof href !== 'string' || href.length > 2048) return { missing: false }
  const segments = href.replace(/\/$/, '').split('/')
  const id = segments.at(-1) ?? ''
  return segments.at(-2) === 'funding-sources' && UUID.test(id) ? { id: id.toLowerCase(), missing: false } : { missing: false }
}

/** Metadata as Dwolla keeps it: at most 10 string values of at most 255 characters (initiate.mdx); `{}` (what the `dwolla` SDK always sends) is none. */
function readMetadata(value: unknown, path: string, problems: EmbeddedError[]): Record<string, string> | undefined {
  if (value === undefined || value === null) return undefined
  const fields = objectOf(value)
  const entries = fields === undefined ? undefined : Object.entries(fields)
  if (entries === undefined || entries.length > METADATA_KEYS || entries.some(([, each]) => typeof each !== 'string' || each.length > METADATA_VALUE)) {
    problems.push(problem('Invalid', TRANSFER_MESSAGES.invalidMetadata, path))
    return undefined
  }
  return entries.length === 0 ? undefined : (Object.fromEntries(entries) as Record<string, string>)
}

function readCorrelationId(value: unknown, path: string, problems: EmbeddedError[]): string | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value === 'string' && CORRELATION_ID.test(value)) return value
  problems.push(problem('InvalidFormat', TRANSFER_MESSAGES.invalidCorrelationId, path))
  return undefined
}

function readItem(value: unknown, index: number, problems: EmbeddedError[]): ItemRequest | undefined {
  const at = `/items/${index}`
  const item = objectOf(value)
  if (item === undefined) {
    problems.push(problem('Invalid', 'Item invalid.', at))
    return undefined
  }
  const before = problems.length
  const destination = fundingSourceIn(item._links, 'destination')
  if (destination.id === undefined) {
    problems.push(
      destination.missing
        ? problem('Required', M.destinationRequired, `${at}/_links/destination/href`)
        : problem('Invalid', TRANSFER_MESSAGES.receiverNotFound, `${at}/_links/destination/href`),
    )
  }
  const amount = objectOf(item.amount)
  const parsed = parseAmount(amount?.value)
  if ('problem' in parsed) {
    problems.push(
      parsed.problem === 'missing'
        ? problem('Required', TRANSFER_MESSAGES.amountRequired, `${at}/amount/value`)
        : problem('Invalid', TRANSFER_MESSAGES.invalidAmount, `${at}/amount/value`),
    )
  } else if (!isUsd(amount?.currency)) problems.push(problem('Invalid', TRANSFER_MESSAGES.invalidCurrency, `${at}/amount/currency`))
  const metadata = readMetadata(item.metadata, `${at}/metadata`, problems)
  const correlationId = readCorrelationId(item.correlationId, `${at}/correlationId`, problems)
  if (problems.length > before || destination.id === undefined || 'problem' in parsed) return undefined
  return {
    destinationId: destination.id,
    amount: parsed.cents,
    ...(metadata === undefined ? {} : { metadata }),
    ...(correlationId === undefined ? {} : { correlationId }),
  }
}

/**
 * POST /mass-payments' body (create-mass-payment.mdx), every field checked: the source's href,
 * 1 to 5,000 items each with a destination's href and an amount (the one money parser), metadata
 * and correlationIds as transfers take them, `status` `deferred` or none. Every problem is named
 * at its JSON pointer; the funding sources themselves are looked up by the store.
 */
export function readMassPaymentRequest(body: unknown): { request: MassPaymentRequest } | { problems: EmbeddedError[] } {
  const fields = objectOf(body) ?? {}
  const problems: EmbeddedError[] = []
  const source = fundingSourceIn(fields._links, 'source')
  if (source.id === undefined) {
    problems.push(source.missing ? problem('Required', M.sourceRequired, '/_links/source/href') : problem('Invalid', M.invalidSource, '/_links/source/href'))
  }
  const items: ItemRequest[] = []
  if (fields.items === undefined || fields.items === null || (Array.isArray(fields.items) && fields.items.length === 0)) {
    problems.push(problem('Required', M.itemsRequired, '/items'))
  } else if (!Array.isArray(fields.items)) problems.push(problem('Invalid', 'Items invalid.', '/items'))
  else if (fields.items.length > MAX_ITEMS) problems.push(problem('Invalid', M.tooManyItems, '/items'))
  else {
    fields.items.forEach((value: unknown, index: number) => {
      const item = readItem(value, index, problems)
      if (item !== undefined) items.push(item)
    })
  }
  let deferred = false
  if (fields.status !== undefined && fields.status !== null) {
    if (fields.status === 'deferred') deferred = true
    else problems.push(problem('Invalid', 'Status invalid.', '/status'))
  }
  const metadata = readMetadata(fields.metadata, '/metadata', problems)
  const correlationId = readCorrelationId(fields.correlationId, '/correlationId', problems)
  let clearing: MassPaymentExtras['clearing']
  if (fields.clearing !== undefined && fields.clearing !== null) {
    const given = objectOf(fields.clearing)
    if (given === undefined || (given.source !== undefined && given.source !== 'standard') || Object.keys(given).some((key) => key !== 'source')) {
      problems.push(problem('Invalid', TRANSFER_MESSAGES.invalidClearing, '/clearing'))
    } else if (given.source === 'standard') clearing = { source: 'standard' }
  }
  if (problems.length > 0 || source.id === undefined) return { problems }
  return {
    request: {
      sourceId: source.id,
      deferred,
      items,
      ...(metadata === undefined ? {} : { metadata }),
      ...(correlationId === undefined ? {} : { correlationId }),
      ...(clearing === undefined ? {} : { clearing }),
    },
  }
}
