import { randomBytes } from 'node:crypto'
import { open, readFile, rename, stat, unlink } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { ApplicationSnapshot } from '../resources/customers/customer-directory.js'
import type { IdempotencyRecord } from '../resources/customers/idempotency-records.js'
import { StartupError } from '../errors.js'
import { checkCustomerDocument } from '../fixture-rules/check-fixtures.js'
import { subscriptionProblems, type SubscriptionDocument } from '../resources/webhook-subscriptions/subscription-store.js'

/**
 * `--state <file>`: customers, idempotency records and webhook subscriptions kept across restarts. A layer outside the
 * stores (as LocalStack persists its services): it reads a snapshot at start, and writes the
 * stores' snapshot after they change; the stores never know about files.
 *
 * The file says what it is and which version of the format it follows, so a file of another
 * kind, or from a newer mock-dwolla, is refused rather than misread. A file that cannot be read
 * or understood stops the start with its path and the problem, and is never written over.
 */
export const STATE_FORMAT = 'mock-dwolla-state'
export const STATE_VERSION = 1

/** What a state file holds. */
export interface StateSnapshot {
  applications: ApplicationSnapshot[]
  /**
   * Webhook subscriptions, secrets included (the file is the user's own, readable by its owner
   * only). Optional when read: a file written before webhooks existed has none.
   */
  webhookSubscriptions: SubscriptionDocument[]
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
    return { applications: [], webhookSubscriptions: [] }
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    throw corrupt(path, '', `not valid JSON (${(error as Error).message})`)
  }
  return checkStateDocument(parsed, path)
}

async function requireFolder(path: string): Promise<void> {
  const folder = dirname(path)
  const found = await stat(folder).catch(() => undefined)
  if (found === undefined || !found.isDirectory()) throw new StartupError(`${path}: the folder ${folder} does not exist`)
}

function corrupt(path: string, pointer: string, what: string): StartupError {
  return new StartupError(`${path} at ${pointer || '/'}: ${what}; the state file is left as it is`)
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const DIGEST = /^[0-9a-f]{64}$/

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Every part of the document checked, customers by the fixture schema's customer definition. */
function checkStateDocument(value: unknown, path: string): StateSnapshot {
  if (!isObject(value) || value.format !== STATE_FORMAT) throw corrupt(path, '/format', `not a mock-dwolla state file (expected format "${STATE_FORMAT}")`)
  if (value.version !== STATE_VERSION) {
    throw corrupt(path, '/version', `format version ${JSON.stringify(value.version)}, this mock-dwolla reads version ${STATE_VERSION}`)
  }
  if (!Array.isArray(value.applications)) throw corrupt(path, '/applications', 'expected an array')
  return { applications: checkApplications(value.applications, path), webhookSubscriptions: checkSubscriptions(value.webhookSubscriptions, path) }
}

function checkApplications(applications: unknown[], path: string): ApplicationSnapshot[] {
  const seen = new Set<string>()
  return applications.map((entry: unknown, index) => {
    const at = `/applications/${index}`
    if (!isObject(entry) || typeof entry.application !== 'string' || entry.application === '') {
      throw corrupt(path, `${at}/application`, 'expected an application key')
    }
    if (seen.has(entry.application)) throw corrupt(path, `${at}/application`, `application ${entry.application} appears twice`)
    seen.add(entry.application)
    if (!Array.isArray(entry.customers)) throw corrupt(path, `${at}/customers`, 'expected an array')
    if (!Array.isArray(entry.idempotency)) throw corrupt(path, `${at}/idempotency`, 'expected an array')
    const customers = entry.customers.map((customer: unknown, i) => {
      try {
        return checkCustomerDocument(customer, path, `${at}/customers/${i}`)
      } catch (error) {
        throw new StartupError(`${(error as Error).message}; the state file is left as it is`)
      }
    })
    const idempotency = entry.idempotency.map((record: unknown, i): IdempotencyRecord => {
      if (!isObject(record) || typeof record.key !== 'string' || !DIGEST.test(record.key) || typeof record.customerId !== 'string' || !UUID.test(record.customerId) || typeof record.at !== 'number' || !Number.isFinite(record.at)) {
        throw corrupt(path, `${at}/idempotency/${i}`, 'expected {key: a SHA-256 hex digest, customerId: a lowercase UUID, at: milliseconds}')
      }
      return { key: record.key, customerId: record.customerId, at: record.at }
    })
    return { application: entry.application, customers, idempotency }
  })
}

/** Each subscription as POST /webhook-subscriptions would have accepted it, with its own id, once. */
function checkSubscriptions(value: unknown, path: string): SubscriptionDocument[] {
  if (value === undefined) return []
  if (!Array.isArray(value)) throw corrupt(path, '/webhookSubscriptions', 'expected an array')
  const seen = new Set<string>()
  return value.map((entry: unknown, index): SubscriptionDocument => {
    const at = `/webhookSubscriptions/${index}`
    if (!isObject(entry)) throw corrupt(path, at, 'expected a webhook subscription')
    if (typeof entry.id !== 'string' || !UUID.test(entry.id)) throw corrupt(path, `${at}/id`, 'expected a lowercase UUID')
    if (seen.has(entry.id)) throw corrupt(path, `${at}/id`, `subscription ${entry.id} appears twice`)
    seen.add(entry.id)
    if (typeof entry.application !== 'string' || entry.application === '') throw corrupt(path, `${at}/application`, 'expected an application key')
    // The message never quotes the secret: the problem's own words only.
    const [problem] = subscriptionProblems(entry.url, entry.secret)
    if (problem !== undefined) throw corrupt(path, `${at}${problem.path}`, problem.message)
    if (typeof entry.paused !== 'boolean') throw corrupt(path, `${at}/paused`, 'expected true or false')
    if (typeof entry.created !== 'string' || Number.isNaN(Date.parse(entry.created))) throw corrupt(path, `${at}/created`, 'expected a date and time')
    if (typeof entry.baseUrl !== 'string' || !/^https?:\/\/[^/\s]+(\/\S*)?$/.test(entry.baseUrl)) throw corrupt(path, `${at}/baseUrl`, 'expected an http or https base URL')
    const { id, application, url, secret, paused, created, baseUrl } = entry as unknown as SubscriptionDocument
    return { id, application, url, secret, paused, created, baseUrl }
  })
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
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`)
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
