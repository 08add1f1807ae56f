import { open, readFile, rename, stat, unlink } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { nanoid } from 'nanoid'
import { StartupError } from '../errors.js'

/**
 * `--state <file>`: every application's stores kept across restarts. A layer outside the stores
 * (as LocalStack persists its services): it reads the file at start, and writes the stores'
 * snapshot after they change; the stores never know about files. Each application is one entry,
 * `{application, ...}`, and each resource with a state-file part owns some of the entry's keys
 * (world/resource.ts); persistence knows none of them.
 *
 * The file says what it is and which version of the format it follows, so a file of another
 * kind, or from a newer mock-dwolla, is refused rather than misread. A file that cannot be read
 * or understood stops the start with its path and the problem, and is never written over.
 */
export const STATE_FORMAT = 'mock-dwolla-state'
/**
 * 2: webhook subscriptions inside their application's entry. Version 1 files (subscriptions in
 * one top-level list, each naming its application) are read and written back as version 2.
 */
export const STATE_VERSION = 2

/** One application's entry: its key, and each state-file part's keys. */
export type ApplicationEntry = { application: string } & Record<string, unknown>

/** What a state file holds. */
export interface StateSnapshot {
  applications: ApplicationEntry[]
}

export interface StateDocument extends StateSnapshot {
  format: typeof STATE_FORMAT
  version: typeof STATE_VERSION
  savedAt: string
}

/** The snapshot a state file holds; an empty one when the file does not exist yet (its folder must). */
export async function readStateFile(path: string): Promise<StateSnapshot> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code !== 'ENOENT') throw new StartupError(`${path}: cannot read the state file (${code ?? (error as Error).message})`)
    await requireFolder(path)
    return { applications: [] }
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    throw corruptStateFile(path, '', `not valid JSON (${(error as Error).message})`)
  }
  return checkStateDocument(parsed, path)
}

async function requireFolder(path: string): Promise<void> {
  const folder = dirname(path)
  const found = await stat(folder).catch(() => undefined)
  if (found === undefined || !found.isDirectory()) throw new StartupError(`${path}: the folder ${folder} does not exist`)
}

/** A problem at a place in a state file: named by path and pointer, and the file left as it is. */
export function corruptStateFile(path: string, pointer: string, what: string): StartupError {
  return new StartupError(`${path} at ${pointer || '/'}: ${what}; the state file is left as it is`)
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The document's frame checked: its format, version, and one entry per application. Each part checks its own keys. */
function checkStateDocument(value: unknown, path: string): StateSnapshot {
  if (!isObject(value) || value.format !== STATE_FORMAT)
    throw corruptStateFile(path, '/format', `not a mock-dwolla state file (expected format "${STATE_FORMAT}")`)
  if (value.version !== STATE_VERSION && value.version !== 1) {
    throw corruptStateFile(path, '/version', `format version ${JSON.stringify(value.version)}, this mock-dwolla reads versions 1 and ${STATE_VERSION}`)
  }
  if (!Array.isArray(value.applications)) throw corruptStateFile(path, '/applications', 'expected an array')
  const seen = new Set<string>()
  const applications = value.applications.map((entry: unknown, index): ApplicationEntry => {
    const at = `/applications/${index}`
    if (!isObject(entry) || typeof entry.application !== 'string' || entry.application === '') {
      throw corruptStateFile(path, `${at}/application`, 'expected an application key')
    }
    if (seen.has(entry.application)) throw corruptStateFile(path, `${at}/application`, `application ${entry.application} appears twice`)
    seen.add(entry.application)
    return { ...entry, application: entry.application }
  })
  return value.version === 1 ? fromVersion1(applications, value.webhookSubscriptions, path) : { applications }
}

/** Version 1 kept the subscriptions in one list, each naming its application: each goes into its application's entry. */
function fromVersion1(applications: ApplicationEntry[], subscriptions: unknown, path: string): StateSnapshot {
  if (subscriptions === undefined) return { applications }
  if (!Array.isArray(subscriptions)) throw corruptStateFile(path, '/webhookSubscriptions', 'expected an array')
  const byApplication = new Map(applications.map((entry) => [entry.application, entry]))
  subscriptions.forEach((subscription: unknown, index) => {
    const application = isObject(subscription) ? subscription.application : undefined
    if (typeof application !== 'string' || application === '')
      throw corruptStateFile(path, `/webhookSubscriptions/${index}/application`, 'expected an application key')
    const { application: _application, ...rest } = subscription as Record<string, unknown>
    const entry = byApplication.get(application) ?? { application }
    byApplication.set(application, entry)
    entry.webhookSubscriptions = [...((entry.webhookSubscriptions as unknown[] | undefined) ?? []), rest]
  })
  return { applications: [...byApplication.values()] }
}

/** The file operations an atomic write needs (tests pass their own to see the steps, or fail one). */
export interface AtomicWriteIo {
  open: typeof open
  rename: typeof rename
  unlink: typeof unlink
}

const NODE_IO: AtomicWriteIo = { open, rename, unlink }

/**
 * Replaces a file so that a reader (or a restart after a crash) sees the old content or the new,
 * never part of either: the text goes to a new file in the same folder (so the rename stays on
 * one file system), is flushed to disk, and is renamed over the target. Only the owner may read
 * it: it holds names and emails. A failed write removes its temporary file.
 */
export async function writeFileAtomically(path: string, text: string, io: AtomicWriteIo = NODE_IO): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${nanoid(12)}.tmp`)
  try {
    const handle = await io.open(temporary, 'wx', 0o600)
    try {
      await handle.writeFile(text, 'utf8')
      await handle.sync()
    } finally {
      await handle.close()
    }
    await io.rename(temporary, path)
  } catch (error) {
    await io.unlink(temporary).catch(() => undefined)
    throw error
  }
}

/**
 * Writes the snapshot after changes. Changes close together make one write: the first schedules
 * a write `coalesceMs` later and the rest join it; a change during a write schedules one more.
 * `flush()` writes now (the server calls it on close) and waits for any write in flight.
 */
export class StateFileWriter {
  #timer: NodeJS.Timeout | undefined
  #dirty = false
  #writing: Promise<void> | undefined
  #writes = 0
  /** Told of a write that failed (the server logs it); the next change tries again. */
  onError: ((error: Error) => void) | undefined

  constructor(
    readonly path: string,
    private readonly snapshot: () => StateSnapshot,
    private readonly options: {
      coalesceMs?: number
      io?: AtomicWriteIo
      now?: () => number
      /** setTimeout by default; tests pass their own to run the pending write without waiting. */
      setTimer?: (callback: () => void, ms: number) => NodeJS.Timeout
    } = {},
  ) {}

  /** How many times the file has been written (each write is one complete snapshot). */
  get writes(): number {
    return this.#writes
  }

  schedule(): void {
    this.#dirty = true
    if (this.#timer !== undefined || this.#writing !== undefined) return
    const setTimer = this.options.setTimer ?? setTimeout
    this.#timer = setTimer(() => {
      this.#timer = undefined
      void this.#write()
    }, this.options.coalesceMs ?? 100)
    // A pending write never keeps the process alive; close() flushes it.
    this.#timer.unref()
  }

  async flush(): Promise<void> {
    for (;;) {
      clearTimeout(this.#timer)
      this.#timer = undefined
      if (this.#writing !== undefined) await this.#writing
      else if (this.#dirty) await this.#write()
      else return
    }
  }

  #write(): Promise<void> {
    this.#dirty = false
    const document: StateDocument = {
      format: STATE_FORMAT,
      version: STATE_VERSION,
      savedAt: new Date((this.options.now ?? Date.now)()).toISOString(),
      ...this.snapshot(),
    }
    this.#writing = writeFileAtomically(this.path, `${JSON.stringify(document, null, 2)}\n`, this.options.io)
      .then(
        () => void (this.#writes += 1),
        (error: Error) => this.onError?.(error),
      )
      .finally(() => {
        this.#writing = undefined
        if (this.#dirty) this.schedule()
      })
    return this.#writing
  }
}
