import { readFileSync } from 'node:fs'
import t from 'tap'
import { DWOLLA_ERRORS, OAUTH_ERRORS } from '../src/index.js'

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')

t.test('the README lists every error in the catalogue, with its status and message', async (t) => {
  for (const [code, { status, message }] of Object.entries(DWOLLA_ERRORS)) {
    t.match(readme, `| ${status} | \`${code}\` | ${message} |`, `${code} is listed`)
  }
  for (const [error, { status }] of Object.entries(OAUTH_ERRORS)) {
    t.match(readme, `| ${status} | \`${error}\` |`, `${error} is listed`)
  }
})

t.test('the README gives the test command CI runs', async (t) => {
  const ci = readFileSync(new URL('../.ci/run', import.meta.url), 'utf8')
  t.match(readme, /^npm test\b/m, 'README: npm test')
  t.match(ci, /\bnpm test$/m, '.ci/run: npm test')
})
