import { readFileSync } from 'node:fs'
import t from 'tap'
import { DWOLLA_ERRORS, OAUTH_ERRORS } from '../src/index.js'
import { docPage, readDoc } from './helpers/docs.js'

const readme = readDoc('README.md')

t.test('docs/errors.md lists every error in the catalogue, with its status and message', async (t) => {
  const errors = docPage('errors')
  for (const [code, { status, message }] of Object.entries(DWOLLA_ERRORS)) {
    t.match(errors, `| ${status} | \`${code}\` | ${message} |`, `${code} is listed`)
  }
  for (const [error, { status }] of Object.entries(OAUTH_ERRORS)) {
    t.match(errors, `| ${status} | \`${error}\` |`, `${error} is listed`)
  }
})

t.test('the README gives the test command CI runs', async (t) => {
  const ci = readFileSync(new URL('../.ci/run', import.meta.url), 'utf8')
  t.match(readme, /^npm test\b/m, 'README: npm test')
  t.match(ci, /\bnpm test$/m, '.ci/run: npm test')
})

t.test('the README stays a front page a newcomer reads in five minutes: at most 300 lines', async (t) => {
  const lines = readme.endsWith('\n') ? readme.split('\n').length - 1 : readme.split('\n').length
  t.ok(lines <= 300, `README.md has ${lines} lines; the reference belongs in docs/`)
})
