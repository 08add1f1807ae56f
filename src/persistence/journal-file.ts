import { open, type FileHandle } from 'node:fs/promises'
import { dirname } from 'node:path'
import { nanoid } from 'nanoid'
import { corruptStateFile, JOURNAL_ID } from './state-file.js'
import { readRegularFile, syncFolder } from './state-paths.js'

/**
 * The journal: the changes made since the snapshot, appended one JSON line each and flushed to
 * disk (fdatasync) before the answers that made them go out, so an answered change survives a
 * crash. Its first line says what it is and which journal it follows:
 *
 *   {"format":"mock-dwolla-journal","id":"…","follows":"…"}
 *   {"application":"key","merge":{"customers":[{…}],"idempotencyKeys":[{…}]}}
 *   {"application":"key","set":{"webhookSubscriptions":[…]}}
 *   {"application":"old","drop":true}
 *
 * `set` replaces keys of the application's entry, `merge` puts records into a key's list by their
 * identity (world/resource.ts, PersistedRecords), `drop` removes the application's state (the
 * bound on all applications dropped it). Each line replaces values whole, so replaying a line
 * twice, or over a snapshot that already holds it, changes nothing more.
 */
export const JOURNAL_FORMAT = 'mock-dwolla-journal'

export interface JournalHeader {
  format: typeof JOURNAL_FORMAT
  id: string
  /** The journal this one continues, when a compaction began it while folding that one into a snapshot. */
  follows?: string
}

/** One change to one application's entry. */
export interface JournalRecord {
  application: string
  drop?: true
  set?: Record<string, unknown>
  merge?: Record<string, unknown[]>
}

export function newJournalId(): string {
  return nanoid(16)
}

/** A journal being appended to. Opened when first written; made with its header, flushed, and its name made durable. */
export class JournalFile {
  #handle: FileHandle | undefined
  #bytes: number
  #changes: number

  constructor(
    readonly path: string,
    readonly id: string,
    /** What it holds already (one continued after a restart): its bytes and its records. */
    held: { bytes: number; records: number } = { bytes: 0, records: 0 },
    private readonly follows?: string,
  ) {
    this.#bytes = held.bytes
    this.#changes = held.records
  }

  /** Bytes written: a compaction is due when the journal outgrows the snapshot. */
  get bytes(): number {
    return this.#bytes
  }

  /** Whether it holds any change (close folds it into the snapshot then). */
  get holdsChanges(): boolean {
    return this.#changes > 0
  }

  /** Appends the lines (each ending in a newline) and flushes them to disk; resolves only once they are there. */
  async append(lines: string): Promise<void> {
    const handle = await this.#open()
    await handle.appendFile(lines, 'utf8')
    const [stats] = await Promise.all([handle.stat(), handle.datasync()])
    // A journal whose file was removed (its folder deleted, and made again) takes writes that no
    // restart would ever read: a failure, so the writer writes a whole snapshot instead.
    if (stats.nlink === 0) throw Object.assign(new Error(`${this.path} was removed while in use`), { code: 'ENOENT' })
    this.#bytes += Buffer.byteLength(lines)
    this.#changes += 1
  }

  /** Makes the file now (a compaction needs it on disk before it folds its predecessor). */
  async create(): Promise<void> {
    await this.#open()
  }

  async close(): Promise<void> {
    const handle = this.#handle
    this.#handle = undefined
    await handle?.close()
  }

  async #open(): Promise<FileHandle> {
    if (this.#handle !== undefined) return this.#handle
    const handle = await open(this.path, this.#bytes === 0 ? 'w' : 'a', 0o600)
    try {
      if (this.#bytes === 0) {
        const header: JournalHeader = { format: JOURNAL_FORMAT, id: this.id, ...(this.follows === undefined ? {} : { follows: this.follows }) }
        const line = `${JSON.stringify(header)}\n`
        await handle.appendFile(line, 'utf8')
        await handle.datasync()
        await syncFolder(dirname(this.path))
        this.#bytes = Buffer.byteLength(line)
      }
    } catch (error) {
      await handle.close()
      throw error
    }
    this.#handle = handle
    return handle
  }
}

/** A journal as read at start: its header, its records with their line numbers, and whether its last line was torn. */
export interface ReadJournal {
  path: string
  header: JournalHeader
  records: Array<{ line: number; value: Record<string, unknown> }>
  bytes: number
  /** The line number of a last line that never got its newline (a crash mid-append): dropped. */
  torn: number | undefined
}

/**
 * Reads a journal; undefined when there is none, or when even its header never reached the disk
 * whole (nothing was written after it). A last line without its newline was cut short by a crash
 * while it was appended: its answer never went out, and it is dropped (`torn`). Any other line
 * that is not a JSON object stops the start, naming the file and the line.
 */
export async function readJournal(path: string): Promise<ReadJournal | undefined> {
  const text = await readRegularFile(path, path)
  if (text === undefined) return undefined
  const lines = text.split('\n')
  const last = lines.pop() as string
  const torn = last === '' ? undefined : lines.length + 1
  if (lines.length === 0) return undefined
  const header = parseLine(lines[0] as string, path, 1)
  if (header.format !== JOURNAL_FORMAT || typeof header.id !== 'string' || !JOURNAL_ID.test(header.id)) {
    throw corruptStateFile(`${path}:1`, '', `not a mock-dwolla journal (expected {"format":"${JOURNAL_FORMAT}","id":…})`)
  }
  if (header.follows !== undefined && (typeof header.follows !== 'string' || !JOURNAL_ID.test(header.follows))) {
    throw corruptStateFile(`${path}:1`, '/follows', 'expected the id of a journal')
  }
  const records = lines.slice(1).map((line, index) => ({ line: index + 2, value: parseLine(line, path, index + 2) }))
  return {
    path,
    header: header as unknown as JournalHeader,
    records,
    bytes: Buffer.byteLength(text) - Buffer.byteLength(last),
    torn,
  }
}

function parseLine(line: string, path: string, number: number): Record<string, unknown> {
  let value: unknown
  try {
    value = JSON.parse(line)
  } catch (error) {
    throw corruptStateFile(`${path}:${number}`, '', `not valid JSON (${(error as Error).message})`)
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw corruptStateFile(`${path}:${number}`, '', 'expected a JSON object')
  return value as Record<string, unknown>
}
