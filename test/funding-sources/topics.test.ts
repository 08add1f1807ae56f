import { readFileSync } from 'node:fs'
import t from 'tap'
import { parse } from 'yaml'
import { OPENAPI_DOCUMENT_PATH } from '../../src/index.js'
import { FUNDING_SOURCE_TOPICS } from '../../src/resources/funding-sources/index.js'
import { docPage } from '../helpers/docs.js'

t.test('every topic funding sources raise is in the document’s event schema and on their page', async (t) => {
  const document = parse(readFileSync(OPENAPI_DOCUMENT_PATH, 'utf8'))
  t.same([...document.components.schemas.FundingSourceTopic.enum].sort(), [...FUNDING_SOURCE_TOPICS].sort(), 'the FundingSourceTopic enum: exactly these')
  const page = docPage('funding-sources')
  for (const topic of FUNDING_SOURCE_TOPICS) t.match(page, `\`${topic}\``, `docs/funding-sources.md names ${topic}`)
})
