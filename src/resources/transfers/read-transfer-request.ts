import type { EmbeddedError } from '../../errors.js'
import { isUsd, parseAmount } from '../../money.js'
import type { TransferExtras } from './transfer.js'
import { TRANSFER_MESSAGES as M } from './transfer-messages.js'

/** A fee as asked: who is charged (a customer's id from its href) and how much. */
export interface FeeRequest {
  chargeToCustomerId: string | undefined
  amount: number
}

/** POST /transfers read and its formats checked: ids still to be looked up. */
export interface TransferRequest extends TransferExtras {
  /** The funding-source ids of `_links.source.href` and `_links.destination.href`, lowercased; undefined when the href names none. */
  sourceId: string | undefined
  destinationId: string | undefined
  /** The destination href names a customer (the legacy form): "Invalid destination." */
  destinationIsCustomer: boolean
  amount: number
  fees: FeeRequest[]
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
/** initiate.mdx: "up to 255 characters", of letters, digits, `-`, `.` and `_`. */
const CORRELATION_ID = /^[A-Za-z0-9\-._]{1,255}$/
/** initiate.mdx: at most 10 pairs, each key and value under 255 characters. */
const METADATA_PAIRS = 10
const METADATA_LENGTH = 255
const ADDENDA_LENGTH = 80
const REMITTANCE_LENGTH = 140
/** How many fees a transfer may carry: Dwolla states none; mock-dwolla bounds it (inferred). */
export const MAX_FEES = 10

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

function problem(code: EmbeddedError['code'], message: string, path: string): EmbeddedError {
  return { code, message, path, _links: {} }
}

/** Each collection's href pattern, made once: compiling it on every request showed in the bench's profile. */
const HREF_PATTERNS = new Map<string, RegExp>()

function hrefPattern(collection: string): RegExp {
  let pattern = HREF_PATTERNS.get(collection)
  if (pattern === undefined) {
    pattern = new RegExp(`/${collection}/([^/?#\\s]+)/?(?:[?#].*)?$`)
    HREF_PATTERNS.set(collection, pattern)
  }
  return pattern
}

/** The id at the end of an href under `/<collection>/` (any host or scheme, as Dwolla resolves them), lowercased. */
export function idInHref(href: unknown, collection: string): string | undefined {
  if (typeof href !== 'string' || href.length > 2048) return undefined
  const match = hrefPattern(collection).exec(href)
  const id = match?.[1]
  return id !== undefined && UUID.test(id) ? id.toLowerCase() : undefined
}

function linkHref(body: Record<string, unknown>, relation: string): unknown {
  const links = body._links
  if (!isObject(links)) return undefined
  const link = links[relation]
  return isObject(link) ? link.href : undefined
}

function readAmountValue(value: unknown, path: string, problems: EmbeddedError[], requiredMessage: string): number | undefined {
  if (!isObject(value)) {
    problems.push(value === undefined ? problem('Required', requiredMessage, path) : problem('InvalidFormat', M.invalidAmount, `${path}/value`))
    return undefined
  }
  const parsed = parseAmount(value.value)
  if ('problem' in parsed) {
    problems.push(problem('InvalidFormat', M.invalidAmount, `${path}/value`))
    return undefined
  }
  if (!isUsd(value.currency)) {
    problems.push(problem('Invalid', M.invalidCurrency, `${path}/currency`))
    return undefined
  }
  return parsed.cents
}

function readMetadata(value: unknown, problems: EmbeddedError[]): Record<string, string> | undefined {
  if (value === undefined || value === null) return undefined
  const valid =
    isObject(value) &&
    Object.keys(value).length <= METADATA_PAIRS &&
    Object.entries(value).every(([key, entry]) => key.length > 0 && key.length < METADATA_LENGTH && typeof entry === 'string' && entry.length < METADATA_LENGTH)
  if (!valid) {
    problems.push(problem('Invalid', M.invalidMetadata, '/metadata'))
    return undefined
  }
  // The `dwolla` SDK always sends `{}` (its outbound schema is an empty object): kept as absent.
  return Object.keys(value).length === 0 ? undefined : { ...(value as Record<string, string>) }
}

function readAddenda(body: Record<string, unknown>, side: 'source' | 'destination', problems: EmbeddedError[]): { addenda: { values: string[] } } | undefined {
  const details = body.achDetails
  if (!isObject(details) || details[side] === undefined) return undefined
  const path = `/achDetails/${side}/addenda/values`
  const sideDetails = details[side]
  const addenda = isObject(sideDetails) ? sideDetails.addenda : undefined
  const values = isObject(addenda) ? addenda.values : undefined
  if (!Array.isArray(values) || values.length !== 1 || typeof values[0] !== 'string' || values[0].length === 0 || values[0].length > ADDENDA_LENGTH) {
    problems.push(problem('InvalidFormat', M.invalidAddenda, path))
    return undefined
  }
  return { addenda: { values: [values[0]] } }
}

function readClearing(value: unknown, problems: EmbeddedError[]): TransferExtras['clearing'] {
  if (value === undefined || value === null) return undefined
  // initiate.mdx: source `standard` or `next-available`; destination `next-available`.
  if (
    !isObject(value) ||
    (value.source !== undefined && value.source !== 'standard' && value.source !== 'next-available') ||
    (value.destination !== undefined && value.destination !== 'next-available') ||
    Object.keys(value).some((key) => key !== 'source' && key !== 'destination')
  ) {
    problems.push(problem('Invalid', M.invalidClearing, '/clearing'))
    return undefined
  }
  const clearing: NonNullable<TransferExtras['clearing']> = {}
  if (typeof value.source === 'string') clearing.source = value.source
  if (typeof value.destination === 'string') clearing.destination = value.destination
  return Object.keys(clearing).length === 0 ? undefined : clearing
}

function readRemittance(body: Record<string, unknown>, problems: EmbeddedError[]): void {
  for (const details of ['rtpDetails', 'instantDetails'] as const) {
    const value = body[details]
    if (value === undefined) continue
    const destination = isObject(value) ? value.destination : undefined
    const data = isObject(destination) ? destination.remittanceData : undefined
    if (data !== undefined && (typeof data !== 'string' || data.length > REMITTANCE_LENGTH)) {
      problems.push(problem('InvalidFormat', M.invalidRemittance, `/${details}/destination/remittanceData`))
    }
  }
}

function readFees(value: unknown, problems: EmbeddedError[]): FeeRequest[] {
  if (value === undefined || value === null) return []
  if (!Array.isArray(value) || value.length > MAX_FEES) {
    problems.push(problem('Invalid', M.invalidFees, '/fees'))
    return []
  }
  const fees: FeeRequest[] = []
  for (const fee of value) {
    if (!isObject(fee)) {
      problems.push(problem('Invalid', M.invalidFees, '/fees'))
      continue
    }
    const chargeTo = linkHref(fee, 'charge-to')
    const amount = isObject(fee.amount) ? parseAmount(fee.amount.value) : ({ problem: 'missing' } as const)
    if ('problem' in amount || !isObject(fee.amount) || !isUsd(fee.amount.currency)) {
      problems.push(problem('Invalid', M.feeBelowMinimum, ''))
      continue
    }
    fees.push({ chargeToCustomerId: idInHref(chargeTo, 'customers'), amount: amount.cents })
  }
  return fees
}

/**
 * The body of POST /transfers, every format problem found at once (initiate.mdx's table, with
 * its paths); the business rules (who may pay whom, funds) come after, one at a time. Returns
 * the request, or the problems.
 */
export function readTransferRequest(body: unknown): { request: TransferRequest } | { problems: EmbeddedError[] } {
  const problems: EmbeddedError[] = []
  const fields = isObject(body) ? body : {}
  const sourceHref = linkHref(fields, 'source')
  const destinationHref = linkHref(fields, 'destination')
  if (sourceHref === undefined || sourceHref === null || sourceHref === '') problems.push(problem('Required', M.sourceRequired, '/_links/source/href'))
  if (destinationHref === undefined || destinationHref === null || destinationHref === '')
    problems.push(problem('Required', M.destinationRequired, '/_links/destination/href'))
  const amount = readAmountValue(fields.amount, '/amount', problems, M.amountRequired)
  const metadata = readMetadata(fields.metadata, problems)
  let correlationId: string | undefined
  if (fields.correlationId !== undefined && fields.correlationId !== null) {
    if (typeof fields.correlationId === 'string' && CORRELATION_ID.test(fields.correlationId)) correlationId = fields.correlationId
    else problems.push(problem('InvalidFormat', M.invalidCorrelationId, '/correlationId'))
  }
  const clearing = readClearing(fields.clearing, problems)
  const achSource = readAddenda(fields, 'source', problems)
  const achDestination = readAddenda(fields, 'destination', problems)
  if (fields.achDetails !== undefined && !isObject(fields.achDetails))
    problems.push(problem('InvalidFormat', M.invalidAddenda, '/achDetails/source/addenda/values'))
  readRemittance(fields, problems)
  let processingChannel: TransferExtras['processingChannel']
  if (fields.processingChannel !== undefined && fields.processingChannel !== null) {
    const destination = isObject(fields.processingChannel) ? fields.processingChannel.destination : undefined
    // `instant` is what initiate.mdx sends; Dwolla's spec also names `real-time-payments`.
    if (destination === 'instant' || destination === 'real-time-payments') processingChannel = { destination: 'real-time-payments' }
    else problems.push(problem('Invalid', M.invalidProcessingChannel, '/processingChannel/destination'))
  }
  const fees = readFees(fields.fees, problems)
  if (problems.length > 0 || amount === undefined) return { problems }
  const request: TransferRequest = {
    sourceId: idInHref(sourceHref, 'funding-sources'),
    destinationId: idInHref(destinationHref, 'funding-sources'),
    destinationIsCustomer: idInHref(destinationHref, 'customers') !== undefined,
    amount,
    fees,
  }
  if (metadata !== undefined) request.metadata = metadata
  if (correlationId !== undefined) request.correlationId = correlationId
  if (clearing !== undefined) request.clearing = clearing
  if (achSource !== undefined || achDestination !== undefined) {
    request.achDetails = {}
    if (achSource !== undefined) request.achDetails.source = achSource
    if (achDestination !== undefined) request.achDetails.destination = achDestination
  }
  if (processingChannel !== undefined) request.processingChannel = processingChannel
  return { request }
}
