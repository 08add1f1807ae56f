import { rename, unlink } from 'node:fs/promises'
import { setTimeout as sleep } from 'node:timers/promises'
import type { ApplicationWorld } from '../world/application-world.js'
import type { PersistedPart } from '../world/resource.js'
import type { Worlds } from '../world/worlds.js'
import { JournalFile, newJournalId, type JournalRecord } from './journal-file.js'
import { writeSnapshot, type SnapshotIo } from './snapshot-writer.js'
import { STATE_FORMAT, STATE_VERSION, type ApplicationEntry, type StateFrame } from './state-file.js'
import type { StateFileControls } from './state-file-controls.js'
import type { StatePaths } from './state-paths.js'
import { entryOf, JournaledParts } from './world-snapshots.js'

export interface StateFileWriterOptions {
  /** The mock's clock, for `savedAt`. */
  now: () => number
  io?: SnapshotIo
  /**
   * Journal bytes past which it is folded into a new snapshot, when the snapshot is smaller: the
   * journal never holds much more than the state itself, and the state is rewritten at most once
   * per its own size in changes.
   */
  compactAtBytes?: number
}

/** The journal is folded into a snapshot once it passes this and the snapshot's size. */
export const COMPACT_AT_BYTES = 1024 * 1024

/** How close retries a failed write on close before it gives up (then close() rejects, and the CLI exits 1). */
const CLOSE_ATTEMPTS = 5
const CLOSE_RETRY_MS = 200
/** A failed write is tried again in the background after a second, then less and less often. */
const RETRY_MS = 1000
const RETRY_MAX_MS = 30_000

interface Deferred {
  promise: Promise<void>
  resolve(): void
}

function deferred(): Deferred {
  let resolve: () => void = () => undefined
  const promise = new Promise<void>((settle) => (resolve = settle))
  return { promise, resolve }
}

/**
 * Keeps the state file as the stores are, and every answer after the change it reports:
 *
 * - A change (a world's, an application dropped) is noted, and within the same turn of the event
 *   loop, with every other change made in it, written to the journal as one append and flushed to
 *   disk. `durable()` is what an answer waits for: the server sends nothing that reports a change
 *   before the change is on disk, so a `kill -9` right after an answer loses nothing it told.
 * - A change costs what it changed: parts with records write those records alone (world/resource.ts).
 * - The journal is folded into a new snapshot once it outgrows the snapshot, in the background,
 *   a few hundred records per turn of the event loop (snapshot-writer.ts): appends carry on into
 *   a new journal meanwhile, and no request waits for the snapshot.
 * - The first write after a start that cannot simply continue the journal (none yet, a version 2
 *   file, a crash mid-append or mid-compaction), after `reset()`, or after a failed write, is a whole
 *   snapshot: the state is then on disk as one file and journals before it are removed.
 * - A failed write is logged (`onError`), answers go out regardless, and it is tried again in the
 *   background; `flush()` (on close) tries again a few times and rejects if the disk still refuses.
 */
export class StateFileWriter implements StateFileControls {
  /** What changed since the last append, by application: its world now, and whether its state was dropped first. */
  readonly #pending = new Map<string, { dropped: boolean; world?: ApplicationWorld }>()
  readonly #changes: JournaledParts
  #journal: JournalFile | undefined
  #snapshotBytes: number
  /** A whole snapshot is due before the next append (after reset(), or a compaction that failed). */
  #snapshotNext = false
  /** What answers made while changes are pending wait for: resolved once those changes are written. */
  #batch: Deferred | undefined
  /** The changes taken and being written. */
  #inFlight: Promise<void> | undefined
  #running: Promise<void> | undefined
  #scheduled = false
  #compaction: Promise<void> | undefined
  #lastError: Error | undefined
  #failures = 0
  #retryTimer: NodeJS.Timeout | undefined
  #snapshots = 0
  #appends = 0
  /** Told of a write that failed (the server logs it); it is tried again. */
  onError: ((error: Error) => void) | undefined
  /** What the start found and did (stale temporary files removed, a torn last line dropped), for the log. */
  readonly notices: readonly string[]

  constructor(
    readonly paths: StatePaths,
    private readonly worlds: Worlds,
    private readonly parts: ReadonlyArray<PersistedPart<unknown, unknown>>,
    loaded: {
      /** The journal the next changes go to; undefined: the first write is a whole snapshot. */
      journal: JournalFile | undefined
      snapshotBytes: number
      /** What the start found and did (stale temporary files removed, a torn last line dropped), for the log. */
      notices: readonly string[]
    },
    private readonly options: StateFileWriterOptions,
  ) {
    this.#journal = loaded.journal
    this.#snapshotBytes = loaded.snapshotBytes
    this.notices = loaded.notices
    this.#changes = new JournaledParts(parts)
    // What was restored is on disk already: only changes from now on are written.
    for (const world of worlds.all()) this.#changes.prime(world)
  }

  /** The state file as given (a symlink is written through: `paths.target`). */
  get path(): string {
    return this.paths.given
  }

  /** Whole snapshots written. */
  get snapshots(): number {
    return this.#snapshots
  }

  /** Appends to the journal. */
  get appends(): number {
    return this.#appends
  }

  /** A world's stores changed. */
  changed(world: ApplicationWorld): void {
    this.#pending.set(world.clientId, { dropped: this.#pending.get(world.clientId)?.dropped ?? false, world })
    this.#schedule()
  }

  /** An application's state was dropped (the bound on all applications). */
  dropped(clientId: string): void {
    this.#pending.set(clientId, { dropped: true })
    this.#schedule()
  }

  /** Everything was dropped (`reset()`): the file becomes a snapshot of what is left. */
  reset(): void {
    this.#pending.clear()
    this.#snapshotNext = true
    this.#schedule()
  }

  /**
   * Resolves once every change made so far is on disk; undefined when nothing is waiting to be
   * written (nothing to wait for), or while the disk refuses writes (answers then go out, and the
   * writes are tried again).
   */
  durable(): Promise<void> | undefined {
    if (this.#lastError !== undefined) return undefined
    if (this.#pending.size > 0 || this.#snapshotNext) return (this.#batch ??= deferred()).promise
    return this.#inFlight
  }

  /**
   * Writes what is pending, then folds the journal into the file, so that after a clean stop the
   * state is the one file (the server calls it on close). A write that fails is tried again a few
   * times; rejects, saying so, if the disk still refuses.
   */
  async flush(): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      clearTimeout(this.#retryTimer)
      await this.#run()
      await this.#compaction
      if (this.#lastError === undefined && this.#journal?.holdsChanges === true) {
        this.#snapshotNext = true
        await this.#run()
      }
      if (this.#lastError === undefined && !this.#hasWork()) break
      if (attempt === CLOSE_ATTEMPTS) {
        const error: NodeJS.ErrnoException | undefined = this.#lastError
        const cause = error?.code ?? error?.message ?? 'a snapshot failed'
        throw new Error(`could not write the state file ${this.path} (${cause}), tried ${attempt} times: the last changes are not on disk`)
      }
      await sleep(CLOSE_RETRY_MS * attempt)
    }
    await this.#journal?.close()
  }

  #hasWork(): boolean {
    return this.#pending.size > 0 || this.#snapshotNext || this.#lastError !== undefined
  }

  /** Changes made in one turn of the event loop are written together, at the end of it. */
  #schedule(): void {
    if (this.#scheduled) return
    this.#scheduled = true
    setImmediate(() => {
      this.#scheduled = false
      void this.#run()
    })
  }

  #run(): Promise<void> {
    this.#running ??= this.#loop().finally(() => (this.#running = undefined))
    return this.#running
  }

  async #loop(): Promise<void> {
    while (this.#hasWork()) {
      let taken: Deferred | undefined
      try {
        if (this.#journal === undefined || this.#snapshotNext) await this.#writeSnapshot()
        // Taken together, in one turn: the answers waiting on `taken` are those whose changes these lines hold.
        taken = this.#batch
        this.#batch = undefined
        const lines = this.#takeLines()
        this.#inFlight = taken?.promise
        if (lines !== '') {
          await (this.#journal as JournalFile).append(lines)
          this.#appends += 1
        }
        this.#lastError = undefined
        this.#failures = 0
      } catch (error) {
        this.#failed(error as Error)
      } finally {
        this.#inFlight = undefined
        taken?.resolve()
      }
      if (this.#lastError !== undefined) {
        // Answers waiting go out: the write is tried again in the background, not while they wait.
        this.#batch?.resolve()
        this.#batch = undefined
        return
      }
      await this.#compactIfDue()
    }
  }

  /** The pending changes as journal lines, each application's in one record. */
  #takeLines(): string {
    let lines = ''
    for (const [application, { dropped, world }] of this.#pending) {
      const record: JournalRecord = { application }
      if (dropped) record.drop = true
      // A world dropped since it changed is not written; one made in its place is.
      if (world !== undefined && this.worlds.find(application) === world) Object.assign(record, this.#changes.changesOf(world))
      if (record.drop === true || record.set !== undefined || record.merge !== undefined) lines += `${JSON.stringify(record)}\n`
    }
    this.#pending.clear()
    return lines
  }

  /**
   * A whole snapshot, naming a new journal; the journals before it are then removed (the snapshot
   * holds all they held, and names neither). Waits for a compaction in progress: one snapshot at
   * a time, in order.
   */
  async #writeSnapshot(): Promise<void> {
    this.#snapshotNext = false
    await this.#compaction
    const id = newJournalId()
    try {
      this.#snapshotBytes = await writeSnapshot(this.paths, this.#frame(id), this.#captures(), this.options.io)
    } catch (error) {
      this.#snapshotNext = true
      throw error
    }
    this.#snapshots += 1
    await this.#journal?.close()
    this.#journal = new JournalFile(this.paths.journal, id)
    for (const path of [this.paths.previousJournal, this.paths.journal]) await unlink(path).catch(() => undefined)
  }

  /**
   * Once the journal outgrows the snapshot: it is set aside (renamed), a new journal that follows
   * it takes the appends, and a snapshot naming the new one is written in the background; when it
   * is in place the old journal is removed. Cut short anywhere, the files still say what to replay
   * (journal-replay.ts).
   */
  async #compactIfDue(): Promise<void> {
    const journal = this.#journal
    // Not while one runs, nor after one failed: its set-aside journal is still needed until a whole snapshot replaces it.
    if (journal === undefined || this.#compaction !== undefined || this.#snapshotNext) return
    if (journal.bytes < Math.max(this.options.compactAtBytes ?? COMPACT_AT_BYTES, this.#snapshotBytes)) return
    const next = new JournalFile(this.paths.journal, newJournalId(), undefined, journal.id)
    try {
      await journal.close()
      await rename(this.paths.journal, this.paths.previousJournal)
      await next.create()
    } catch (error) {
      this.#failed(error as Error)
      return
    }
    this.#journal = next
    this.#compaction = this.#fold(next.id).finally(() => (this.#compaction = undefined))
  }

  async #fold(journal: string): Promise<void> {
    try {
      this.#snapshotBytes = await writeSnapshot(this.paths, this.#frame(journal), this.#captures(), this.options.io)
      this.#snapshots += 1
      await unlink(this.paths.previousJournal)
    } catch (error) {
      // The previous journal and this one still hold every change; the next write starts afresh.
      this.onError?.(error as Error)
      this.#snapshotNext = true
      this.#schedule()
    }
  }

  #frame(journal: string): StateFrame {
    return { format: STATE_FORMAT, version: STATE_VERSION, savedAt: new Date(this.options.now()).toISOString(), journal }
  }

  /** Each application's entry, taken when the snapshot comes to it (one that is gone by then is left out). */
  *#captures(): Generator<() => ApplicationEntry | undefined> {
    for (const application of this.worlds.all().map((world) => world.clientId)) {
      yield () => {
        const world = this.worlds.find(application)
        return world === undefined ? undefined : entryOf(world, this.parts)
      }
    }
  }

  /** The journal may hold half a record: the next write is a whole snapshot. Tried again in the background. */
  #failed(error: Error): void {
    this.#lastError = error
    this.#failures += 1
    void this.#journal?.close().catch(() => undefined)
    this.#journal = undefined
    this.onError?.(error)
    clearTimeout(this.#retryTimer)
    this.#retryTimer = setTimeout(
      () => {
        this.#retryTimer = undefined
        void this.#run()
      },
      Math.min(RETRY_MS * 2 ** (this.#failures - 1), RETRY_MAX_MS),
    )
    this.#retryTimer.unref()
  }
}
