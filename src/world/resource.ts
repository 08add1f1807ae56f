import type { FastifyInstance } from 'fastify'
import type { ResolvedOptions } from '../config.js'
import type { DashboardSection } from '../dashboard/dashboard-section.js'
import type { HalLink } from '../errors.js'
import type { HalLinks, ResourceType } from '../hal/hal-links.js'
import type { OperationHandler } from '../http/openapi-routes.js'
import type { ApplicationWorld, WorldPart } from './application-world.js'
import type { ClientTokenGrant } from './client-token-grants.js'
import type { EmbeddedEntry, MockContext, SandboxPart } from './mock-context.js'
import type { RaisedEvent } from './raised-event.js'

/**
 * One Dwolla resource, as its folder under src/resources/ exports it to the registry: its
 * operations (by operationId, as the OpenAPI document names them), what client tokens may call,
 * its test-double routes under /__mock, and its part of the state file. Everything is optional:
 * the root has operations only; a store without a state-file part lives in memory only.
 */
export interface Resource {
  /** The folder's name. */
  readonly name: string
  readonly operations?: Readonly<Record<string, (context: MockContext) => OperationHandler>>
  readonly clientTokenGrants?: readonly ClientTokenGrant[]
  /** Registers its routes in the admin context (already guarded, prefixed with /__mock). */
  readonly adminRoutes?: (admin: FastifyInstance, context: MockContext) => void
  readonly persisted?: PersistedPart<unknown, unknown>
  /** Back to the start: what it keeps across applications (each application's world is dropped whole). */
  readonly reset?: (context: MockContext) => void
  /**
   * Another resource's events it acts on, by topic, after they are recorded and delivered: funding
   * sources give a newly verified customer its balance, for example, without customers knowing.
   */
  readonly reactions?: Readonly<Record<string, (world: ApplicationWorld, event: RaisedEvent) => void>>
  /**
   * Links it adds to, or takes from, another resource's representation, by that resource's type:
   * beneficial ownership decides whether a business customer has `send`, for example.
   */
  readonly linkDecorations?: Readonly<Partial<Record<ResourceType, LinkDecoration>>>
  /**
   * Entries it adds to another resource's `_embedded.errors`, by that resource's type: a business
   * customer's verification directives, for example.
   */
  readonly embeddedErrors?: Readonly<Partial<Record<ResourceType, EmbeddedErrorsOf>>>
  /** Its part in `POST /sandbox-simulations` (the sandbox-simulations resource calls every resource's). */
  readonly sandbox?: SandboxPart
  /** Its section of the dashboard (/__mock/dashboard): a page of its records at a time, and its actions. */
  readonly dashboard?: DashboardSection
}

/** Changes a representation's `_links` in place: `id` is the represented resource's, in `world`. */
export type LinkDecoration = (world: ApplicationWorld, id: string, links: Record<string, HalLink>, hal: HalLinks) => void

/** The entries for a representation's `_embedded.errors`: `id` is the represented resource's, in `world`. */
export type EmbeddedErrorsOf = (world: ApplicationWorld, id: string, hal: HalLinks) => EmbeddedEntry[]

/**
 * A store's part of the state file: the keys it writes into each application's entry, how it
 * reads them back (checked, each problem named by file and JSON pointer), and how it puts what
 * was read into a world. Persistence calls these from outside; the store never knows about files.
 */
export interface PersistedPart<T, D> {
  readonly part: WorldPart<T>
  /** The keys of an application's entry this part owns (no two parts share one). */
  readonly keys: readonly string[]
  save(value: T): Record<string, unknown>
  /**
   * Reads its keys of an application's entry, each missing key as empty, within the limits in
   * force; throws StartupError naming `path` and the pointer under `at` for anything wrong.
   */
  load(entry: Readonly<Record<string, unknown>>, at: string, path: string, options: ResolvedOptions): D
  /** Puts what `load` read into the world, as it was (no seeds, no events); throws StartupError naming `path`. */
  restore(world: ApplicationWorld, loaded: D, path: string): void
  /**
   * Optional, for a part that holds many records: lets the state file's journal write a change
   * as the records it touched rather than the whole part, so an answer waits for what it changed
   * to reach the disk, not for all the application holds. Without it, a change to the world
   * writes the part whole (when it differs from what was last written).
   */
  readonly records?: PersistedRecords<T>
}

/** How a part's changes are written record by record (see {@link PersistedPart.records}). */
export interface PersistedRecords<T> {
  /** For each key of `save()` whose value is a list of records: the field that names a record (`id`). */
  readonly identity: Readonly<Record<string, string>>
  /**
   * The records changed since the last call, by key, in `save()`'s form (a record as it now is;
   * records are never removed one by one). The first call on a store starts noting its changes
   * and answers undefined: the part is then written whole.
   */
  changes(value: T): Record<string, unknown[]> | undefined
}
