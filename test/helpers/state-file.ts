import type { Test } from 'tap'
import { buildServer, STATE_FORMAT, STATE_VERSION } from '../../src/index.js'

/** A whole state file, as a test writes one by hand, holding one application's entry. */
export function stateFileWith(entry: Record<string, unknown>, application = 'key'): string {
  return JSON.stringify({
    format: STATE_FORMAT,
    version: STATE_VERSION,
    savedAt: '2026-01-01T00:00:00.000Z',
    journal: 'a-journal-id-016',
    applications: [{ application, ...entry }],
  })
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Asserts the start is refused with a StartupError that names the file, then the place and problem (`message`'s start). */
export async function refusesToStart(t: Test, stateFile: string, message: string, name: string): Promise<void> {
  await t.rejects(buildServer({ stateFile }), { name: 'StartupError', message: new RegExp(`^${escaped(stateFile)} at ${escaped(message)}`) }, name)
}
