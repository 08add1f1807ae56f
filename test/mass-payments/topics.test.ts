import { readFileSync } from 'node:fs'
import t from 'tap'
import { parse } from 'yaml'
import { OPENAPI_DOCUMENT_PATH } from '../../src/index.js'
import { MASS_PAYMENT_TOPICS } from '../../src/resources/mass-payments/index.js'
import { docPage } from '../helpers/docs.js'

t.test('every topic mass payments raise is in the document’s event schema and on their page', async (t) => {
  const document = parse(readFileSync(OPENAPI_DOCUMENT_PATH, 'utf8'))
  t.same([...document.components.schemas.MassPaymentTopic.enum].sort(), [...MASS_PAYMENT_TOPICS].sort(), 'the MassPaymentTopic enum: exactly these')
  t.ok(
    document.components.schemas.EventTopic.anyOf.some((schema: { $ref?: string }) => schema.$ref === '#/components/schemas/MassPaymentTopic'),
    'and an event may carry them',
  )
  const page = docPage('mass-payments')
  for (const topic of MASS_PAYMENT_TOPICS) t.match(page, `\`${topic}\``, `docs/mass-payments.md names ${topic}`)
})
