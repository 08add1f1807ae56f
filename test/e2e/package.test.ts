import { execFile, spawn } from 'node:child_process'
import { once } from 'node:events'
import { createServer, type AddressInfo } from 'node:net'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import t from 'tap'
import { parse } from 'yaml'
import { startCli } from '../helpers/cli.js'
import { readmeRecipes } from '../helpers/readme-recipes.js'
import { tempFolder } from '../helpers/temp-folder.js'

const run = promisify(execFile)
const root = fileURLToPath(new URL('../..', import.meta.url))
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'

/**
 * What users get: the packed tarball installed into an empty project. Proves the `files` list,
 * the `bin`, the `exports` (ESM and types) and the module-relative path to openapi/.
 */
t.test('the packed tarball installs, imports, type-checks and runs with npx', async (t) => {
  const scratch = (await tempFolder(t, 'mock-dwolla-pack-')).path

  const { stdout } = await run(npm, ['pack', '--silent', '--ignore-scripts', '--pack-destination', scratch], { cwd: root })
  const tarball = join(scratch, stdout.trim().split('\n').at(-1) as string)
  const project = join(scratch, 'project')
  await mkdir(project)
  await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'user-project', private: true, type: 'module' }))
  await run(npm, ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], { cwd: project, timeout: 180_000 })

  const { stdout: listing } = await run('tar', ['-tzf', tarball])
  t.match(listing, /package\/dist\/index\.bundle\.js/, 'ships the ES module bundle')
  t.match(listing, /package\/dist\/index\.bundle\.cjs/, 'ships the CommonJS bundle')
  t.match(listing, /package\/dist\/openapi-compiled\.cjs/, 'ships the compiled OpenAPI table')
  t.match(listing, /package\/dist\/index\.d\.cts/, 'ships the CommonJS types')
  t.notMatch(listing, /package\/dist\/(index|server)\.js\b/, 'not the unbundled modules the bundles were made from')
  t.match(listing, /package\/openapi\/mock-dwolla\.yaml/, 'ships the OpenAPI document')
  t.notMatch(listing, /package\/(src|test)\//, 'ships no sources or tests')

  await writeFile(
    join(project, 'check.mjs'),
    `import { start } from 'mock-dwolla'
const server = await start()
const res = await fetch(server.url + '/token', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'client_id=a&client_secret=b&grant_type=client_credentials' })
console.log(res.status)
await server.close()`,
  )
  const { stdout: imported } = await run(process.execPath, ['check.mjs'], { cwd: project })
  t.equal(imported.trim(), '200', 'imports as ESM from another folder and serves /token')

  await writeFile(
    join(project, 'check.ts'),
    `import { buildServer, start, type MockDwollaOptions, type RunningMockDwolla, DWOLLA_ERRORS } from 'mock-dwolla'
const options: MockDwollaOptions = { applications: [{ key: 'k', secret: 's' }] }
const running: Promise<RunningMockDwolla> = start({ ...options, port: 0 })
const code: 'InvalidVersion' = 'InvalidVersion'
export { buildServer, running, code, DWOLLA_ERRORS }`,
  )
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc')
  const typeRoots = join(root, 'node_modules', '@types')
  await run(process.execPath, [
    tsc, '--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022',
    '--skipLibCheck', '--typeRoots', typeRoots, '--types', 'node', 'check.ts',
  ], { cwd: project })
  t.pass('its TypeScript types resolve through exports and type-check')

  const help = await run(npm, ['exec', '--no', '--', 'mock-dwolla', '--help'], { cwd: project })
  t.match(help.stdout, /Usage: mock-dwolla/, 'npx mock-dwolla --help')
  const { url, stop, exited } = await startCli(t, ['--port', '0'], { command: [npm, 'exec', '--no', '--', 'mock-dwolla'], cwd: project })
  const response = await fetch(`${url}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'client_id=a&client_secret=b&grant_type=client_credentials',
  })
  t.equal(response.status, 200, 'npx mock-dwolla serves /token')
  stop('SIGTERM')
  await exited

  // The README's GitHub Actions recipe: its start and wait steps, run as a runner would run them.
  const workflow = parse(readmeRecipes().get('github-actions') as string) as { jobs: { test: { steps: Array<{ name?: string; run?: string }> } } }
  const steps = workflow.jobs.test.steps.filter((step) => step.name?.startsWith('Start mock-dwolla') || step.name?.startsWith('Wait until mock-dwolla'))
  t.equal(steps.length, 2, 'the recipe has a start step and a wait step')
  const port = String(await freePort())
  const script = steps.map((step) => (step.run as string).replaceAll('8910', port)).join('\n')
  const runner = spawn('bash', ['-e', '-c', script], { cwd: project, detached: true, stdio: 'ignore' })
  t.teardown(() => {
    try {
      process.kill(-(runner.pid as number), 'SIGKILL')
    } catch {
      // already gone
    }
  })
  const [code] = (await once(runner, 'exit')) as [number]
  t.equal(code, 0, 'the wait step saw the health endpoint answer')
  const health = await fetch(`http://127.0.0.1:${port}/__mock/health`)
  t.equal(health.status, 200, 'mock-dwolla is running in the background, as the later steps need')
  t.equal(await readFile(join(project, 'mock-dwolla.out'), 'utf8'), `MOCK_DWOLLA_URL=http://127.0.0.1:${port}\n`, 'its ready line')
})

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      server.close(() => resolve(port))
    })
    server.on('error', reject)
  })
}
