import { constants } from 'node:fs'
import { lstat, open, readdir, readlink, unlink, type FileHandle } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { nanoid } from 'nanoid'
import { StartupError } from '../errors.js'

/**
 * Where `--state <file>` keeps things. The file may be a symlink: everything is read and written
 * where the link leads (a write never replaces the link with a file of its own), and the journal
 * and temporary files sit beside that target, so every rename stays on one file system.
 */
export interface StatePaths {
  /** The path as given: messages name it. */
  readonly given: string
  /** The snapshot: the given path, or the end of its chain of links. */
  readonly target: string
  /** The changes since the snapshot, one JSON line each (journal-file.ts). */
  readonly journal: string
  /** The journal a compaction is folding into a new snapshot, while it does. */
  readonly previousJournal: string
  readonly folder: string
}

/** Links followed before a chain is taken for a loop. */
const MAX_LINKS = 40

export async function resolveStatePaths(given: string): Promise<StatePaths> {
  const target = await linkTarget(given)
  return { given, target, journal: `${target}.journal`, previousJournal: `${target}.journal.old`, folder: dirname(target) }
}

/** Where a path leads, following links one at a time (a link to a file not made yet leads to where it will be). */
async function linkTarget(given: string): Promise<string> {
  let current = resolve(given)
  for (let links = 0; links <= MAX_LINKS; links++) {
    const stats = await lstat(current).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined
      throw new StartupError(`${given}: cannot read the state file (${error.code ?? error.message})`)
    })
    if (stats === undefined || !stats.isSymbolicLink()) return current
    current = resolve(dirname(current), await readlink(current))
  }
  throw new StartupError(`${given}: more than ${MAX_LINKS} symbolic links, or a loop of them`)
}

/** A temporary file beside the target, named for it and for this process, never reused. */
export function temporaryPath(paths: StatePaths): string {
  return join(paths.folder, `.${basename(paths.target)}.${process.pid}.${nanoid(12)}.tmp`)
}

/**
 * Removes the temporary files a process writing this state file left behind when it was killed
 * mid-write (`kill -9`): they hold customers and webhook secrets, and nothing ever reads them.
 * Only regular files named as {@link temporaryPath} names them for this target. Says how many.
 */
export async function removeStaleTemporaries(paths: StatePaths): Promise<number> {
  const name = basename(paths.target)
  const entries = await readdir(paths.folder, { withFileTypes: true }).catch(() => [])
  let removed = 0
  for (const entry of entries) {
    if (!entry.isFile() || !isTemporaryOf(entry.name, name)) continue
    await unlink(join(paths.folder, entry.name)).then(
      () => (removed += 1),
      () => undefined,
    )
  }
  return removed
}

function isTemporaryOf(entry: string, name: string): boolean {
  const prefix = `.${name}.`
  if (!entry.startsWith(prefix) || !entry.endsWith('.tmp')) return false
  return /^\d+\.[\w-]{12}\.tmp$/.test(entry.slice(prefix.length))
}

/**
 * A state file's text, or undefined when there is none. Opened without waiting (O_NONBLOCK), so a
 * FIFO, socket or device in its place is refused at once instead of hanging the start.
 */
export async function readRegularFile(path: string, label: string): Promise<string | undefined> {
  let handle: FileHandle
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return undefined
    throw new StartupError(`${label}: cannot read the state file (${code ?? (error as Error).message})`)
  }
  try {
    const stats = await handle.stat()
    if (stats.isDirectory()) throw new StartupError(`${label}: cannot read the state file (EISDIR)`)
    if (!stats.isFile()) throw new StartupError(`${label}: not a regular file (${kindOf(stats)}); the state file must be a file`)
    return await handle.readFile('utf8')
  } finally {
    await handle.close()
  }
}

function kindOf(stats: { isFIFO(): boolean; isSocket(): boolean }): string {
  if (stats.isFIFO()) return 'a FIFO'
  if (stats.isSocket()) return 'a socket'
  return 'a device'
}

/**
 * Makes a rename or a new file in the folder durable: on Linux a file's name is only on disk once
 * its folder is flushed. Where a folder cannot be opened for that (Windows), there is nothing to do.
 */
export async function syncFolder(folder: string): Promise<void> {
  let handle: FileHandle
  try {
    handle = await open(folder, 'r')
  } catch {
    return
  }
  try {
    await handle.sync()
  } catch {
    // EISDIR/EINVAL where folders cannot be flushed: the rename is as durable as it gets there.
  } finally {
    await handle.close()
  }
}
