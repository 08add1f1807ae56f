import type { ResolvedOptions } from '../config.js'
import type { PersistedPart } from '../world/resource.js'
import type { Worlds } from '../world/worlds.js'
import { JournalFile, readJournal } from './journal-file.js'
import { journalsOf, replayJournals } from './journal-replay.js'
import { readStateFile } from './state-file.js'
import { StateFileWriter, type StateFileWriterOptions } from './state-file-writer.js'
import { removeStaleTemporaries, resolveStatePaths } from './state-paths.js'
import { restoreWorlds } from './world-snapshots.js'

/**
 * Loads a state file (the snapshot and the journals that continue it) into every application's
 * world, and returns what keeps it written. Temporary files a killed process left are removed
 * first. Whatever the files hold must fit the limits in force; anything wrong stops the start,
 * naming the file and the place, and nothing is written over.
 */
export async function openStateFile(
  given: string,
  parts: ReadonlyArray<PersistedPart<unknown, unknown>>,
  worlds: Worlds,
  options: ResolvedOptions,
  writerOptions: StateFileWriterOptions,
): Promise<StateFileWriter> {
  const paths = await resolveStatePaths(given)
  const notices: string[] = []
  const removed = await removeStaleTemporaries(paths)
  if (removed > 0) notices.push(`removed ${removed} temporary file${removed === 1 ? '' : 's'} of ${given} that a process stopped mid-write left`)
  const snapshot = await readStateFile(paths)
  const current = await readJournal(paths.journal)
  const { replay, ignored } = journalsOf(snapshot.journal, current, await readJournal(paths.previousJournal))
  for (const journal of ignored)
    notices.push(`${journal.path} does not continue ${given} (it follows another snapshot): not read, and replaced at the next change`)
  for (const journal of replay) {
    if (journal.torn !== undefined) notices.push(`${journal.path}:${journal.torn}: a change cut short by a crash before it was answered; dropped`)
  }
  restoreWorlds(replayJournals(snapshot, replay, parts, options), parts, worlds, given, options)
  // Appends continue the snapshot's own journal when it is whole; anything else is folded into a
  // new snapshot at the first change (which removes the journals it folded).
  const whole = replay.length === 1 && current !== undefined && replay[0] === current && current.torn === undefined
  const continues = snapshot.journal !== undefined && (replay.length === 0 || whole)
  const held = whole ? { bytes: current.bytes, records: current.records.length } : undefined
  const journal = continues ? new JournalFile(paths.journal, snapshot.journal as string, held) : undefined
  return new StateFileWriter(paths, worlds, parts, { journal, snapshotBytes: snapshot.bytes, notices }, writerOptions)
}
