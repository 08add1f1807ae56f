import { join } from 'node:path'
import { writeFile } from 'node:fs/promises'
import t, { type Test } from 'tap'
import { npm, root, run, userProject } from '../helpers/packed-package.js'
import { cleanEnv } from '../helpers/readme-recipes.js'
import { tempFolder } from '../helpers/temp-folder.js'

/**
 * The README's install section names three ways in while the package is not in the registry:
 * a tarball (package.test.ts installs one), a local path and a git URL (here). Each installed
 * copy must run as `npx mock-dwolla`, import and require.
 */
t.setTimeout(600_000)

async function checkInstalled(t: Test, project: string): Promise<void> {
  const version = await run(npm, ['exec', '--no', '--', 'mock-dwolla', '--version'], { cwd: project, env: cleanEnv() })
  t.match(version.stdout, /^\d+\.\d+\.\d+\n$/, 'npx mock-dwolla runs')
  await writeFile(
    join(project, 'check.mjs'),
    "import { start } from 'mock-dwolla'\nconst s = await start()\nconsole.log((await s.app.inject('/__mock/health')).json().status)\nawait s.close()\n",
  )
  t.equal((await run(process.execPath, ['check.mjs'], { cwd: project, env: cleanEnv() })).stdout.trim(), 'ok', 'it imports and starts')
  await writeFile(
    join(project, 'check.cjs'),
    "require('mock-dwolla').start().then(async (s) => { console.log((await s.app.inject('/__mock/health')).json().status); await s.close() })\n",
  )
  t.equal((await run(process.execPath, ['check.cjs'], { cwd: project, env: cleanEnv() })).stdout.trim(), 'ok', 'it requires and starts')
}

t.test('from a local path', async (t) => {
  const folder = (await tempFolder(t, 'mock-dwolla-path-')).path
  await checkInstalled(t, await userProject(folder, {}, [root]))
})

t.test('from a git URL: npm clones the repository and builds it (prepare)', async (t) => {
  // The committed HEAD of this repository, through git, as a URL like the README's.
  const { stdout: head } = await run('git', ['rev-parse', 'HEAD'], { cwd: root })
  t.match(head.trim(), /^[0-9a-f]{40}$/, 'this suite runs in a git checkout')
  const folder = (await tempFolder(t, 'mock-dwolla-git-')).path
  await checkInstalled(t, await userProject(folder, {}, [`git+file://${root}#${head.trim()}`]))
})
