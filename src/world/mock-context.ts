import type { Clock } from '../clock.js'
import type { ResolvedOptions } from '../config.js'
import type { FixtureRules } from '../fixture-rules/fixture-rules.js'
import type { CredentialCheck } from '../http/client-credentials.js'
import type { RequestJournal } from '../journal/request-journal.js'
import type { StateFileControls } from '../persistence/state-file-controls.js'
import type { AccessTokenDetails, ClientTokenDetails, TokenListing } from '../tokens/token-kinds.js'
import type { TokenStore } from '../tokens/token-store.js'
import type { Webhooks } from '../webhook-delivery/webhooks.js'
import type { ClientTokenGrants } from './client-token-grants.js'
import type { HalLink } from '../errors.js'
import type { HalLinks, ResourceType } from '../hal/hal-links.js'
import type { ApplicationWorld, ServiceKey } from './application-world.js'
import type { Worlds } from './worlds.js'
import type { ResetOptions } from '../reset-options.js'

/**
 * What a running mock gives its resources' operations and routes: the options in force, the
 * clock, the tokens, every application's world, and the webhooks. It names no resource; a
 * resource reaches another's store through that resource's exported parts.
 */
export interface MockContext {
  /** The options in force: those given, over fixture settings, over DEFAULTS (replaced on reload). */
  readonly options: ResolvedOptions
  readonly credentialCheck: CredentialCheck
  readonly clock: Clock
  readonly accessTokens: TokenStore<AccessTokenDetails>
  readonly clientTokens: TokenStore<ClientTokenDetails>
  readonly clientTokenGrants: ClientTokenGrants
  /** The fixture rules in force. */
  readonly fixtures: FixtureRules
  /** The requests received, secrets redacted. */
  readonly journal: RequestJournal
  /** Every application's world: `worlds.open(clientId).get(PART)`. */
  readonly worlds: Worlds
  /** Webhook subscriptions' deliveries: the history, the engine, the test double's view. */
  readonly webhooks: Webhooks
  /** What a resource keeps across applications, made on first use. */
  service<T>(key: ServiceKey<T>): T
  /** Every resource's part in `POST /sandbox-simulations`, from the registry, in its order. */
  readonly sandboxParts: readonly SandboxPart[]
  /** Lets every resource that decorates this type's links change them (world/resource.ts). */
  decorateLinks(resourceType: ResourceType, world: ApplicationWorld, id: string, links: Record<string, HalLink>, hal: HalLinks): void
  /** What every resource adds to this type's `_embedded.errors` (world/resource.ts); empty when none does. */
  embeddedErrors(resourceType: ResourceType, world: ApplicationWorld, id: string, hal: HalLinks): EmbeddedEntry[]
  /** Keeps the state file as the stores are, when there is one (`stateFile`): each change on disk before its answer. */
  readonly stateFile: StateFileControls | undefined
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
   * Back to the start state: empty journal, no runtime rules, counts at zero, clock at zero
   * offset, every application's world dropped (customers come back as the seeds), no deliveries.
   * Tokens stay valid unless `tokens: true`. With an `application`, that application only (its
   * world, deliveries, journal records and own clock offset; with `tokens: true`, its tokens).
   */
  reset(options?: ResetOptions): void
}

/** An entry of a representation's `_embedded.errors`: Dwolla's codes there are open (verification directives). */
export interface EmbeddedEntry {
  code: string
  message: string
  path?: string
  _links: Record<string, HalLink>
}

/**
 * What a resource does when the sandbox is asked to simulate: Dwolla's `POST /sandbox-simulations`
 * with no body processes the application's pending bank transfers and micro-deposits; with a
 * `type` it does that type's simulation (`customer-verification`, `virtual`).
 */
export interface SandboxPart {
  /** An empty body: processes what this resource has pending for the application; returns how many it changed. */
  processPending?(world: ApplicationWorld, mock: MockContext): number
  /** Bodies with these `type`s: each handles its body and says what to answer. */
  readonly types?: Readonly<Record<string, SandboxSimulation>>
}

/** One typed simulation: the body as sent (`type` included); throws a DwollaError to refuse it. */
export type SandboxSimulation = (
  world: ApplicationWorld,
  body: Readonly<Record<string, unknown>>,
  mock: MockContext,
  hal: HalLinks,
) => { status: number; body: unknown }
