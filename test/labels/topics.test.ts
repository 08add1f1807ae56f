import { readFileSync } from 'node:fs'
import t from 'tap'
import { parse } from 'yaml'
import { OPENAPI_DOCUMENT_PATH } from '../../src/index.js'
import { LABEL_TOPICS } from '../../src/resources/labels/index.js'
import { docPage } from '../helpers/docs.js'

t.test('every topic labels raise is in the document’s event schema and on their page', async (t) => {
  const document = parse(readFileSync(OPENAPI_DOCUMENT_PATH, 'utf8'))
  t.same([...document.components.schemas.LabelTopic.enum].sort(), [...LABEL_TOPICS].sort(), 'the LabelTopic enum: exactly these')
  t.ok(
    document.components.schemas.EventTopic.anyOf.some((schema: { $ref?: string }) => schema.$ref === '#/components/schemas/LabelTopic'),
    'and an event may carry them',
  )
  const page = docPage('labels')
  for (const topic of LABEL_TOPICS) t.match(page, `\`${topic}\``, `docs/labels.md names ${topic}`)
})
