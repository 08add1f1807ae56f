import { execFile } from 'node:child_process'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import type { Test } from 'tap'
import { cleanEnv } from './readme-recipes.js'
import { tempFolder } from './temp-folder.js'

export const run = promisify(execFile)
export const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
/** The repository this suite runs in. */
export const root = fileURLToPath(new URL('../..', import.meta.url))

/** `npm pack` of the built package (npm test builds first), written to a fresh folder. */
export async function packTarball(t: Test): Promise<{ tarball: string; scratch: string }> {
  const scratch = (await tempFolder(t, 'mock-dwolla-pack-')).path
  const { stdout } = await run(npm, ['pack', '--silent', '--ignore-scripts', '--pack-destination', scratch], { cwd: root })
  return { tarball: join(scratch, stdout.trim().split('\n').at(-1) as string), scratch }
}

/**
 * A new project in `folder` with the given manifest, and `packages` installed into it the way a
 * user installs them (from the registry, a tarball, a path or a git URL). Runs without the test
 * runner's loaders, as a user's project would.
 */
export async function userProject(folder: string, manifest: object, packages: string[]): Promise<string> {
  await mkdir(folder, { recursive: true })
  await writeFile(join(folder, 'package.json'), JSON.stringify({ name: 'user-project', private: true, ...manifest }))
  // A git URL is cloned and built (prepare) inside this install, on a CI machine running other
  // test files at once: it gets seven minutes, and a registry's passing failure is retried.
  await run(npm, ['install', '--no-audit', '--no-fund', '--prefer-offline', '--fetch-retries=5', ...packages], {
    cwd: folder,
    timeout: 420_000,
    env: cleanEnv(),
  })
  return folder
}
