import { open, rename, unlink, type FileHandle } from 'node:fs/promises'
import { setImmediate as nextTurn } from 'node:timers/promises'
import type { ApplicationEntry, StateFrame } from './state-file.js'
import { syncFolder, temporaryPath, type StatePaths } from './state-paths.js'

/** The file operations a snapshot needs (tests pass their own to see the steps, or fail one). */
export interface SnapshotIo {
  open: typeof open
  rename: typeof rename
  unlink: typeof unlink
}

const NODE_IO: SnapshotIo = { open, rename, unlink }

/**
 * Records serialised in one go before the writer lets the event loop run: a few milliseconds of
 * work at worst (256 of the largest customers are about 650 KB of JSON), so requests keep being
 * answered while a large state is written.
 */
export const RECORDS_PER_TURN = 256

/** Text gathered before it is written: small applications share a write, large ones are written as they are serialised. */
const WRITE_BYTES = 256 * 1024

/**
 * Writes a whole state file without holding the event loop: each application's entry is taken
 * when its turn comes (`entries` yields a function that captures it at once, so each entry is
 * consistent) and serialised a few hundred records at a time, the loop let run between. The text
 * goes to a new file in the same folder (readable by its owner only: it holds names, emails and
 * webhook secrets), is flushed to disk and renamed over the target, and the rename made durable,
 * so a reader or a restart sees the old file or the new, never part of one. A failed write removes
 * its temporary file. Resolves with the bytes written.
 *
 * Entries taken at different moments make a snapshot of no single moment: the journal that the
 * frame names holds every change made while it was written, and replaying it over the snapshot
 * gives the state as it was when the last change was answered (journal-file.ts).
 */
export async function writeSnapshot(
  paths: StatePaths,
  frame: StateFrame,
  entries: Iterable<() => ApplicationEntry | undefined>,
  io: SnapshotIo = NODE_IO,
): Promise<number> {
  const temporary = temporaryPath(paths)
  let handle: FileHandle | undefined
  try {
    handle = await io.open(temporary, 'wx', 0o600)
    const writer = new ChunkWriter(handle)
    const { format, version, savedAt, journal } = frame
    await writer.add(`{\n  "format": ${JSON.stringify(format)},\n  "version": ${version},\n  "savedAt": ${JSON.stringify(savedAt)},\n`)
    await writer.add(`  "journal": ${JSON.stringify(journal)},\n  "applications": [`)
    let first = true
    for (const capture of entries) {
      const entry = capture()
      if (entry === undefined) continue
      await writer.add(first ? '\n    {' : ',\n    {')
      first = false
      await writeEntry(writer, entry)
      await writer.add('}')
    }
    await writer.add(`${first ? '' : '\n  '}]\n}\n`)
    await writer.flush()
    await handle.sync()
    await handle.close()
    handle = undefined
    await io.rename(temporary, paths.target)
    await syncFolder(paths.folder)
    return writer.bytes
  } catch (error) {
    await handle?.close().catch(() => undefined)
    await io.unlink(temporary).catch(() => undefined)
    throw error
  }
}

/** One entry's keys; a list of records goes one record a line, the loop let run every RECORDS_PER_TURN records. */
async function writeEntry(writer: ChunkWriter, entry: ApplicationEntry): Promise<void> {
  const keys = Object.keys(entry)
  for (const [index, key] of keys.entries()) {
    const value = entry[key]
    const separator = index === 0 ? '' : ', '
    if (!Array.isArray(value) || value.length === 0) {
      await writer.add(`${separator}${JSON.stringify(key)}: ${JSON.stringify(value)}`)
      continue
    }
    await writer.add(`${separator}${JSON.stringify(key)}: [`)
    for (let start = 0; start < value.length; start += RECORDS_PER_TURN) {
      const slice = value.slice(start, start + RECORDS_PER_TURN).map((record) => `\n      ${JSON.stringify(record)}`)
      await writer.add(`${start === 0 ? '' : ','}${slice.join(',')}`)
      await writer.yield()
    }
    await writer.add('\n    ]')
  }
}

/** Gathers text and writes it in large pieces; `yield` lets the event loop run (a write does too). */
class ChunkWriter {
  #pending: string[] = []
  #pendingBytes = 0
  #bytes = 0

  constructor(private readonly handle: FileHandle) {}

  get bytes(): number {
    return this.#bytes
  }

  async add(text: string): Promise<void> {
    this.#pending.push(text)
    this.#pendingBytes += text.length
    if (this.#pendingBytes >= WRITE_BYTES) await this.flush()
  }

  async yield(): Promise<void> {
    if (this.#pendingBytes > 0) await this.flush()
    else await nextTurn()
  }

  async flush(): Promise<void> {
    if (this.#pending.length === 0) return
    const text = this.#pending.join('')
    this.#pending = []
    this.#pendingBytes = 0
    await this.handle.writeFile(text, 'utf8')
    this.#bytes += Buffer.byteLength(text)
  }
}
