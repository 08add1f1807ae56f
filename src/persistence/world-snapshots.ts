import { createHash } from 'node:crypto'
import type { ResolvedOptions } from '../config.js'
import { childPointer } from '../json-pointer.js'
import type { PersistedPart } from '../world/resource.js'
import type { ApplicationWorld } from '../world/application-world.js'
import type { Worlds } from '../world/worlds.js'
import { corruptStateFile, type ApplicationEntry, type StateSnapshot } from './state-file.js'

/** What the state file holds now: an entry per application, each part writing its own keys. */
export function snapshotWorlds(worlds: Worlds, parts: ReadonlyArray<PersistedPart<unknown, unknown>>): StateSnapshot {
  return { applications: worlds.all().map((world) => entryOf(world, parts)) }
}

/** An application's entry as it is now: each part that the world has writes its keys. */
export function entryOf(world: ApplicationWorld, parts: ReadonlyArray<PersistedPart<unknown, unknown>>): ApplicationEntry {
  const entry: ApplicationEntry = { application: world.clientId }
  for (const persisted of parts) {
    const value = world.peek(persisted.part)
    if (value !== undefined) Object.assign(entry, persisted.save(value))
  }
  return entry
}

/**
 * What each world's parts were last written as, so a change is journaled as what changed: a part
 * with records (world/resource.ts) says which changed; any other part is written whole, unless
 * it is what was last written (compared by digest, so nothing of it is kept here).
 */
export class JournaledParts {
  readonly #digests = new WeakMap<ApplicationWorld, Map<PersistedPart<unknown, unknown>, string>>()

  constructor(private readonly parts: ReadonlyArray<PersistedPart<unknown, unknown>>) {}

  /** A world as the state file already holds it (restored): only its changes from now on are written. */
  prime(world: ApplicationWorld): void {
    this.changesOf(world)
  }

  /** The world's changes since they were last asked for, as a journal record's `set` and `merge`; empty when none. */
  changesOf(world: ApplicationWorld): { set?: Record<string, unknown>; merge?: Record<string, unknown[]> } {
    const set: Record<string, unknown> = {}
    const merge: Record<string, unknown[]> = {}
    for (const persisted of this.parts) {
      const value = world.peek(persisted.part)
      if (value === undefined) continue
      const changed = persisted.records?.changes(value)
      if (changed !== undefined) {
        for (const [key, records] of Object.entries(changed)) if (records.length > 0) merge[key] = records
        continue
      }
      const saved = persisted.save(value)
      if (persisted.records === undefined && !this.#differs(world, persisted, saved)) continue
      Object.assign(set, saved)
    }
    return { ...(Object.keys(set).length > 0 ? { set } : {}), ...(Object.keys(merge).length > 0 ? { merge } : {}) }
  }

  /** Whether a part saved differs from what was last written of it; remembers it as written. */
  #differs(world: ApplicationWorld, persisted: PersistedPart<unknown, unknown>, saved: Record<string, unknown>): boolean {
    const digest = createHash('sha256').update(JSON.stringify(saved)).digest('base64')
    const digests = this.#digests.get(world) ?? new Map<PersistedPart<unknown, unknown>, string>()
    this.#digests.set(world, digests)
    if (digests.get(persisted) === digest) return false
    digests.set(persisted, digest)
    return true
  }
}

/**
 * Makes every application's world as the state file holds it. Each entry is read by every part
 * (a key no part owns is refused, so a misspelt one is not silently dropped) before any world is
 * made; anything wrong throws StartupError naming the file and the place, and nothing is made.
 */
export function restoreWorlds(
  snapshot: StateSnapshot,
  parts: ReadonlyArray<PersistedPart<unknown, unknown>>,
  worlds: Worlds,
  path: string,
  options: ResolvedOptions,
): void {
  if (snapshot.applications.length > options.applicationLimit) {
    throw corruptStateFile(path, '/applications', `${snapshot.applications.length} applications, more than applicationLimit (${options.applicationLimit})`)
  }
  const known = new Set(['application', ...parts.flatMap((persisted) => persisted.keys)])
  const loaded = snapshot.applications.map((entry, index) => {
    const at = `/applications/${index}`
    const unknown = Object.keys(entry).find((key) => !known.has(key))
    if (unknown !== undefined) throw corruptStateFile(path, childPointer(at, unknown), `unknown key "${unknown}"`)
    // A part whose keys the entry does not have was never made for that application: it is not made now.
    const present = parts.filter((persisted) => persisted.keys.some((key) => Object.hasOwn(entry, key)))
    return { application: entry.application, parts: present.map((persisted) => ({ persisted, data: persisted.load(entry, at, path, options) })) }
  })
  for (const { application, parts: read } of loaded) {
    worlds.restore(application, (world) => {
      for (const { persisted, data } of read) persisted.restore(world, data, path)
    })
  }
}

/** An entry's list at one of its keys (a missing key is an empty list); anything else is a corrupt file. */
export function listInEntry(entry: Readonly<Record<string, unknown>>, key: string, at: string, path: string): unknown[] {
  const value = entry[key]
  if (value === undefined) return []
  if (!Array.isArray(value)) throw corruptStateFile(path, childPointer(at, key), 'expected an array')
  return value
}
