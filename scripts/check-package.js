// Run by `npm run check:package` (part of `npm test`, after the build): packs the package as npm
// would publish it and checks the tarball with publint (package.json against what it ships) and
// @arethetypeswrong/cli (the types resolve for import and require, in every resolution mode).
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const folder = mkdtempSync(join(tmpdir(), 'mock-dwolla-pack-'))
const run = (command, args) => execFileSync(command, args, { stdio: 'inherit' })
try {
  // The build already ran (pretest): packing need not run prepare again.
  const [{ filename }] = JSON.parse(execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', folder], { encoding: 'utf8' }))
  const tarball = join(folder, filename)
  run('npx', ['--no-install', 'publint', '--strict', tarball])
  run('npx', ['--no-install', 'attw', '--format', 'ascii', tarball])
} finally {
  rmSync(folder, { recursive: true, force: true })
}
