import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import t, { type Test } from 'tap'
import { start } from '../../src/index.js'
import { cleanEnv, readmeRecipes } from '../helpers/readme-recipes.js'

const run = promisify(execFile)
const root = fileURLToPath(new URL('../..', import.meta.url))
const recipes = readmeRecipes()

/**
 * Each recipe of README.md and docs/ is written to a folder inside the project, where `import 'mock-dwolla'`
 * resolves to this package (self-reference through its exports, to the built dist/), and run
 * with the tool it is written for.
 */
async function recipeFolder(t: Test): Promise<string> {
  const folder = await mkdtemp(join(root, '.recipes-'))
  t.teardown(() => rm(folder, { recursive: true, force: true }))
  return folder
}

function recipe(name: string): string {
  const code = recipes.get(name)
  if (code === undefined) throw new Error(`neither README.md nor docs/ has a recipe "${name}"`)
  return code
}

t.test('README.md and docs/ hold every recipe, each once', async (t) => {
  t.same(
    [...recipes.keys()].sort(),
    [
      'backend-one-client',
      'backend-one-client-test',
      'business-drop-in',
      'dwolla',
      'dwolla-v2',
      'github-actions',
      'jest',
      'jest-commonjs',
      'moving-money',
      'node-test',
      'personal-flows',
      'readme-moving-money',
      'shell-background',
      'tap',
      'try-it',
      'vitest',
      'walkthrough-dwolla',
      'walkthrough-dwolla-v2',
      'webhook-handler',
      'webhooks-node-test',
    ],
    'twenty recipes (github-actions, shell-background and jest-commonjs run from the packed tarball, in package.test.ts and commonjs-jest.test.ts; the two backend-one-client ones in shared-mock-suite.test.ts)',
  )
})

t.test('the curl walk-through, $TOKEN included', async (t) => {
  const server = await start()
  t.teardown(() => server.close())
  const { stdout } = await run('bash', ['-e', '-c', recipe('try-it').replaceAll('http://127.0.0.1:8910', server.url)], { env: cleanEnv() })
  // curl -s prints the bodies back to back, without newlines; both are flat JSON objects.
  const [token, clientToken] = (stdout.match(/\{[^{}]*\}/g) ?? []).map((body) => JSON.parse(body) as Record<string, unknown>)
  t.match(token, { access_token: /^[0-9A-Za-z]{50}$/, token_type: 'Bearer', expires_in: 3599 }, 'the first call prints an access token')
  t.match(clientToken, { token: /^[0-9A-Za-z]{50}$/ }, 'the client-token call, with the $TOKEN the recipe kept, prints a client token')
  t.equal(server.requests({ path: '/token' }).length, 2, 'two token requests (one printed, one kept)')
})

t.test('node:test recipe', async (t) => {
  const folder = await recipeFolder(t)
  const file = join(folder, 'client-token.test.mjs')
  await writeFile(file, recipe('node-test'))
  const { stdout } = await run(process.execPath, ['--test', '--test-reporter=spec', file], { cwd: folder, env: cleanEnv() })
  t.match(stdout, /pass 3/, 'its three tests pass')
})

t.test('tap recipe', async (t) => {
  const folder = await recipeFolder(t)
  const file = join(folder, 'client-token.test.mjs')
  await writeFile(file, recipe('tap'))
  const { stdout } = await run(process.execPath, [file], { cwd: folder, env: cleanEnv() })
  t.match(stdout, /# \{ total: 2, pass: 2 \}|^ok 2 /m, 'its two tests pass')
  t.notMatch(stdout, /^not ok/m, 'nothing fails')
})

t.test('vitest recipe', async (t) => {
  const folder = await recipeFolder(t)
  await writeFile(join(folder, 'client-token.test.mjs'), recipe('vitest'))
  const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs')
  const { stdout } = await run(process.execPath, [vitest, 'run', '--root', folder], { cwd: folder, env: cleanEnv({ CI: 'true' }) })
  t.match(stdout, /Tests\s+1 passed/, 'its test passes')
})

t.test('jest recipe', async (t) => {
  const folder = await recipeFolder(t)
  // jest 29 matches .js test files; the project's "type": "module" makes this one ESM.
  await writeFile(join(folder, 'client-token.test.js'), recipe('jest'))
  const jest = join(root, 'node_modules', 'jest', 'bin', 'jest.js')
  const { stderr } = await run(process.execPath, ['--experimental-vm-modules', jest, '--rootDir', folder, '--ci', '--watchman=false'], {
    cwd: folder,
    env: cleanEnv(),
  })
  t.match(stderr, /Tests:\s+1 passed, 1 total/, 'its test passes')
})

t.test('SDK wiring recipes', async (t) => {
  const server = await start()
  t.teardown(() => server.close())
  const folder = await recipeFolder(t)
  for (const name of ['dwolla-v2', 'dwolla']) {
    const file = join(folder, `${name}.mjs`)
    // The recipes name the CLI's default address; this run points them at a free port instead.
    await writeFile(file, recipe(name).replaceAll('http://127.0.0.1:8910', server.url))
    const { stdout } = await run(process.execPath, [file], { cwd: folder, env: cleanEnv() })
    t.match(stdout.trim(), /^[0-9A-Za-z]{50}$/, `${name}: prints a client token`)
  }
  t.equal(server.requests({ path: '/client-tokens' }).length, 2, 'both reached the mock')
})

t.test('the drop-in backend walkthrough, with both SDKs, as written', async (t) => {
  const server = await start()
  t.teardown(() => server.close())
  const folder = await recipeFolder(t)
  const expected: Record<string, string> = { 'walkthrough-dwolla-v2': 'document 50', 'walkthrough-dwolla': 'retry 50' }
  for (const [name, output] of Object.entries(expected)) {
    const file = join(folder, `${name}.mjs`)
    await writeFile(file, recipe(name).replaceAll('http://127.0.0.1:8910', server.url))
    const { stdout } = await run(process.execPath, [file], { cwd: folder, env: cleanEnv() })
    t.equal(stdout.trim(), output, `${name}: prints "${output}"`)
  }
  t.equal(server.requests({ operation: 'createCustomer' }).length, 2, 'each created its customer on the mock')
  t.same(
    server.requests({ operation: 'getCustomer' }).map((entry) => entry.status),
    [200, 200],
    'and read it back',
  )
})

t.test('the webhook handler recipe, as written: a signed customer_created, verified, the customer re-read', async (t) => {
  const server = await start()
  t.teardown(() => server.close())
  const folder = await recipeFolder(t)
  const file = join(folder, 'webhook-handler.mjs')
  await writeFile(file, recipe('webhook-handler').replaceAll('http://127.0.0.1:8910', server.url))
  const { stdout } = await run(process.execPath, [file], { cwd: folder, env: cleanEnv() })
  t.equal(stdout.trim(), 'customer_created verified', 'the handler verified the signature and printed the topic and the customer’s status')
  await server.webhooks.settle()
  t.equal(server.requests({ operation: 'getCustomer' }).length, 1, 'the handler read the customer back')
  // The recipe cleans up after itself (issue 26): its subscription, and with it its webhooks, are gone.
  t.same(
    server.requests({ method: 'DELETE' }).map(({ path, status }) => [path.split('/')[1], status]),
    [['webhook-subscriptions', 200]],
    'then deleted its subscription',
  )
  t.same(server.webhooks.subscriptions(), [], 'none is left')
})

t.test('the webhooks node:test recipe: settle() instead of sleeping, retries by the clock', async (t) => {
  const folder = await recipeFolder(t)
  const file = join(folder, 'webhooks.test.mjs')
  await writeFile(file, recipe('webhooks-node-test'))
  const { stdout } = await run(process.execPath, ['--test', '--test-reporter=spec', file], { cwd: folder, env: cleanEnv() })
  t.match(stdout, /pass 2/, 'its two tests pass')
  t.match(stdout, /fail 0/, 'none fails')
})

t.test('moving money: a payment integration’s suite (create, simulate, fail with R01, settle webhooks)', async (t) => {
  const folder = await recipeFolder(t)
  const file = join(folder, 'moving-money.test.mjs')
  await writeFile(file, recipe('moving-money'))
  const { stdout } = await run(process.execPath, ['--test', '--test-reporter=spec', file], { cwd: folder, env: cleanEnv() })
  t.match(stdout, /pass 2/, 'its two tests pass')
  t.match(stdout, /fail 0/, 'none fails')
})

t.test('the README’s moving money: payouts processed by a simulation, one failed by a bank named R01, webhooks settled', async (t) => {
  const folder = await recipeFolder(t)
  const file = join(folder, 'moving-money.test.mjs')
  await writeFile(file, recipe('readme-moving-money'))
  const { stdout } = await run(process.execPath, [file], { cwd: folder, env: cleanEnv() })
  t.match(stdout, /^ok 1 - payouts stay pending until a simulation; one to a bank named R01 fails/m, 'its test passes')
  t.notMatch(stdout, /^\s*not ok/m, 'nothing fails')
})

t.test('the verification flows: a business certifies and sends, a document and a KBA verify a person', async (t) => {
  const server = await start()
  t.teardown(() => server.close())
  const folder = await recipeFolder(t)
  const expected: Record<string, string> = { 'business-drop-in': 'certified true', 'personal-flows': 'accepted verified verified verified' }
  for (const [name, output] of Object.entries(expected)) {
    const file = join(folder, `${name}.mjs`)
    await writeFile(file, recipe(name).replaceAll('http://127.0.0.1:8910', server.url))
    const { stdout } = await run(process.execPath, [file], { cwd: folder, env: cleanEnv() })
    t.equal(stdout.trim(), output, `${name}: prints "${output}"`)
  }
  t.equal(server.requests({ operation: 'certifyBeneficialOwnershipForCustomer' })[0]?.status, 200, 'the business certified on the mock')
})
