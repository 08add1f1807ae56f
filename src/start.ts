import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { OPTION_NAMES, rejectUnknownOptions, type MockDwollaOptions } from './config.js'
import type { Clock } from './clock.js'
import type { CustomerControls } from './resources/customers/index.js'
import type { EventFilter, EventView } from './resources/events/index.js'
import type { BalanceControls } from './resources/balances/index.js'
import type { FundingSourceControls } from './resources/funding-sources/index.js'
import type { FixtureRules } from './fixture-rules/fixture-rules.js'
import type { JournalEntry, JournalFilter } from './journal/request-journal.js'
import type { TokenListing } from './mock-state.js'
import { generateAdminToken } from './admin/admin-guard.js'
import { watchFixtureFiles } from './fixture-rules/watch-fixture-files.js'
import { StartupError } from './errors.js'
import { isLoopbackAddress, isLoopbackHost } from './loopback.js'
import { buildServer } from './server.js'
import type { WebhookControls } from './webhook-delivery/webhooks.js'
import type { ResetOptions } from './reset-options.js'
import { readFilter } from './test-double-filters.js'

export interface StartOptions extends MockDwollaOptions {
  /** Address to bind; loopback unless told otherwise, so the mock is never exposed by accident. */
  host?: string
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number
  /** Reload fixture files when they change. A broken edit keeps the last good fixtures in force. */
  watchFixtures?: boolean
  /** Told of every reload that `watchFixtures` makes: no argument when it worked, the error when not. */
  onFixturesReload?: (error?: Error) => void
  /**
   * On `close()`, how long requests in flight may take to finish before every connection is
   * closed regardless (a silent client or a trickled body must not hold a shutdown).
   */
  shutdownGraceMs?: number
}

export interface RunningMockDwolla {
  /** Base URL, e.g. `http://127.0.0.1:54321`: the `serverURL`/`apiUrl` to give an SDK. */
  readonly url: string
  readonly host: string
  readonly port: number
  /** The Fastify instance, for `inject()` and the mock's state. */
  readonly app: FastifyInstance
  /** The fixture rules in force: `add(rule)`, `list()`, `clear()`. Rules added here are checked first. */
  readonly fixtures: FixtureRules
  /** Re-reads the fixture files now; rejects (changing nothing) if one is broken. */
  reloadFixtures(): Promise<void>
  /**
   * The requests received, oldest first, secrets redacted; filter by application, operation,
   * path, method, status or code (as `GET /__mock/requests` does). An unknown key or operationId
   * throws, naming the closest valid one.
   */
  requests(filter?: JournalFilter): JournalEntry[]
  /** The recent access and client tokens (the last `tokenLimit` of each kind), with what they were issued for. */
  tokens(): TokenListing
  /**
   * Revokes a token; it then answers InvalidAccessToken. Says which kind it was, if any. Throws
   * RevocationLimitError past 100,000 separate runs of unexpired revoked tokens.
   */
  revokeToken(token: string): 'access' | 'client' | undefined
  /**
   * The mock's clock: `clock.advance(ms)` to reach expiry without waiting, for every application;
   * `clock.advance(ms, { application })` for one only (its tokens, webhook retries and dates).
   */
  readonly clock: Clock
  /**
   * The customers: `list()`, `get(id)`, `create(body, { status })`, `setStatus(id, status)`, each
   * with an optional `{ application }` (without one: every application that has the customer).
   */
  readonly customers: CustomerControls
  /**
   * Every application's events, oldest first; filter by `application`, `topic`, `customerId` (an
   * id or a customer href) or `resourceId`, as `GET /__mock/events` does.
   */
  events(filter?: EventFilter): EventView[]
  /**
   * The funding sources: `list({ application, customer })`, `get(id)`, `create(body, { application,
   * customer })`, checked as the API checks them.
   */
  readonly fundingSources: FundingSourceControls
  /** The balances: `get(id)`, and `set(id, '100.00')`, which posts the difference through the ledger. */
  readonly balances: BalanceControls
  /**
   * The sandbox's "process bank transfers" for an application, as `POST /sandbox-simulations`
   * answers it (`{ status, body }`, body `{ _links, total }`): its pending bank legs and
   * micro-deposits processed, their webhooks raised; `await webhooks.settle()` delivers them.
   */
  simulate(options: { application: string; body?: Readonly<Record<string, unknown>> }): { status: number; body: unknown }
  /**
   * Webhooks: `deliveries(filter?)` (every attempt, with the request sent and the response),
   * `settle()` (resolves once every delivery due by the mock's clock has been attempted: await it
   * instead of sleeping), `pending()` (retries waiting) and `subscriptions()` (without secrets).
   */
  readonly webhooks: WebhookControls
  /**
   * Back to the start state: journal, runtime fixtures and their counts, clock, customers (back
   * to the seeds), funding sources, events, webhook subscriptions and deliveries. Tokens issued
   * stay valid (a backend's SDK client keeps its cached token) unless `{ tokens: true }`. With
   * `{ application }`, that application only: its state, deliveries, journal records and own
   * clock offset (and with `tokens: true`, its tokens).
   */
  reset(options?: ResetOptions): void
  /**
   * Stops accepting connections and closes idle ones at once; requests in flight get
   * `shutdownGraceMs` to finish, then every connection is closed.
   */
  close(): Promise<void>
  /**
   * The token the admin API (`/__mock`) needs as `Authorization: Bearer <token>`: the one given,
   * or one made up when listening on a non-loopback address; undefined when none is needed.
   * Never logged.
   */
  readonly adminToken: string | undefined
}

export const DEFAULT_HOST = '127.0.0.1'
export const DEFAULT_SHUTDOWN_GRACE_MS = 2000

/** What start() takes besides buildServer's options (a name missing here is refused as unknown). */
const START_ONLY_OPTIONS = ['host', 'port', 'watchFixtures', 'onFixturesReload', 'shutdownGraceMs'] as const satisfies ReadonlyArray<keyof StartOptions>

/** Builds the mock and listens. Resolves once it accepts connections. */
export async function start(options: StartOptions = {}): Promise<RunningMockDwolla> {
  rejectUnknownOptions(options, [...OPTION_NAMES, ...START_ONLY_OPTIONS])
  const { host = DEFAULT_HOST, port = 0, watchFixtures = false, onFixturesReload, shutdownGraceMs = DEFAULT_SHUTDOWN_GRACE_MS, ...serverOptions } = options
  if (!Number.isInteger(shutdownGraceMs) || shutdownGraceMs < 0) {
    throw new StartupError(`option shutdownGraceMs: expected a whole number of milliseconds, got ${JSON.stringify(shutdownGraceMs)}`)
  }
  // Off loopback, anyone who can reach the port could list tokens and add rules: the admin API
  // then needs a token (made up when none is given), and any Host name is accepted, since other
  // machines reach the mock by names of their own. Decided before listening, so there is no
  // moment when it listens unguarded.
  const exposed = !isLoopbackHost(host)
  const app = await buildServer({
    ...serverOptions,
    adminToken: serverOptions.adminToken ?? (exposed ? generateAdminToken() : undefined),
    allowedHosts: serverOptions.allowedHosts ?? (exposed ? ['*'] : undefined),
  })
  const state = app.mockDwolla
  try {
    await app.listen({ host, port })
  } catch (error) {
    await app.close()
    throw error
  }
  const paths = state.options.fixtures.filter((source) => typeof source === 'string')
  const stopWatching =
    watchFixtures && paths.length > 0
      ? watchFixtureFiles(paths, () => {
          state.reloadFixtures().then(
            () => onFixturesReload?.(),
            (error: Error) => onFixturesReload?.(error),
          )
        })
      : () => undefined
  const address = app.server.address() as AddressInfo
  if (!isLoopbackAddress(address.address)) {
    app.log.warn(
      `listening on ${address.address}: reachable from other machines. mock-dwolla accepts any credentials unless applications are configured; the admin API needs its token.`,
    )
  }
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address
  const url = `http://${urlHost}:${address.port}`
  return {
    url,
    host: address.address,
    port: address.port,
    app,
    fixtures: state.fixtures,
    reloadFixtures: () => state.reloadFixtures(),
    requests: (filter) => state.journal.list(readFilter('requests', filter)),
    tokens: () => state.tokens(),
    revokeToken: (token) => state.revokeToken(token),
    clock: state.clock,
    customers: state.customers,
    events: (filter) => state.events.all(readFilter('events', filter)),
    fundingSources: state.fundingSources,
    balances: state.balances,
    simulate: ({ application, body }) => state.simulate(application, body, state.options.publicUrl ?? url),
    webhooks: state.webhooks,
    reset: (options) => state.reset(options),
    close: async () => {
      stopWatching()
      // Fastify stops accepting and closes the idle keep-alive connections. A connection whose
      // request finishes later turns idle too, and is closed on the next sweep. What is still open
      // after the grace period (a client that never finishes its request) is cut.
      const sweep = setInterval(() => app.server.closeIdleConnections(), 50)
      const cutOff = setTimeout(() => app.server.closeAllConnections(), shutdownGraceMs)
      try {
        await app.close()
      } finally {
        clearInterval(sweep)
        clearTimeout(cutOff)
      }
    },
    adminToken: state.options.adminToken,
  }
}
