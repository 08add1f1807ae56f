import { readFileSync } from 'node:fs'
import t from 'tap'
import { OpenAPIBackend } from 'openapi-backend'
import { parse } from 'yaml'
import { OPENAPI_DOCUMENT_PATH } from '../src/index.js'
import { mockFor, requestAccessToken, requestClientToken } from './helpers/mock.js'

const document = parse(readFileSync(OPENAPI_DOCUMENT_PATH, 'utf8'))

t.test('the document loads in openapi-backend strict mode (validated against the OpenAPI 3.0 schema)', async (t) => {
  const api = new OpenAPIBackend({ definition: OPENAPI_DOCUMENT_PATH, strict: true })
  await api.init()
  t.ok(api.initialized, 'initialised without a validation error')
  t.same(
    api.getOperations().map((o) => o.operationId).sort(),
    ['createApplicationAccessToken', 'createClientToken'],
    'both operations, by the operationIds Dwolla uses',
  )
})

t.test('every operation in the document is routed', async (t) => {
  const app = await mockFor(t)
  const api = new OpenAPIBackend({ definition: document, quick: true })
  await api.init()
  for (const operation of api.getOperations()) {
    const method = operation.method.toUpperCase()
    t.ok(app.hasRoute({ method: method as 'POST', url: operation.path }), `${method} ${operation.path} is a route`)
    const response = await app.inject({ method: method as 'POST', url: operation.path })
    t.not(response.statusCode, 404, `${method} ${operation.path} is not a 404`)
    t.not(response.statusCode, 405, `${method} ${operation.path} is not a 405`)
  }
})

t.test('the documented actions match the facts list', async (t) => {
  const actions = document.components.schemas.ClientTokenRequest.properties.action.enum
  t.equal(actions.length, 18, '18 actions')
  t.notOk(actions.includes('beneficialowner.delete'), 'the older misspelling is not accepted')
})

t.test('responses conform to the documented schemas', async (t) => {
  const app = await mockFor(t)
  const api = new OpenAPIBackend({ definition: document, quick: true })
  await api.init()
  const token = await requestAccessToken(app)
  t.equal(api.validateResponse(token.json(), 'createApplicationAccessToken', 200).errors, null, '/token 200 matches AccessToken')
  const bad = await requestAccessToken(app, { form: '' })
  t.equal(api.validateResponse(bad.json(), 'createApplicationAccessToken', 400).errors, null, '/token 400 matches OAuthError')
  const accessToken = token.json().access_token
  const created = await requestClientToken(app, { token: accessToken, body: { action: 'customer.create' } })
  t.equal(api.validateResponse(created.json(), 'createClientToken', 200).errors, null, '/client-tokens 200 matches')
  const invalid = await requestClientToken(app, { token: accessToken, body: { action: 'x' } })
  t.equal(api.validateResponse(invalid.json(), 'createClientToken', 400).errors, null, '/client-tokens 400 matches DwollaError')
})
