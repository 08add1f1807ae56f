import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Test } from 'tap'

export interface TempFolder {
  path: string
  /** Writes a file into the folder and returns its full path. */
  write(name: string, text: string): Promise<string>
}

/** A fresh folder under the system temp dir, removed when the test ends. */
export async function tempFolder(t: Test, prefix = 'mock-dwolla-'): Promise<TempFolder> {
  const path = await mkdtemp(join(tmpdir(), prefix))
  t.teardown(() => rm(path, { recursive: true, force: true }))
  return {
    path,
    async write(name, text) {
      const file = join(path, name)
      await writeFile(file, text)
      return file
    },
  }
}
