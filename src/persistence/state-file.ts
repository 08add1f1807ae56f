import { stat } from 'node:fs/promises'
import { dirname } from 'node:path'
import { StartupError } from '../errors.js'
import { readRegularFile, type StatePaths } from './state-paths.js'

/**
 * `--state <file>`: every application's stores kept across restarts. A layer outside the stores
 * (as LocalStack persists its services): it reads the file at start, and writes each change
 * before the answer that made it goes out; the stores never know about files. Each application
 * is one entry, `{application, ...}`, and each resource with a state-file part owns some of the
 * entry's keys (world/resource.ts); persistence knows none of them.
 *
 * The state is this file, a snapshot, and its journal beside it (journal-file.ts): the changes
 * made since, one line each, folded into a new snapshot now and then (state-file-writer.ts). The
 * file says what it is, which version of the format it follows and which journal continues it,
 * so a file of another kind, or from a newer mock-dwolla, is refused rather than misread. A file
 * that cannot be read or understood stops the start with its path and the problem, and is never
 * written over.
 */
export const STATE_FORMAT = 'mock-dwolla-state'
/**
 * 3: a journal beside the file holds the changes since it was written, and `journal` names it
 * (an older mock-dwolla would read the snapshot alone and miss them, so it refuses the file).
 * 2: webhook subscriptions inside their application's entry. Version 1 files (subscriptions in
 * one top-level list, each naming its application) and version 2 files are read, and written back
 * as version 3 at the first change.
 */
export const STATE_VERSION = 3

/** One application's entry: its key, and each state-file part's keys. */
export type ApplicationEntry = { application: string } & Record<string, unknown>

/** What a state file holds. */
export interface StateSnapshot {
  applications: ApplicationEntry[]
}

/** What a state file says besides its applications (written before them, see snapshot-writer.ts). */
export interface StateFrame {
  format: typeof STATE_FORMAT
  version: typeof STATE_VERSION
  savedAt: string
  /** The id of the journal that continues this snapshot. */
  journal: string
}

/** A state file as read: its applications, the journal that continues it (version 3), its size. */
export interface ReadState extends StateSnapshot {
  journal: string | undefined
  bytes: number
}

/** A journal's id: random, so a journal left from another snapshot is never taken for this one's. */
export const JOURNAL_ID = /^[\w-]{16}$/

/** The snapshot a state file holds; an empty one when the file does not exist yet (its folder must). */
export async function readStateFile(paths: StatePaths): Promise<ReadState> {
  const text = await readRegularFile(paths.target, paths.given)
  if (text === undefined) {
    await requireFolder(paths)
    return { applications: [], journal: undefined, bytes: 0 }
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    throw corruptStateFile(paths.given, '', `not valid JSON (${(error as Error).message})`)
  }
  return { ...checkStateDocument(parsed, paths.given), bytes: Buffer.byteLength(text) }
}

async function requireFolder(paths: StatePaths): Promise<void> {
  const folder = dirname(paths.target)
  const found = await stat(folder).catch(() => undefined)
  if (found === undefined || !found.isDirectory()) throw new StartupError(`${paths.given}: the folder ${folder} does not exist`)
}

/** A problem at a place in a state file: named by path and pointer, and the file left as it is. */
export function corruptStateFile(path: string, pointer: string, what: string): StartupError {
  return new StartupError(`${path} at ${pointer || '/'}: ${what}; the state file is left as it is`)
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The document's frame checked: its format, version, journal, and one entry per application. Each part checks its own keys. */
function checkStateDocument(value: unknown, path: string): Omit<ReadState, 'bytes'> {
  if (!isObject(value) || value.format !== STATE_FORMAT)
    throw corruptStateFile(path, '/format', `not a mock-dwolla state file (expected format "${STATE_FORMAT}")`)
  if (value.version !== STATE_VERSION && value.version !== 2 && value.version !== 1) {
    throw corruptStateFile(path, '/version', `format version ${JSON.stringify(value.version)}, this mock-dwolla reads versions 1 to ${STATE_VERSION}`)
  }
  const journal = value.version === STATE_VERSION ? value.journal : undefined
  if (value.version === STATE_VERSION && (typeof journal !== 'string' || !JOURNAL_ID.test(journal))) {
    throw corruptStateFile(path, '/journal', 'expected the id of the journal that continues the file')
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
  return { ...(value.version === 1 ? fromVersion1(applications, value.webhookSubscriptions, path) : { applications }), journal: journal as string | undefined }
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
