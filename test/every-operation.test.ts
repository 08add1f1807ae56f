import { readFileSync } from 'node:fs'
import t from 'tap'
import { parse } from 'yaml'
import { OPENAPI_DOCUMENT_PATH } from '../src/index.js'
import { docPage } from './helpers/docs.js'
import { DWOLLA_OPERATIONS } from './helpers/dwolla-operations.js'

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const

/**
 * What the mock serves, read from its own document (the server registers a route for each of its
 * operations, test/openapi-document.test.ts): so an operation another branch adds is counted as
 * soon as its paths are merged, with nothing here to update.
 */
function servedOperations(): Map<string, string> {
  const document = parse(readFileSync(OPENAPI_DOCUMENT_PATH, 'utf8')) as { paths: Record<string, Record<string, { operationId?: string }>> }
  const served = new Map<string, string>()
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operationId = item[method]?.operationId
      if (operationId !== undefined) served.set(operationId, `${method.toUpperCase()} ${path}`)
    }
  }
  return served
}

interface NotServedRow {
  operationId: string
  route: string
  reason: string
}

/** The rows of docs/openapi.md's "Operations not served" table: `| `operationId` | `METHOD /path` | why |`. */
function notServedRows(): NotServedRow[] {
  const page = docPage('openapi')
  const start = page.indexOf('\n## Operations not served\n')
  if (start === -1) throw new Error('docs/openapi.md has no "Operations not served" section')
  const end = page.indexOf('\n## ', start + 1)
  const section = page.slice(start, end === -1 ? undefined : end)
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => {
      const cells = line
        .slice(1, -1)
        .split(' | ')
        .map((cell) => cell.trim())
      return { operationId: (cells[0] ?? '').replaceAll('`', ''), route: (cells[1] ?? '').replaceAll('`', ''), reason: cells[2] ?? '' }
    })
}

t.test('every operation of Dwolla’s document is served, or listed with its reason in docs/openapi.md', async (t) => {
  const served = servedOperations()
  const rows = new Map(notServedRows().map((row) => [row.operationId, row]))
  t.equal(DWOLLA_OPERATIONS.length, 82, 'Dwolla’s document has 82 operations')
  for (const [operationId, method, path] of DWOLLA_OPERATIONS) {
    const row = rows.get(operationId)
    if (served.has(operationId)) {
      t.equal(served.get(operationId), `${method} ${path}`, `${operationId}: served at Dwolla’s method and path`)
      t.equal(row, undefined, `${operationId} is served: delete its row from the "Operations not served" table`)
    } else {
      t.ok(row, `${operationId} (${method} ${path}) is neither served nor listed in docs/openapi.md#operations-not-served`)
      t.equal(row?.route, `${method} ${path}`, `${operationId}: its row names Dwolla’s method and path`)
      t.ok((row?.reason.length ?? 0) > 10, `${operationId}: its row gives a reason`)
    }
  }
  const known = new Set(DWOLLA_OPERATIONS.map(([operationId]) => operationId))
  for (const operationId of rows.keys()) t.ok(known.has(operationId), `the table's ${operationId} is one of Dwolla's operations`)
  t.equal(served.size + rows.size, 82, 'served and listed: all 82, each once')
})

t.test('the check is not vacuous: it reads the table and the document it is given', async (t) => {
  const rows = notServedRows()
  t.ok(
    rows.every((row) => row.operationId.length > 0 && row.route.includes(' /')),
    'every row parses to an operationId and a route',
  )
  t.ok(servedOperations().has('listExchangePartners'), 'the mock’s document is read (an open-banking operation is served)')
  t.notOk(servedOperations().has('notAnOperation'), 'and only what it has')
})
