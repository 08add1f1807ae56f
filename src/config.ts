import { closestName } from './closest-name.js'
import type { Application } from './http/client-credentials.js'
import type { CustomerCheck, DuplicateEmailCheck } from './fixture-rules/fixture-types.js'

export type { Application }
export type { CustomerCheck, DuplicateEmailCheck }
import { StartupError } from './errors.js'
import type { FixtureSource } from './fixture-rules/fixture-sources.js'
import { JOURNAL_MIN_BYTES } from './journal/request-journal.js'
import { loggerOption, type LoggerOption } from './logger.js'
import { CLIENT_ID_MAX_LENGTH } from './tokens/application-registry.js'
import { MAX_RETRY_DELAY_MS, retryDelays, type RetrySchedule } from './webhook-delivery/retry-schedule.js'
import type { WebhookOrder } from './webhook-delivery/webhook-order.js'

/** Which customers may upload documents (see MockDwollaOptions.documentUploadStatuses). */
export type DocumentUploadStatuses = 'document-or-verified' | 'document'

/** Options for {@link buildServer}; every one has a default (see {@link DEFAULTS}). */
export interface MockDwollaOptions {
  /**
   * The applications whose credentials POST /token accepts. Empty (the default) accepts any
   * non-empty key and secret, so local development needs no keys.
   */
  applications?: readonly Application[]
  /** Lifetime of application access tokens, in seconds; also the `expires_in` answered. */
  accessTokenLifetimeSeconds?: number
  /** Lifetime of client tokens, in seconds ("valid for up to 1 hour" in Dwolla's docs). */
  clientTokenLifetimeSeconds?: number
  /**
   * How many recent tokens of each kind `tokens()` lists (and a lookup finds without any
   * cryptography). Every token stays valid for its lifetime however many are issued: tokens carry
   * what they were issued for, sealed, so none needs a stored record.
   */
  tokenLimit?: number
  /** Largest request body accepted, in bytes; larger bodies get 413. */
  bodyLimit?: number
  /** How many requests the journal keeps (the oldest go first). */
  journalLimit?: number
  /**
   * How many bytes the journal takes, at least 256 KiB: its entries are kept as their text (URL,
   * headers, at most 16 KiB of body, a few labels) in one ring of this size; the oldest go first.
   */
  journalByteLimit?: number
  /** The clock, in milliseconds since the epoch; inject one to test expiry without waiting. */
  now?: () => number
  /**
   * false (the default) logs nothing; true logs at info to stdout; `{ level, stream }` picks the
   * level (`silent` logs nothing) and where the JSON lines go (anything with `write(line)`).
   */
  logger?: LoggerOption
  /**
   * Fixture files (paths) or fixture objects: accepted applications, token lifetimes and rules
   * that answer with Dwolla's errors and faults. Options given here win over fixture settings.
   */
  fixtures?: FixtureSource | readonly FixtureSource[]
  /** The shipped magic values (fixtures/defaults.json); true unless turned off. */
  defaultFixtures?: boolean
  /**
   * How long a client may take to send a whole request, headers and body, in milliseconds; past
   * it the connection is answered 408 and closed. Answering (a fixture's delay) is not counted.
   */
  requestTimeoutMs?: number
  /** How long a client may take to send a request's headers, in milliseconds (at most requestTimeoutMs). */
  headersTimeoutMs?: number
  /**
   * When set, every admin request (`/__mock`) must carry `Authorization: Bearer <adminToken>`; at
   * least 16 characters. `start()` on a non-loopback address makes one up when none is given.
   */
  adminToken?: string
  /**
   * Host names the admin API answers to besides the loopback ones (`localhost`, 127.0.0.1,
   * `[::1]`), which stop DNS rebinding; `['*']` accepts any. `start()` on a non-loopback address
   * accepts any unless given (the token guards it there).
   */
  allowedHosts?: readonly string[]
  /**
   * The base URL of `Location` and every `_links` href, e.g. `https://dwolla.test` behind a
   * proxy. Unset (the default), each request's own scheme and Host header are used.
   */
  publicUrl?: string
  /**
   * How POST /client-tokens treats `_links.customer.href`: `exists` (the default) requires a
   * customer of the calling application; `any` accepts any href of the right form, for teams
   * that do not use the Customers API.
   */
  customerCheck?: CustomerCheck
  /** Most customers one application holds; past it POST /customers answers MaxNumberOfResources. */
  customerLimit?: number
  /**
   * Most applications whose state (customers, events, webhook subscriptions, ...) is kept at
   * once. Past it the least recently used application's state is dropped, and a line names it:
   * a call is never refused for a limit its own application did not reach.
   */
  applicationLimit?: number
  /**
   * Most bytes all applications' stores hold together, counted at each record's worst case.
   * Past it the least recently used applications' state is dropped, as for applicationLimit.
   */
  storeByteLimit?: number
  /** Which customers an email must not repeat: `all` (the default), `active` (not deactivated) or `off`. */
  duplicateEmailCheck?: DuplicateEmailCheck
  /**
   * A file that keeps customers, idempotency records, webhook subscriptions, funding sources,
   * balances and on-demand authorizations across restarts: read at start (a
   * corrupt one stops the start), written atomically after changes. Unset (the default), state
   * lives in memory only.
   */
  stateFile?: string
  /** Most events kept per application (the oldest go first); Dwolla keeps 30 days of them. */
  eventLimit?: number
  /**
   * Most webhook subscriptions per application; past it POST /webhook-subscriptions answers
   * MaxNumberOfResources (Dwolla's sandbox allows 10, production 5).
   */
  webhookSubscriptionLimit?: number
  /** How long a webhook receiver has to answer, in milliseconds (Dwolla: 10 seconds). */
  webhookTimeoutMs?: number
  /**
   * When failed webhooks are tried again: `scaled` (the default: Dwolla's schedule with each hour
   * a second, 72 s in all), `dwolla` (15 min, 45 min, 2 h, 3 h, 6 h, 12 h, 24 h, 24 h), or a
   * list of delays in milliseconds (`[]`: never). Driven by the mock's clock.
   */
  webhookRetrySchedule?: RetrySchedule
  /** Webhook deliveries in flight to one subscription at once (Dwolla: bursts of up to 10). */
  webhookConcurrency?: number
  /**
   * Webhooks kept per application with their attempts, for the history and the test double.
   * Making room, one whose delivery is over goes first, then the oldest; a new one never does.
   * An application's webhooks also hold at most a quarter of storeByteLimit.
   */
  webhookHistoryLimit?: number
  // --- options: funding sources, micro-deposits, balances (issue 20) ---
  /**
   * Most active banks and VANs one customer may have (its balance is not counted); past it
   * `POST /customers/{id}/funding-sources` answers MaxNumberOfResources "The maximum number of
   * banks have been added." Dwolla has allowed 2 since 2020 (its docs say no more today).
   */
  customerBankLimit?: number
  /**
   * Most funding sources one application holds besides balances, removed ones included (removed
   * funding sources stay readable, as at Dwolla); past it a create answers MaxNumberOfResources.
   */
  fundingSourceLimit?: number
  /**
   * Banks added by their routing and account numbers are `verified` at once, as Dwolla's own test
   * application sees them, unless the body says `verified: false`. Off (the default), they are
   * `unverified` until their micro-deposits are verified, as Dwolla documents.
   */
  autoVerifyBanks?: boolean

  // --- options: transfers, mass payments, labels, simulations (issue 21) ---
  /**
   * Most transfers an application keeps (every leg and fee counts one). Transfers are money, so
   * none is ever dropped: past it POST /transfers answers MaxNumberOfResources.
   */
  transferLimit?: number
  /**
   * Most labels an application holds at once; past it POST /customers/{id}/labels answers
   * MaxNumberOfResources. A removed label frees its room.
   */
  labelLimit?: number
  /**
   * Most label ledger entries an application holds at once (a label's first entry and a
   * reallocation's two count); past it a create answers MaxNumberOfResources.
   */
  labelLedgerEntryLimit?: number
  /** Most mass payments an application keeps; past it POST /mass-payments answers MaxNumberOfResources. */
  massPaymentLimit?: number
  /** Most mass payment items an application keeps, all its mass payments' together; past it POST /mass-payments answers MaxNumberOfResources. */
  massPaymentItemLimit?: number

  // --- options: verification (issue 22) ---
  /** Most beneficial owners one application holds; past it a create answers MaxNumberOfResources. */
  beneficialOwnerLimit?: number
  /** Most documents one application holds; past it an upload answers MaxNumberOfResources. */
  documentLimit?: number
  /** Most KBA sessions one application keeps; past it the oldest is forgotten (as an unknown id). */
  kbaSessionLimit?: number
  /**
   * Which customers may upload a document: `document-or-verified` (the default: customers in
   * `document`, and verified ones, as Dwolla's own SDK suite does against its sandbox) or
   * `document` (only customers in `document`, as Dwolla's documentation says).
   */
  documentUploadStatuses?: DocumentUploadStatuses

  // --- options: open banking (issue 23) ---
  /**
   * Lists Checkout.com among the exchange partners (and serves its sessions). Off by default:
   * `dwolla@1.1.1` accepts it, but earlier `dwolla` releases have a closed enum of four partner
   * names and reject a whole partner list that has it.
   */
  checkoutComPartner?: boolean

  // --- options: the test double (issue 26) ---
  /**
   * `shuffle` sends the webhooks made together (one request's events, say) in a random order
   * rather than the order they were made: Dwolla promises no order, and a suite should not come
   * to rely on the one it gets here by chance. `in-order` is the default.
   */
  webhookOrder?: WebhookOrder
}

export interface ResolvedOptions {
  readonly applications: readonly Application[]
  readonly accessTokenLifetimeSeconds: number
  readonly clientTokenLifetimeSeconds: number
  readonly tokenLimit: number
  readonly bodyLimit: number
  readonly journalLimit: number
  readonly journalByteLimit: number
  readonly now: () => number
  readonly logger: LoggerOption
  readonly fixtures: readonly FixtureSource[]
  readonly defaultFixtures: boolean
  readonly requestTimeoutMs: number
  readonly headersTimeoutMs: number
  readonly adminToken: string | undefined
  readonly allowedHosts: readonly string[]
  readonly publicUrl: string | undefined
  readonly customerCheck: CustomerCheck
  readonly customerLimit: number
  readonly applicationLimit: number
  readonly storeByteLimit: number
  readonly duplicateEmailCheck: DuplicateEmailCheck
  readonly stateFile: string | undefined
  readonly eventLimit: number
  readonly webhookSubscriptionLimit: number
  readonly webhookTimeoutMs: number
  readonly webhookRetrySchedule: RetrySchedule
  readonly webhookConcurrency: number
  readonly webhookHistoryLimit: number
  // --- resolved options: funding sources, micro-deposits, balances (issue 20) ---
  readonly customerBankLimit: number
  readonly fundingSourceLimit: number
  readonly autoVerifyBanks: boolean

  // --- resolved options: transfers, mass payments, labels, simulations (issue 21) ---
  readonly transferLimit: number
  readonly labelLimit: number
  readonly labelLedgerEntryLimit: number
  readonly massPaymentLimit: number
  readonly massPaymentItemLimit: number

  // --- resolved options: verification (issue 22) ---
  readonly beneficialOwnerLimit: number
  readonly documentLimit: number
  readonly kbaSessionLimit: number
  readonly documentUploadStatuses: DocumentUploadStatuses

  // --- resolved options: open banking (issue 23) ---
  readonly checkoutComPartner: boolean

  // --- resolved options: the test double (issue 26) ---
  readonly webhookOrder: WebhookOrder
}

export const DEFAULTS: ResolvedOptions = Object.freeze({
  applications: Object.freeze([]),
  // Dwolla's documented example answers expires_in 3599.
  accessTokenLifetimeSeconds: 3599,
  clientTokenLifetimeSeconds: 3600,
  // Far more than a development session or a CI job holds at once (SDKs fetch one token an hour
  // per client); past it the oldest goes. Larger limits cost memory under sustained load.
  tokenLimit: 1_000,
  // Both request bodies are a few hundred bytes; 64 KiB leaves room for tolerated extras.
  bodyLimit: 64 * 1024,
  journalLimit: 1000,
  // 1,000 ordinary entries take about 1 MiB; this leaves room for large bodies and still keeps the
  // journal a small part of the process's memory.
  journalByteLimit: 8 * 1024 * 1024,
  now: Date.now,
  logger: false,
  fixtures: Object.freeze([]),
  defaultFixtures: true,
  // Fastify sets no request timeout, so a body sent a byte at a time held its connection for good.
  // Bodies here are at most 64 KiB: a real client sends one in milliseconds.
  requestTimeoutMs: 30_000,
  headersTimeoutMs: 10_000,
  adminToken: undefined,
  allowedHosts: Object.freeze([]),
  publicUrl: undefined,
  customerCheck: 'exists',
  // A development session or a CI run holds tens to hundreds of customers in one or two
  // applications; a suite with a key per test file, hundreds of applications.
  customerLimit: 5_000,
  applicationLimit: 1_000,
  // What all applications' stores may hold together, each record counted at its worst case: a
  // full application's customers count 35 MiB (5,000 at 7 KiB, CUSTOMER_BYTES), so seven full
  // ones, or thousands of small ones.
  storeByteLimit: 256 * 1024 * 1024,
  duplicateEmailCheck: 'all',
  stateFile: undefined,
  // An event takes about 200 bytes: 1,000 per application is 2 MiB across ten applications.
  eventLimit: 1_000,
  // Dwolla's sandbox cap ("up to ten active webhook subscriptions in Sandbox").
  webhookSubscriptionLimit: 10,
  webhookTimeoutMs: 10_000,
  webhookRetrySchedule: 'scaled',
  webhookConcurrency: 10,
  // Per application: ten subscriptions each sent a burst of 1,000 events in one go are all
  // delivered. A webhook with one small answer holds about 3 KiB (27 MiB for 10,000, measured);
  // the bytes are bounded apart, at a quarter of storeByteLimit (docs/webhooks.md, Bounds).
  webhookHistoryLimit: 10_000,
  // --- defaults: funding sources, micro-deposits, balances (issue 20) ---
  // "A maximum of 2 active funding sources" per customer (Dwolla/v2-ach-api-docs, 2020).
  customerBankLimit: 2,
  // Room for every customer of a full application (customerLimit 5,000) with two banks and a
  // removed one, besides its balance; each counts 4 KiB towards storeByteLimit, so a full
  // application's funding sources count 80 MiB at their worst.
  fundingSourceLimit: 15_000,
  autoVerifyBanks: false,

  // --- defaults: transfers, mass payments, labels, simulations (issue 21) ---
  // Each counts 6 KiB (and its request's strings) towards storeByteLimit: 240 MiB for a full
  // application, which is never dropped while at work (raise storeByteLimit for more).
  transferLimit: 40_000,
  // Dwolla documents no bound on labels or mass payments. A full application's labels count at
  // most 22 MiB towards storeByteLimit (2 KiB a label, 512 bytes a ledger entry, 1 KiB a
  // reallocation), its mass payments 100 MiB (2 KiB a mass payment or item, besides their strings).
  labelLimit: 1_000,
  labelLedgerEntryLimit: 20_000,
  massPaymentLimit: 1_000,
  massPaymentItemLimit: 50_000,

  // --- defaults: verification (issue 22) ---
  // A business has at most four owners (the 25% rule); these bound the stores, not a customer.
  beneficialOwnerLimit: 5_000,
  documentLimit: 5_000,
  // A session lives two minutes once read: a thousand is far more than a suite keeps open.
  kbaSessionLimit: 1_000,
  documentUploadStatuses: 'document-or-verified',

  // --- defaults: open banking (issue 23) ---
  checkoutComPartner: false,

  // --- defaults: the test double (issue 26) ---
  webhookOrder: 'in-order',
})

/** The names {@link buildServer} takes: those DEFAULTS has a value for. */
export const OPTION_NAMES: readonly string[] = Object.freeze(Object.keys(DEFAULTS))

/**
 * A misspelt option would otherwise be ignored without a word (`aplications: []` accepting any
 * credentials): every given name must be known, and a wrong one is named with the closest.
 */
export function rejectUnknownOptions(given: object, known: readonly string[]): void {
  for (const name of Object.keys(given)) {
    if (known.includes(name)) continue
    const hint = closestName(name, known)
    throw new StartupError(`option ${name}: not an option${hint === undefined ? '' : `; did you mean ${hint}?`}`)
  }
}

function positiveInteger(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new StartupError(`option ${name}: expected a positive integer, got ${JSON.stringify(value)}`)
  }
  return value
}

/** Ten years: longer than any test suite needs, and a token's expiry must fit what it carries. */
const LIFETIME_MAX_SECONDS = 10 * 365 * 24 * 3600

function lifetime(name: string, value: unknown): number {
  const seconds = positiveInteger(name, value)
  if (seconds > LIFETIME_MAX_SECONDS) {
    throw new StartupError(`option ${name}: expected at most ${LIFETIME_MAX_SECONDS.toLocaleString('en')} seconds (ten years), got ${seconds}`)
  }
  return seconds
}

function journalBytes(value: unknown): number {
  const bytes = positiveInteger('journalByteLimit', value)
  if (bytes < JOURNAL_MIN_BYTES) {
    throw new StartupError(
      `option journalByteLimit: expected at least ${JOURNAL_MIN_BYTES.toLocaleString('en')} bytes (room for the largest entry), got ${bytes}`,
    )
  }
  return bytes
}

function applicationList(value: unknown): readonly Application[] {
  if (!Array.isArray(value)) {
    // Named by its type, never quoted: the value may hold a secret.
    const got = value === null ? 'null' : typeof value === 'object' ? 'an object' : typeof value
    throw new StartupError(`option applications: expected an array of {key, secret}, got ${got}`)
  }
  return Object.freeze(
    value.map((app: unknown, index) => {
      const { key, secret } = (app ?? {}) as Partial<Application>
      if (typeof key !== 'string' || key === '' || typeof secret !== 'string' || secret === '') {
        throw new StartupError(`option applications[${index}]: expected non-empty strings key and secret`)
      }
      if (key.length > CLIENT_ID_MAX_LENGTH) {
        throw new StartupError(`option applications[${index}]: key longer than ${CLIENT_ID_MAX_LENGTH} characters`)
      }
      return Object.freeze({ key, secret })
    }),
  )
}

/** Fills in defaults and checks every option, naming the one that is wrong. Never mutates. */
export function resolveOptions(options: MockDwollaOptions = {}): ResolvedOptions {
  rejectUnknownOptions(options, OPTION_NAMES)
  const merged = { ...DEFAULTS, ...stripUndefined(options) }
  if (typeof merged.now !== 'function') {
    throw new StartupError('option now: expected a function returning milliseconds')
  }
  return Object.freeze({
    applications: applicationList(merged.applications),
    accessTokenLifetimeSeconds: lifetime('accessTokenLifetimeSeconds', merged.accessTokenLifetimeSeconds),
    clientTokenLifetimeSeconds: lifetime('clientTokenLifetimeSeconds', merged.clientTokenLifetimeSeconds),
    tokenLimit: positiveInteger('tokenLimit', merged.tokenLimit),
    bodyLimit: positiveInteger('bodyLimit', merged.bodyLimit),
    journalLimit: positiveInteger('journalLimit', merged.journalLimit),
    journalByteLimit: journalBytes(merged.journalByteLimit),
    now: merged.now,
    logger: loggerOption(merged.logger),
    fixtures: fixtureSources(merged.fixtures),
    defaultFixtures: booleanOption('defaultFixtures', merged.defaultFixtures),
    ...timeouts(merged.requestTimeoutMs, merged.headersTimeoutMs),
    adminToken: adminToken(merged.adminToken),
    allowedHosts: hostList(merged.allowedHosts),
    publicUrl: merged.publicUrl === undefined ? undefined : baseUrl(merged.publicUrl),
    customerCheck: oneOf('customerCheck', merged.customerCheck, ['exists', 'any'] as const),
    customerLimit: positiveInteger('customerLimit', merged.customerLimit),
    applicationLimit: positiveInteger('applicationLimit', merged.applicationLimit),
    storeByteLimit: positiveInteger('storeByteLimit', merged.storeByteLimit),
    duplicateEmailCheck: oneOf('duplicateEmailCheck', merged.duplicateEmailCheck, ['all', 'active', 'off'] as const),
    stateFile: merged.stateFile === undefined ? undefined : nonEmptyString('stateFile', merged.stateFile),
    eventLimit: positiveInteger('eventLimit', merged.eventLimit),
    webhookSubscriptionLimit: positiveInteger('webhookSubscriptionLimit', merged.webhookSubscriptionLimit),
    webhookTimeoutMs: atMost('webhookTimeoutMs', positiveInteger('webhookTimeoutMs', merged.webhookTimeoutMs), MAX_RETRY_DELAY_MS),
    webhookRetrySchedule: retrySchedule(merged.webhookRetrySchedule),
    webhookConcurrency: positiveInteger('webhookConcurrency', merged.webhookConcurrency),
    webhookHistoryLimit: positiveInteger('webhookHistoryLimit', merged.webhookHistoryLimit),
    // --- checks: funding sources, micro-deposits, balances (issue 20) ---
    customerBankLimit: positiveInteger('customerBankLimit', merged.customerBankLimit),
    fundingSourceLimit: positiveInteger('fundingSourceLimit', merged.fundingSourceLimit),
    autoVerifyBanks: booleanOption('autoVerifyBanks', merged.autoVerifyBanks),

    // --- checks: transfers, mass payments, labels, simulations (issue 21) ---
    transferLimit: positiveInteger('transferLimit', merged.transferLimit),
    labelLimit: positiveInteger('labelLimit', merged.labelLimit),
    labelLedgerEntryLimit: positiveInteger('labelLedgerEntryLimit', merged.labelLedgerEntryLimit),
    massPaymentLimit: positiveInteger('massPaymentLimit', merged.massPaymentLimit),
    massPaymentItemLimit: positiveInteger('massPaymentItemLimit', merged.massPaymentItemLimit),

    // --- checks: verification (issue 22) ---
    beneficialOwnerLimit: positiveInteger('beneficialOwnerLimit', merged.beneficialOwnerLimit),
    documentLimit: positiveInteger('documentLimit', merged.documentLimit),
    kbaSessionLimit: positiveInteger('kbaSessionLimit', merged.kbaSessionLimit),
    documentUploadStatuses: oneOf('documentUploadStatuses', merged.documentUploadStatuses, ['document-or-verified', 'document'] as const),

    // --- checks: open banking (issue 23) ---
    checkoutComPartner: booleanOption('checkoutComPartner', merged.checkoutComPartner),

    // --- checks: the test double (issue 26) ---
    webhookOrder: oneOf('webhookOrder', merged.webhookOrder, ['in-order', 'shuffle'] as const),
  })
}

function atMost(name: string, value: number, limit: number): number {
  if (value > limit) throw new StartupError(`option ${name}: expected at most ${limit}, got ${value}`)
  return value
}

function retrySchedule(value: unknown): RetrySchedule {
  const delays = retryDelays(value)
  if (typeof delays === 'string') throw new StartupError(`option webhookRetrySchedule: ${delays}`)
  return typeof value === 'string' ? (value as RetrySchedule) : delays
}

/** Never quoted back: it is a secret. Sent in a header, so printable ASCII without spaces. */
function adminToken(value: unknown): string | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'string' || !/^[\x21-\x7e]{16,}$/.test(value)) {
    throw new StartupError('option adminToken: expected at least 16 printable ASCII characters without spaces')
  }
  return value
}

function hostList(value: unknown): readonly string[] {
  if (!Array.isArray(value) || !value.every((host) => typeof host === 'string' && /^(\*|[^\s/@]+)$/.test(host))) {
    throw new StartupError(`option allowedHosts: expected a list of host names (or "*"), got ${JSON.stringify(value)}`)
  }
  return Object.freeze([...(value as string[])])
}

/** Node refuses a headers timeout longer than the request timeout: say so in our words first. */
function timeouts(request: unknown, headers: unknown): { requestTimeoutMs: number; headersTimeoutMs: number } {
  const requestTimeoutMs = positiveInteger('requestTimeoutMs', request)
  const headersTimeoutMs = positiveInteger('headersTimeoutMs', headers)
  if (headersTimeoutMs > requestTimeoutMs) {
    throw new StartupError(
      `option headersTimeoutMs: ${headersTimeoutMs} is longer than requestTimeoutMs (${requestTimeoutMs}); the headers are part of the request`,
    )
  }
  return { requestTimeoutMs, headersTimeoutMs }
}

function oneOf<T extends string>(name: string, value: unknown, allowed: readonly T[]): T {
  if (!(allowed as readonly unknown[]).includes(value)) {
    throw new StartupError(`option ${name}: expected one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`)
  }
  return value as T
}

function nonEmptyString(name: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') throw new StartupError(`option ${name}: expected a file path, got ${JSON.stringify(value)}`)
  return value
}

/** An absolute http(s) URL without query or fragment, kept without its trailing slash. */
function baseUrl(value: unknown): string {
  let url: URL | undefined
  try {
    url = typeof value === 'string' ? new URL(value) : undefined
  } catch {
    url = undefined
  }
  if (url === undefined || !['http:', 'https:'].includes(url.protocol) || url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    throw new StartupError(`option publicUrl: expected an http or https URL without query, fragment or credentials, got ${JSON.stringify(value)}`)
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`
}

function booleanOption(name: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw new StartupError(`option ${name}: expected true or false, got ${JSON.stringify(value)}`)
  return value
}

/** One source or a list of them; each a path or a fixture object (checked in depth when loaded). */
function fixtureSources(value: unknown): readonly FixtureSource[] {
  const list = Array.isArray(value) ? value : [value]
  list.forEach((source, index) => {
    if (typeof source !== 'string' && (typeof source !== 'object' || source === null || Array.isArray(source))) {
      throw new StartupError(`option fixtures[${index}]: expected a file path or a fixture object, got ${JSON.stringify(source)}`)
    }
  })
  return Object.freeze([...(list as FixtureSource[])])
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
}
