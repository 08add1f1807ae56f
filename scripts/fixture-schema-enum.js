// The fixture schema (fixtures/fixtures.schema.json) is written by hand; two of its enums are
// generated: a rule's `when.operation` (the document's operationIds) and its `respond.error`
// (the error catalogue's codes). Only the enum's lines are replaced, in the file's own layout,
// and the file is written only when they change.
import { readFileSync, writeFileSync } from 'node:fs'

const SCHEMA = new URL('../fixtures/fixtures.schema.json', import.meta.url)

/** Replaces the values of the enum that follows `"<property>": {` and its description line. */
export function writeSchemaEnum(property, values) {
  const text = readFileSync(SCHEMA, 'utf8')
  const found = new RegExp(`("${property}": \\{\\n\\s*"description": "[^"\\n]*",\\n\\s*"enum": \\[\\n)[\\s\\S]*?(\\n\\s*\\])`)
  if (!found.test(text)) throw new Error(`fixtures/fixtures.schema.json: the enum of "${property}" was not found`)
  const lines = []
  for (let i = 0; i < values.length; i += 5)
    lines.push(
      `            ${values
        .slice(i, i + 5)
        .map((value) => JSON.stringify(value))
        .join(', ')}`,
    )
  const updated = text.replace(found, (_, start, end) => `${start}${lines.join(',\n')}${end}`)
  if (updated !== text) writeFileSync(SCHEMA, updated)
}
