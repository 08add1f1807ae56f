import { readFileSync } from 'node:fs'
import t from 'tap'
import { parse } from 'yaml'
import { OPENAPI_DOCUMENT_PATH } from '../../src/index.js'
import { EXCHANGE_TOPICS } from '../../src/resources/exchanges/index.js'
import { docPage } from '../helpers/docs.js'

t.test('the exchange topic is in the document’s event topics and in docs/exchanges.md', async (t) => {
  const document = parse(readFileSync(OPENAPI_DOCUMENT_PATH, 'utf8'))
  t.same(document.components.schemas.ExchangeTopic.enum, [...EXCHANGE_TOPICS], 'the ExchangeTopic enum: exactly these')
  t.ok(
    document.components.schemas.EventTopic.anyOf.some((entry: { $ref: string }) => entry.$ref === '#/components/schemas/ExchangeTopic'),
    'EventTopic takes them',
  )
  const page = docPage('exchanges')
  for (const topic of EXCHANGE_TOPICS) t.match(page, `\`${topic}\``, `docs/exchanges.md names ${topic}`)
})
