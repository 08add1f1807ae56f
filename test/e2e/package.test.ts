import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { createServer, type AddressInfo, type Server } from 'node:net'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import t from 'tap'
import { parse } from 'yaml'
import { startCli } from '../helpers/cli.js'
import { documentationFiles, readDoc } from '../helpers/docs.js'
import { npm, packTarball, root, run, userProject } from '../helpers/packed-package.js'
import { cleanEnv, readmeRecipes } from '../helpers/readme-recipes.js'

/**
 * What users get: the packed tarball installed into an empty project. Proves the `files` list
 * (docs/ included), the `bin`, both `exports` entries (ES module and CommonJS, each with types)
 * and the module-relative paths to openapi/ and fixtures/. Installed once; each test uses it.
 */
t.setTimeout(600_000)
const { tarball, scratch } = await packTarball(t)
const project = await userProject(join(scratch, 'project'), { type: 'module' }, [tarball])
const recipes = readmeRecipes()

const tokenScript = (load: string) => `${load}
const server = await start()
const res = await fetch(server.url + '/token', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'client_id=a&client_secret=b&grant_type=client_credentials' })
console.log(res.status)
await server.close()`

t.test('the tarball ships the bundles, the compiled table and the types, nothing else of dist', async (t) => {
  const { stdout: listing } = await run('tar', ['-tzf', tarball])
  t.match(listing, /package\/dist\/index\.bundle\.js/, 'ships the ES module bundle')
  t.match(listing, /package\/dist\/index\.bundle\.cjs/, 'ships the CommonJS bundle')
  t.match(listing, /package\/dist\/cli\.bundle\.js/, 'ships the CLI')
  t.match(listing, /package\/dist\/openapi-compiled\.cjs/, 'ships the compiled OpenAPI table')
  t.match(listing, /package\/dist\/index\.d\.ts/, 'ships the types')
  t.match(listing, /package\/dist\/index\.d\.cts/, 'ships the CommonJS types')
  t.match(listing, /package\/openapi\/mock-dwolla\.yaml/, 'ships the OpenAPI document')
  t.match(listing, /package\/fixtures\/defaults\.json/, 'ships the shipped fixtures')
  for (const page of documentationFiles()) t.match(listing, `package/${page}\n`, `ships ${page}`)
  t.notMatch(listing, /package\/dist\/(index|server|cli)\.js\b/, 'not the unbundled modules the bundles were made from')
  t.notMatch(listing, /package\/(src|test|bench|scripts)\//, 'ships no sources, tests or build scripts')
})

t.test('the installed package holds the documentation: README.md and every page of docs/', async (t) => {
  const installed = join(project, 'node_modules', 'mock-dwolla')
  const pages = documentationFiles()
  t.ok(pages.includes('docs/customers.md'), 'the repository has docs/customers.md')
  for (const page of pages) t.equal(await readFile(join(installed, page), 'utf8'), readDoc(page), `node_modules/mock-dwolla/${page}, as written`)
})

t.test('imported as an ES module and required as CommonJS, from another folder', async (t) => {
  await writeFile(join(project, 'check.mjs'), tokenScript("import { start } from 'mock-dwolla'"))
  const esm = await run(process.execPath, ['check.mjs'], { cwd: project, env: cleanEnv() })
  t.equal(esm.stdout.trim(), '200', 'import: serves /token')
  await writeFile(join(project, 'check.cjs'), `const { start } = require('mock-dwolla')\n;(async () => {\n${tokenScript('')}\n})()`)
  const cjs = await run(process.execPath, ['check.cjs'], { cwd: project, env: cleanEnv() })
  t.equal(cjs.stdout.trim(), '200', 'require: serves /token')
})

t.test('its types resolve through exports for both module systems and type-check strictly', async (t) => {
  const source = `import { buildServer, start, type MockDwollaOptions, type RunningMockDwolla, DWOLLA_ERRORS } from 'mock-dwolla'
const options: MockDwollaOptions = { applications: [{ key: 'k', secret: 's' }] }
const running: Promise<RunningMockDwolla> = start({ ...options, port: 0 })
const code: keyof typeof DWOLLA_ERRORS = 'InvalidVersion'
export { buildServer, running, code }
`
  await writeFile(join(project, 'check.ts'), source)
  await writeFile(join(project, 'check.cts'), source)
  await writeFile(
    join(project, 'wrong.cts'),
    `import type { FixtureRule, MockDwollaOptions } from 'mock-dwolla'
export const wrong: MockDwollaOptions = { tokenLimit: 'many' }
export const misspelt: FixtureRule = { when: { operation: 'createClientToken' }, respond: { error: 'Forbiden' } }
`,
  )
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc')
  const flags = ['--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022']
  const types = ['--typeRoots', join(root, 'node_modules', '@types'), '--types', 'node']
  await run(process.execPath, [tsc, ...flags, ...types, 'check.ts', 'check.cts'], { cwd: project })
  t.pass('the ES module file (check.ts) and the CommonJS one (check.cts) type-check, without skipLibCheck')
  const wrong = await run(process.execPath, [tsc, ...flags, ...types, 'wrong.cts'], { cwd: project }).then(
    () => '',
    (error: { stdout: string }) => error.stdout,
  )
  t.match(wrong, /wrong\.cts\(2,.*error TS2322: Type 'string' is not assignable to type 'number'/, 'and the CommonJS types are real, not any')
  t.match(wrong, /wrong\.cts\(3,.*error TS2(322|820): Type '"Forbiden"' is not assignable/, 'a misspelt fixture error code fails tsc --strict')
})

t.test('npx mock-dwolla runs the installed copy', async (t) => {
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
})

/** The GitHub Actions recipe's start and wait steps (docs/test-double.md), on `port`, run as a runner runs them. */
async function runActionsSteps(port: number): Promise<{ code: number; output: string }> {
  const workflow = parse(recipes.get('github-actions') as string) as { jobs: { test: { steps: Array<{ name?: string; run?: string }> } } }
  const steps = workflow.jobs.test.steps.filter((step) => step.name?.startsWith('Start mock-dwolla') || step.name?.startsWith('Wait until mock-dwolla'))
  if (steps.length !== 2) throw new Error('the recipe needs a start step and a wait step')
  let output = ''
  let code = 0
  for (const step of steps) {
    // Each step is its own `bash -e` shell, as on a runner; the start step leaves the mock behind.
    const shell = spawn('bash', ['-e', '-c', (step.run as string).replaceAll('8910', String(port))], { cwd: project, detached: true, env: cleanEnv() })
    t.teardown(() => killGroup(shell.pid as number))
    shell.stdout.on('data', (chunk) => (output += chunk))
    shell.stderr.on('data', (chunk) => (output += chunk))
    ;[code] = (await once(shell, 'exit')) as [number]
    if (code !== 0) break
  }
  return { code, output }
}

t.test("the GitHub Actions recipe's steps start the mock and wait until it is ready", async (t) => {
  // The recipe names a fixed port, replaced by one found free; another test may take it before
  // the mock binds it, so a port lost that way is tried again with another.
  let port = await freePort()
  let { code, output } = await runActionsSteps(port)
  for (let retry = 0; retry < 3 && code !== 0 && /EADDRINUSE/.test(output); retry++) {
    port = await freePort()
    ;({ code, output } = await runActionsSteps(port))
  }
  t.equal(code, 0, 'the wait step saw the health endpoint answer')
  t.equal((await fetch(`http://127.0.0.1:${port}/__mock/health`)).status, 200, 'mock-dwolla is running in the background, as the later steps need')
  t.equal(await readFile(join(project, 'mock-dwolla.out'), 'utf8'), `MOCK_DWOLLA_URL=http://127.0.0.1:${port}\n`, 'its ready line')
})

t.test('when the mock cannot start, the wait step fails at once and prints its log', async (t) => {
  const taken = await listeningServer()
  const port = (taken.address() as AddressInfo).port
  t.teardown(() => taken.close())
  const started = Date.now()
  const { code, output } = await runActionsSteps(port)
  t.equal(code, 1, 'the wait step fails')
  t.ok(Date.now() - started < 15_000, 'without waiting out its 30 s')
  t.match(output, /::error::mock-dwolla exited before it was ready\. Its log:/, 'says what happened')
  t.match(output, /EADDRINUSE|address already in use/, "and shows the mock's own message")
})

t.test('the shell recipe (docs/cli.md): npx in the background, and kill stops the mock too', async (t) => {
  const script = (recipes.get('shell-background') as string).replace(/^npm test .*$/m, 'curl -sf "$MOCK_DWOLLA_URL/__mock/health" > health.json')
  const shell = spawn('bash', ['-e', '-c', script], { cwd: project, detached: true, env: cleanEnv() })
  t.teardown(() => killGroup(shell.pid as number))
  const [code] = (await once(shell, 'exit')) as [number]
  t.equal(code, 0, 'the recipe ran to its end')
  t.match(await readFile(join(project, 'health.json'), 'utf8'), /"status":"ok"/, 'the mock answered at the URL it printed')
  const url = /MOCK_DWOLLA_URL=(\S+)/.exec(await readFile(join(project, 'mock-dwolla.env'), 'utf8'))?.[1] as string
  let answering = true
  for (let i = 0; i < 40 && answering; i++) {
    answering = await fetch(`${url}/__mock/health`).then(
      () => true,
      () => false,
    )
    if (answering) await sleep(100)
  }
  t.notOk(answering, 'after `kill $mock_pid` (npx only), the mock itself stopped within 4 s')
})

function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL')
  } catch {
    // already gone
  }
}

function listeningServer(): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => resolve(server))
    server.on('error', reject)
  })
}

async function freePort(): Promise<number> {
  const server = await listeningServer()
  const { port } = server.address() as AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}
