import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/**
 * Where mock-dwolla's own files are, resolved from this module and never from the working
 * directory (other projects run it from theirs). This module sits one folder below the package
 * root in every form it runs in: `src/` from source, `dist/` after tsc, and the single-file
 * bundles in `dist/`. So one step up is the root, and every other module names its files here
 * rather than counting folders from its own location, which a bundle would change.
 */
const ROOT = new URL('../', import.meta.url)

/** The absolute path of a file of the package, e.g. `packageFile('openapi/mock-dwolla.yaml')`. */
export function packageFile(relative: string): string {
  return fileURLToPath(new URL(relative, ROOT))
}

let version: string | undefined

/** The version in package.json, read once. */
export function packageVersion(): string {
  version ??= (JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as { version: string }).version
  return version
}
