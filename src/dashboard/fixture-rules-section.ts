import type { FixtureRespond } from '../fixture-rules/fixture-types.js'
import type { DashboardSection } from './dashboard-section.js'

/** An example in the add-rule field: the shape of a rule, ready to edit (docs/fixtures.md). */
const EXAMPLE_RULE = JSON.stringify({ name: 'customers are down', when: { operation: 'listAndSearchCustomers' }, respond: { status: 503 }, times: 1 }, null, 2)

/**
 * The fixture rules in force, in the order they are checked (runtime, files, defaults), as
 * GET /__mock/fixtures lists them; a runtime rule can be removed, and a rule added, through the
 * same admin calls a suite makes. The server's, not an application's.
 */
export const FIXTURE_RULES_SECTION: DashboardSection = {
  id: 'fixture-rules',
  title: 'Fixture rules',
  list({ mock }, { offset, limit }) {
    const rules = mock.fixtures.list()
    return {
      columns: ['Id', 'Source', 'Operation', 'Name', 'Answers', 'Matched'],
      rows: rules.slice(offset, offset + limit).map(({ id, source, rule, matched }) => ({
        key: id,
        cells: [
          { text: id, code: true },
          source,
          rule.when.operation,
          rule.name ?? '—',
          answerOf(rule.respond),
          rule.times === undefined ? String(matched) : `${matched} of ${rule.times}`,
        ],
        json: '/fixtures',
        details: [{ label: 'The rule', text: JSON.stringify(rule, null, 2) }],
        actions: source === 'runtime' ? [{ label: 'Remove', path: `/fixtures/${encodeURIComponent(id)}`, method: 'DELETE' }] : [],
      })),
      total: rules.length,
      empty: 'No fixture rule in force.',
    }
  },
  actions: () => [{ label: 'Add fixture rule', path: '/fixtures', fields: [{ name: 'rule', label: 'Rule (JSON)', kind: 'body', value: EXAMPLE_RULE }] }],
}

/** What a rule answers, in a few words: its error code, fault or status, or the normal answer after a delay. */
function answerOf(respond: FixtureRespond): string {
  const answer = respond.error ?? respond.fault ?? (respond.status === undefined ? 'the normal answer' : String(respond.status))
  return respond.delayMs === undefined ? answer : `${answer} after ${respond.delayMs} ms`
}
