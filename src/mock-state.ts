import { Clock } from './clock.js'
import { resolveOptions, type MockDwollaOptions, type ResolvedOptions } from './config.js'
import { CustomerDirectory, type CustomerSeed } from './resources/customers/customer-directory.js'
import { DwollaError, StartupError } from './errors.js'
import { EventStore } from './resources/events/event-store.js'
import { FixtureRules } from './fixture-rules/fixture-rules.js'
import { loadDefaultFixtures, loadFixtureSources } from './fixture-rules/fixture-sources.js'
import { createCredentialCheck, type CredentialCheck } from './http/client-credentials.js'
import { RequestJournal } from './journal/request-journal.js'
import { readStateFile, StateFileWriter } from './persistence/state-file.js'
import { ApplicationRegistry } from './tokens/application-registry.js'
import { TokenStore, type IssuedToken } from './tokens/token-store.js'
import { retryDelays } from './webhook-delivery/retry-schedule.js'
import { Webhooks } from './webhook-delivery/webhooks.js'

/** What an application access token stands for. */
export interface AccessTokenDetails {
  clientId: string
}

/** What a client token was issued for: the action and, except for customer.create, the customer. */
export interface ClientTokenDetails {
  clientId: string
  action: string
  customerId: string | undefined
}

/** A token as `tokens()` lists it. */
export type TokenView<T> = { token: string; issuedAt: string; expiresAt: string; expired: boolean } & T

export interface TokenListing {
  accessTokens: Array<TokenView<AccessTokenDetails>>
  clientTokens: Array<TokenView<ClientTokenDetails>>
}

/** Everything a running mock remembers, and the controls a test suite uses on it. */
export interface MockState {
  /** The options in force: those given, over fixture settings, over DEFAULTS. */
  options: ResolvedOptions
  credentialCheck: CredentialCheck
  readonly clock: Clock
  readonly accessTokens: TokenStore<AccessTokenDetails>
  readonly clientTokens: TokenStore<ClientTokenDetails>
  readonly fixtures: FixtureRules
  readonly journal: RequestJournal
  /** Every application's customers and idempotency records, and their events. */
  readonly customers: CustomerDirectory
  /** Every application's events, raised by the customers' transitions. */
  readonly events: EventStore
  /** Webhook subscriptions, the delivery history, and the engine delivering each event. */
  readonly webhooks: Webhooks
  /** Writes the state file after changes, when there is one (`stateFile`). */
  readonly stateFile: StateFileWriter | undefined
  /** Re-reads the fixture files; on any problem it throws and nothing changes. */
  reloadFixtures(): Promise<void>
  /** The recent tokens (the last `tokenLimit` of each kind, not revoked), with what they were issued for. */
  tokens(): TokenListing
  /**
   * Revokes a token (access or client); it then answers as one never issued. Undefined when it
   * is no token of this server or was already revoked; throws RevocationLimitError when the
   * revocation cannot be remembered (see tokens/revoked-serials.ts).
   */
  revokeToken(token: string): 'access' | 'client' | undefined
  /**
   * Back to the start state: no tokens, empty journal, no runtime rules, counts at zero, clock at
   * zero offset, customers back to the seeds, no events, webhook subscriptions or deliveries.
   */
  reset(): void
}

/**
 * Builds the state from the options as given. Options are checked first, then every fixture
 * source is read and checked, and only then is anything put in force.
 */
export async function createMockState(given: MockDwollaOptions): Promise<MockState> {
  const first = resolveOptions(given)
  const defaults = first.defaultFixtures ? await loadDefaultFixtures() : undefined
  const fixtures = new FixtureRules()
  fixtures.replace('default', defaults?.rules ?? [])

  const settle = async (): Promise<{ options: ResolvedOptions; seeds: CustomerSeed[] }> => {
    const loaded = await loadFixtureSources(first.fixtures)
    // Options given in code win over fixture files; fixture files win over DEFAULTS.
    const options = resolveOptions({ ...loaded.settings, ...given })
    // Fixture files' seeds come after the shipped ones, so a file can redefine a shipped customer.
    const seeds = [...(defaults?.customers ?? []), ...loaded.customers]
    const problem = CustomerDirectory.seedProblem(seeds, options.customerLimit)
    if (problem !== undefined) throw new StartupError(problem)
    fixtures.replace('file', loaded.rules)
    return { options, seeds }
  }
  const { options, seeds } = await settle()
  const clock = new Clock(options.now)
  // Both kinds name their application by its place here, so a token needs no stored record.
  const applications = new ApplicationRegistry()
  const common = { limit: options.tokenLimit, now: clock.now, applications }
  const accessTokens = new TokenStore<AccessTokenDetails>({ ...common, kind: 'access', lifetimeSeconds: options.accessTokenLifetimeSeconds })
  const clientTokens = new TokenStore<ClientTokenDetails>({ ...common, kind: 'client', lifetimeSeconds: options.clientTokenLifetimeSeconds })
  // Configured secrets are redacted wherever they appear in the journal, whatever carries them.
  const journal = new RequestJournal(options.journalLimit, options.journalByteLimit, () => state.options.applications.map((application) => application.secret))
  const customers = new CustomerDirectory({
    customerLimit: options.customerLimit,
    applicationLimit: options.applicationLimit,
    now: clock.now,
    duplicateEmailCheck: options.duplicateEmailCheck,
    seeds,
  })
  const events = new EventStore(options.eventLimit)
  const webhooks = new Webhooks({
    clock,
    subscriptionLimit: options.webhookSubscriptionLimit,
    applicationLimit: options.applicationLimit,
    historyLimit: options.webhookHistoryLimit,
    retryDelays: retryDelays(options.webhookRetrySchedule) as readonly number[],
    timeoutMs: options.webhookTimeoutMs,
    concurrency: options.webhookConcurrency,
  })
  // Every customer transition is recorded as Dwolla's event, and every event delivered.
  customers.events.subscribe((event) => void events.record(event))
  events.subscribe((event) => void webhooks.deliver(event))
  const stateFile = options.stateFile === undefined ? undefined : await restoreStateFile(options.stateFile, customers, webhooks, clock)

  const view = <T>(record: IssuedToken<T>): TokenView<T> => ({
    token: record.token,
    ...record.details,
    issuedAt: new Date(record.issuedAt).toISOString(),
    expiresAt: new Date(record.expiresAt).toISOString(),
    expired: clock.now() >= record.expiresAt,
  })

  const state: MockState = {
    options,
    credentialCheck: createCredentialCheck(options.applications),
    clock,
    accessTokens,
    clientTokens,
    fixtures,
    journal,
    customers,
    events,
    webhooks,
    stateFile,
    async reloadFixtures() {
      const { options: reloaded, seeds: reseeded } = await settle()
      customers.replaceSeeds(reseeded)
      state.options = reloaded
      state.credentialCheck = createCredentialCheck(reloaded.applications)
      accessTokens.lifetimeSeconds = reloaded.accessTokenLifetimeSeconds
      clientTokens.lifetimeSeconds = reloaded.clientTokenLifetimeSeconds
    },
    tokens: () => ({ accessTokens: accessTokens.list().map(view), clientTokens: clientTokens.list().map(view) }),
    revokeToken(token) {
      if (accessTokens.revoke(token)) return 'access'
      if (clientTokens.revoke(token)) return 'client'
      return undefined
    },
    reset() {
      accessTokens.reset()
      clientTokens.reset()
      applications.clear()
      journal.clear()
      fixtures.reset()
      clock.reset()
      customers.reset()
      events.clear()
      webhooks.reset()
    },
  }
  return state
}

/**
 * Loads a state file into the customers and webhook subscriptions, and keeps it written after
 * every change. Whatever the file holds must fit the limits in force; anything wrong stops the
 * start, naming the file.
 */
async function restoreStateFile(path: string, customers: CustomerDirectory, webhooks: Webhooks, clock: Clock): Promise<StateFileWriter> {
  const snapshot = await readStateFile(path)
  try {
    customers.restore(snapshot.applications)
  } catch (error) {
    const what = error instanceof DwollaError ? 'holds more applications or customers than applicationLimit and customerLimit allow' : (error as Error).message
    throw new StartupError(`${path}: ${what}; the state file is left as it is`)
  }
  try {
    webhooks.subscriptionStore.restore(snapshot.webhookSubscriptions)
  } catch {
    throw new StartupError(`${path}: holds more webhook subscriptions than webhookSubscriptionLimit and applicationLimit allow; the state file is left as it is`)
  }
  const writer = new StateFileWriter(path, () => ({ applications: customers.snapshot(), webhookSubscriptions: webhooks.subscriptionStore.snapshot() }), { now: clock.now })
  customers.onChange(() => writer.schedule())
  webhooks.subscriptionStore.onChange(() => writer.schedule())
  return writer
}
