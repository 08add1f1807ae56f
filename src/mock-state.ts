import { Clock } from './clock.js'
import { resolveOptions, type MockDwollaOptions, type ResolvedOptions } from './config.js'
import { StartupError } from './errors.js'
import { FixtureRules } from './fixture-rules/fixture-rules.js'
import { loadDefaultFixtures, loadFixtureSources } from './fixture-rules/fixture-sources.js'
import { HalLinks } from './hal/hal-links.js'
import { createCredentialCheck, type CredentialCheck } from './http/client-credentials.js'
import { RequestJournal } from './journal/request-journal.js'
import { openStateFile } from './persistence/open-state-file.js'
import type { StateFileWriter } from './persistence/state-file-writer.js'
import { RESOURCES } from './resources/registry.js'
import {
  customerControls,
  customerDocumentProblem,
  CUSTOMER_SEEDS,
  CustomerSeeds,
  type CustomerControls,
  type CustomerDocument,
  type CustomerSeed,
} from './resources/customers/index.js'
import { eventRepresentation, eventViews, EVENTS, type EventFilter, type EventView } from './resources/events/index.js'
import { balanceControls, type BalanceControls } from './resources/balances/index.js'
import { fundingSourceControls, type FundingSourceControls } from './resources/funding-sources/index.js'
import { simulate, type SimulationAnswer } from './resources/sandbox-simulations/index.js'
import { deliveryTargets } from './resources/webhook-subscriptions/index.js'
import { ApplicationRegistry } from './tokens/application-registry.js'
import type { AccessTokenDetails, ClientTokenDetails, TokenListing, TokenView } from './tokens/token-kinds.js'
import { TokenStore, type IssuedToken } from './tokens/token-store.js'
import { retryDelays } from './webhook-delivery/retry-schedule.js'
import { Webhooks } from './webhook-delivery/webhooks.js'
import type { ApplicationWorld, ServiceKey, WorldServer } from './world/application-world.js'
import { ClientTokenGrants } from './world/client-token-grants.js'
import type { MockContext } from './world/mock-context.js'
import type { EmbeddedErrorsOf, LinkDecoration } from './world/resource.js'
import { Worlds } from './world/worlds.js'
import type { RaisedEvent } from './world/raised-event.js'
import { readResetOptions } from './reset-options.js'

export type { AccessTokenDetails, ClientTokenDetails, TokenListing, TokenView }

/** Everything a running mock remembers, and the controls a test suite uses on it. */
export interface MockState extends MockContext {
  /** The options in force: those given, over fixture settings, over DEFAULTS. */
  options: ResolvedOptions
  credentialCheck: CredentialCheck
  /** The test double's customers: every application's. */
  readonly customers: CustomerControls
  /** The test double's events: every application's, oldest first. */
  readonly events: { all(filter?: EventFilter): EventView[] }
  /** The test double's funding sources: every application's. */
  readonly fundingSources: FundingSourceControls
  /** The test double's balances: read one, or set one through the ledger. */
  readonly balances: BalanceControls
  /**
   * POST /sandbox-simulations for an application, in process: the same code path as the API's
   * (no body: process its pending bank transfers and micro-deposits). hrefs in the answer are on
   * `baseUrl`. Webhooks follow; `webhooks.settle()` delivers them.
   */
  simulate(application: string, body?: Readonly<Record<string, unknown>>, baseUrl?: string): SimulationAnswer
  /** The state file's writer, when there is one: the server hooks it to every answer and to close. */
  readonly stateFile: StateFileWriter | undefined
}

/** Every resource's state-file part, from the registry. */
const PERSISTED_PARTS = RESOURCES.flatMap((resource) => (resource.persisted === undefined ? [] : [resource.persisted]))

/** Every resource's reactions to events, by topic, from the registry. */
const REACTIONS = groupBy(RESOURCES.flatMap((resource) => Object.entries(resource.reactions ?? {})))

/** Every resource's decorations of other resources' links, by the decorated type, from the registry. */
const LINK_DECORATIONS = groupBy<LinkDecoration>(RESOURCES.flatMap((resource) => Object.entries(resource.linkDecorations ?? {})))

/** Every resource's entries in other resources' `_embedded.errors`, by the represented type, from the registry. */
const EMBEDDED_ERRORS = groupBy<EmbeddedErrorsOf>(RESOURCES.flatMap((resource) => Object.entries(resource.embeddedErrors ?? {})))

function groupBy<T>(entries: ReadonlyArray<[string, T]>): ReadonlyMap<string, readonly T[]> {
  const groups = new Map<string, T[]>()
  for (const [key, value] of entries) groups.set(key, [...(groups.get(key) ?? []), value])
  return groups
}

/**
 * Builds the state from the options as given. Options are checked first, then every fixture
 * source is read and checked, and only then is anything put in force.
 */
export async function createMockState(given: MockDwollaOptions): Promise<MockState> {
  const first = resolveOptions(given)
  const checkSeed = (customer: object) => customerDocumentProblem(customer as CustomerDocument)
  const defaults = first.defaultFixtures ? await loadDefaultFixtures() : undefined
  const fixtures = new FixtureRules()
  fixtures.replace('default', defaults?.rules ?? [])

  // On a reload, `shared` holds the test double's customers made for every application: the new
  // seeds must fit one store with them.
  const settle = async (shared: readonly CustomerSeed[] = []): Promise<{ options: ResolvedOptions; seeds: CustomerSeed[] }> => {
    const loaded = await loadFixtureSources(first.fixtures, checkSeed)
    // Options given in code win over fixture files; fixture files win over DEFAULTS.
    const options = resolveOptions({ ...loaded.settings, ...given })
    // Fixture files' seeds come after the shipped ones, so a file can redefine a shipped customer.
    // The checks above (the schema, then checkSeed) make each one a customer document.
    const seeds = [...(defaults?.customers ?? []), ...loaded.customers] as CustomerSeed[]
    const problem = CustomerSeeds.problem([...seeds, ...shared], options.customerLimit)
    if (problem !== undefined) throw new StartupError(problem)
    fixtures.replace('file', loaded.rules)
    return { options, seeds }
  }
  const { options, seeds } = await settle()
  const clock = new Clock(options.now)
  // Both kinds name their application by its place here, so a token needs no stored record.
  const applications = new ApplicationRegistry()
  // A token's issue and expiry follow its application's clock (clock.ts).
  const common = { limit: options.tokenLimit, now: clock.now, nowFor: clock.nowFor, applications }
  const accessTokens = new TokenStore<AccessTokenDetails>({ ...common, kind: 'access', lifetimeSeconds: options.accessTokenLifetimeSeconds })
  const clientTokens = new TokenStore<ClientTokenDetails>({ ...common, kind: 'client', lifetimeSeconds: options.clientTokenLifetimeSeconds })
  // Configured secrets are redacted wherever they appear in the journal, whatever carries them.
  const journal = new RequestJournal(options.journalLimit, options.journalByteLimit, () => state.options.applications.map((application) => application.secret))

  const services = new Map<ServiceKey<unknown>, unknown>()
  const service = <T>(key: ServiceKey<T>): T => {
    if (!services.has(key)) services.set(key, key.create())
    return services.get(key) as T
  }
  service(CUSTOMER_SEEDS).replace(seeds)

  // What every application's world asks of the server: an event is recorded in the world, then
  // delivered to its webhook subscriptions; a change is weighed and written to the state file.
  // Each world's `now` is its application's clock (clock.ts).
  const serverFor = (clientId: string): WorldServer => ({
    get options() {
      return state.options
    },
    now: () => clock.nowFor(clientId),
    service,
    raise: raiseEvent,
    changed,
  })
  const raiseEvent = (world: ApplicationWorld, raised: RaisedEvent): void => {
    const event = world.get(EVENTS).record(raised)
    // Events are not kept in the state file: the world is only weighed again.
    worlds.reweigh(world)
    webhooks.deliver(world, {
      eventId: event.id,
      topic: event.topic,
      bodyFor: (baseUrl) => JSON.stringify(eventRepresentation(event, new HalLinks(baseUrl))),
    })
    for (const react of REACTIONS.get(raised.topic) ?? []) react(world, raised)
  }
  const changed = (world: ApplicationWorld): void => {
    worlds.reweigh(world)
    stateFile?.changed(world)
  }
  const worlds = new Worlds(serverFor, () => ({ applicationLimit: state.options.applicationLimit, byteLimit: state.options.storeByteLimit }))
  const webhooks = new Webhooks({
    clock,
    worlds,
    targets: deliveryTargets(worlds, service),
    retryDelays: retryDelays(options.webhookRetrySchedule) as readonly number[],
    timeoutMs: options.webhookTimeoutMs,
    concurrency: options.webhookConcurrency,
    order: options.webhookOrder,
  })
  // An application dropped to keep within the bounds takes its webhooks with it, and is dropped
  // from the state file too (server.ts adds the log line).
  worlds.onEvict = (world) => {
    webhooks.forgetApplication(world)
    stateFile?.dropped(world.clientId)
  }
  let stateFile: StateFileWriter | undefined

  const forgetTokensOf = (application: string): void => {
    const place = applications.forget(application)
    if (place === undefined) return
    accessTokens.forgetPlace(place)
    clientTokens.forgetPlace(place)
  }

  const view = <T extends { clientId: string }>(record: IssuedToken<T>): TokenView<T> => ({
    token: record.token,
    ...record.details,
    issuedAt: new Date(record.issuedAt).toISOString(),
    expiresAt: new Date(record.expiresAt).toISOString(),
    expired: clock.nowFor(record.details.clientId) >= record.expiresAt,
  })

  const state: MockState = {
    options,
    credentialCheck: createCredentialCheck(options.applications),
    clock,
    accessTokens,
    clientTokens,
    clientTokenGrants: new ClientTokenGrants(RESOURCES.flatMap((resource) => resource.clientTokenGrants ?? [])),
    fixtures,
    journal,
    worlds,
    webhooks,
    service,
    sandboxParts: RESOURCES.flatMap((resource) => (resource.sandbox === undefined ? [] : [resource.sandbox])),
    decorateLinks(resourceType, world, id, links, hal) {
      for (const decorate of LINK_DECORATIONS.get(resourceType) ?? []) decorate(world, id, links, hal)
    },
    embeddedErrors: (resourceType, world, id, hal) => (EMBEDDED_ERRORS.get(resourceType) ?? []).flatMap((errorsOf) => errorsOf(world, id, hal)),
    get customers() {
      return customerControls(state)
    },
    events: { all: (filter) => eventViews(state, filter) },
    get fundingSources() {
      return fundingSourceControls(state)
    },
    get balances() {
      return balanceControls(state)
    },
    simulate(application, body, baseUrl = state.options.publicUrl ?? 'http://localhost') {
      return simulate(state, worlds.open(application), body === undefined || Object.keys(body).length === 0 ? undefined : body, new HalLinks(baseUrl))
    },
    get stateFile() {
      return stateFile
    },
    async reloadFixtures() {
      const { options: reloaded, seeds: reseeded } = await settle(service(CUSTOMER_SEEDS).shared())
      service(CUSTOMER_SEEDS).replace(reseeded)
      state.options = reloaded
      state.credentialCheck = createCredentialCheck(reloaded.applications)
      accessTokens.lifetimeSeconds = reloaded.accessTokenLifetimeSeconds
      clientTokens.lifetimeSeconds = reloaded.clientTokenLifetimeSeconds
      // The stores read customerLimit and duplicateEmailCheck at each use. applicationLimit and
      // storeByteLimit apply now: weighing the most recently used world again drops the least
      // recently used others until all fit (never that one).
      const latest = worlds.all().at(-1)
      if (latest !== undefined) worlds.reweigh(latest)
    },
    tokens: () => ({ accessTokens: accessTokens.list().map(view), clientTokens: clientTokens.list().map(view) }),
    revokeToken(token) {
      if (accessTokens.revoke(token)) return 'access'
      if (clientTokens.revoke(token)) return 'client'
      return undefined
    },
    reset(options = {}) {
      const { application, tokens } = readResetOptions(options)
      if (application !== undefined) {
        // One application only: its world (customers, funding sources, events, subscriptions,
        // webhooks), its deliveries, its journal records and its own clock offset. The fixture
        // rules and the shared clock are every application's, so they stay.
        const world = worlds.drop(application)
        if (world !== undefined) webhooks.forgetApplication(world, 'reset')
        journal.forgetApplication(application)
        clock.reset({ application })
        if (tokens) forgetTokensOf(application)
        stateFile?.dropped(application)
        return
      }
      // Tokens stay valid unless asked: a backend holds one SDK client, whose cached token must
      // keep working across the resets a suite makes between tests (issue 26).
      if (tokens) {
        accessTokens.reset()
        clientTokens.reset()
        applications.clear()
      }
      journal.clear()
      fixtures.reset()
      clock.reset()
      webhooks.reset()
      worlds.clear()
      for (const resource of RESOURCES) resource.reset?.(state)
      // The file follows: it becomes a snapshot of what is left (docs/customers.md says so).
      stateFile?.reset()
    },
  }
  if (options.stateFile !== undefined) stateFile = await openStateFile(options.stateFile, PERSISTED_PARTS, worlds, options, { now: clock.now })
  return state
}
