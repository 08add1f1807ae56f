/**
 * What the running mock shows of its state file (`--state`), to resources and tests; the writer
 * (state-file-writer.ts) is the composition root's.
 */
export interface StateFileControls {
  /** The state file as given. */
  readonly path: string
  /** Whole snapshots written. */
  readonly snapshots: number
  /** Appends to the journal. */
  readonly appends: number
  /** Resolves once every change made so far is on disk; undefined when nothing is waiting to be written. */
  durable(): Promise<void> | undefined
  /** Writes what is pending and folds the journal into the file; rejects if the disk refuses. */
  flush(): Promise<void>
}
