import t from 'tap'
import { OAUTH_ERRORS } from '../src/index.js'
import { basic, FORM, mockFor, requestAccessToken, TOKEN_PATTERN } from './helpers/mock.js'

t.test('form credentials (dwolla-v2) get a Bearer token', async (t) => {
  const app = await mockFor(t)
  const response = await requestAccessToken(app)
  t.equal(response.statusCode, 200, 'status 200')
  t.match(response.headers['content-type'], /^application\/json/, 'plain JSON, not the Dwolla media type')
  t.equal(response.headers['cache-control'], 'no-store', 'RFC 6749 §5.1 Cache-Control')
  t.equal(response.headers.pragma, 'no-cache', 'RFC 6749 §5.1 Pragma')
  const body = response.json()
  t.same(Object.keys(body), ['access_token', 'token_type', 'expires_in'], 'exactly the documented fields')
  t.match(body.access_token, TOKEN_PATTERN, '50 alphanumeric characters')
  t.equal(body.token_type, 'Bearer', 'token_type Bearer')
  t.equal(body.expires_in, 3599, 'expires_in as Dwolla answers it, an integer')
})

t.test('Basic credentials (the dwolla SDK) get a token', async (t) => {
  const app = await mockFor(t)
  const response = await requestAccessToken(app, {
    form: 'grant_type=client_credentials',
    headers: { authorization: basic('key', 'secret') },
  })
  t.equal(response.statusCode, 200, 'status 200')
  t.match(response.json().access_token, TOKEN_PATTERN, 'a token')
})

t.test('no Accept requirement on /token', async (t) => {
  const app = await mockFor(t)
  for (const accept of ['*/*', 'application/json', 'text/html']) {
    const response = await requestAccessToken(app, { headers: { accept } })
    t.equal(response.statusCode, 200, `Accept: ${accept} is fine`)
  }
})

t.test('every token is new', async (t) => {
  const app = await mockFor(t)
  const tokens = new Set<string>()
  for (let i = 0; i < 50; i++) tokens.add((await requestAccessToken(app)).json().access_token)
  t.equal(tokens.size, 50, '50 requests, 50 distinct tokens')
})

t.test('configured lifetime is the expires_in answered', async (t) => {
  const app = await mockFor(t, { accessTokenLifetimeSeconds: 120 })
  t.equal((await requestAccessToken(app)).json().expires_in, 120, 'expires_in follows the option')
})

t.test('grant_type errors', async (t) => {
  const app = await mockFor(t)
  const cases: Array<[string, string, number, string]> = [
    ['missing', 'client_id=key&client_secret=secret', 400, 'invalid_request'],
    ['empty body', '', 400, 'invalid_request'],
    ['another grant', 'client_id=key&client_secret=secret&grant_type=password', 400, 'unsupported_grant_type'],
    ['refresh_token grant', 'client_id=key&client_secret=secret&grant_type=refresh_token', 400, 'unsupported_grant_type'],
    ['repeated', 'client_id=key&client_secret=secret&grant_type=client_credentials&grant_type=client_credentials', 400, 'invalid_request'],
    ['repeated client_id', 'client_id=key&client_id=other&client_secret=secret&grant_type=client_credentials', 400, 'invalid_request'],
  ]
  for (const [name, form, status, error] of cases) {
    const response = await requestAccessToken(app, { form })
    t.equal(response.statusCode, status, `${name}: status ${status}`)
    t.match(response.headers['content-type'], /^application\/json/, `${name}: application/json`)
    t.equal(response.json().error, error, `${name}: error ${error}`)
    t.type(response.json().error_description, 'string', `${name}: error_description`)
  }
})

t.test('credential errors are 401 invalid_client', async (t) => {
  const app = await mockFor(t)
  const cases: Array<[string, string, Record<string, string>]> = [
    ['no credentials at all', 'grant_type=client_credentials', {}],
    ['empty form secret', 'client_id=key&client_secret=&grant_type=client_credentials', {}],
    ['form id without secret', 'client_id=key&grant_type=client_credentials', {}],
    ['empty Basic pair', 'grant_type=client_credentials', { authorization: basic('', '') }],
    ['Bearer instead of Basic', 'grant_type=client_credentials', { authorization: 'Bearer abc' }],
    ['garbage Basic', 'grant_type=client_credentials', { authorization: 'Basic %%%' }],
    ['Basic without a colon', 'grant_type=client_credentials', { authorization: `Basic ${Buffer.from('keysecret').toString('base64')}` }],
  ]
  for (const [name, form, headers] of cases) {
    const response = await requestAccessToken(app, { form, headers })
    t.equal(response.statusCode, 401, `${name}: 401`)
    t.same(response.json(), { error: 'invalid_client', error_description: OAUTH_ERRORS.invalid_client.description }, `${name}: invalid_client`)
  }
})

t.test('a failed Basic attempt answers WWW-Authenticate (RFC 6749 §5.2)', async (t) => {
  const app = await mockFor(t, { applications: [{ key: 'key', secret: 'secret' }] })
  const response = await requestAccessToken(app, { form: 'grant_type=client_credentials', headers: { authorization: basic('key', 'wrong') } })
  t.equal(response.statusCode, 401, '401')
  t.match(response.headers['www-authenticate'], /^Basic/, 'Basic challenge')
})

t.test('configured applications: only their credentials pass', async (t) => {
  const app = await mockFor(t, { applications: [{ key: 'app-key', secret: 'app-secret' }] })
  const good = await requestAccessToken(app, { form: 'client_id=app-key&client_secret=app-secret&grant_type=client_credentials' })
  t.equal(good.statusCode, 200, 'the configured pair via the form')
  const basicGood = await requestAccessToken(app, { form: 'grant_type=client_credentials', headers: { authorization: basic('app-key', 'app-secret') } })
  t.equal(basicGood.statusCode, 200, 'the configured pair via Basic')
  for (const [key, secret] of [
    ['app-key', 'nope'],
    ['other', 'app-secret'],
    ['app-key', 'app-secret-longer'],
  ]) {
    const response = await requestAccessToken(app, { form: `client_id=${key}&client_secret=${secret}&grant_type=client_credentials` })
    t.equal(response.json().error, 'invalid_client', `${key}/${secret} refused`)
  }
})

t.test('Basic and form credentials together', async (t) => {
  const app = await mockFor(t)
  const agree = await requestAccessToken(app, {
    form: 'client_id=key&client_secret=secret&grant_type=client_credentials',
    headers: { authorization: basic('key', 'secret') },
  })
  t.equal(agree.statusCode, 200, 'the same pair twice is accepted')
  const disagree = await requestAccessToken(app, {
    form: 'client_id=key&client_secret=other&grant_type=client_credentials',
    headers: { authorization: basic('key', 'secret') },
  })
  t.equal(disagree.statusCode, 400, 'two different pairs: 400')
  t.equal(disagree.json().error, 'invalid_request', 'invalid_request (RFC 6749 §2.3: one method per request)')
})

t.test('unicode and odd Basic forms', async (t) => {
  const app = await mockFor(t, { applications: [{ key: 'clé', secret: 'sécret:with:colons' }] })
  const unicode = await requestAccessToken(app, { form: 'grant_type=client_credentials', headers: { authorization: basic('clé', 'sécret:with:colons') } })
  t.equal(unicode.statusCode, 200, 'UTF-8 credentials, colons in the secret')
  const lowercase = await requestAccessToken(app, {
    form: 'grant_type=client_credentials',
    headers: { authorization: `basic   ${Buffer.from('clé:sécret:with:colons').toString('base64')}  ` },
  })
  t.equal(lowercase.statusCode, 200, 'lowercase scheme and extra spaces')
})

t.test('only form bodies', async (t) => {
  const app = await mockFor(t)
  const json = await app.inject({
    method: 'POST',
    url: '/token',
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify({ grant_type: 'client_credentials', client_id: 'key', client_secret: 'secret' }),
  })
  t.equal(json.statusCode, 400, 'JSON body: 400')
  t.equal(json.json().error, 'invalid_request', 'JSON body: invalid_request')
  const malformedJson = await app.inject({ method: 'POST', url: '/token', headers: { 'content-type': 'application/json' }, payload: '{' })
  t.equal(malformedJson.json().error, 'invalid_request', 'malformed JSON: still OAuth-shaped')
  const text = await app.inject({ method: 'POST', url: '/token', headers: { 'content-type': 'text/plain' }, payload: 'grant_type=client_credentials' })
  t.equal(text.statusCode, 400, 'text/plain: 400')
  t.equal(text.json().error, 'invalid_request', 'text/plain: invalid_request')
  const none = await app.inject({ method: 'POST', url: '/token' })
  t.equal(none.json().error, 'invalid_request', 'no body at all: invalid_request')
  const charset = await requestAccessToken(app, { headers: { 'content-type': `${FORM}; charset=UTF-8` } })
  t.equal(charset.statusCode, 200, 'a charset parameter is fine')
})

t.test('oversized bodies: 413, still OAuth-shaped', async (t) => {
  const app = await mockFor(t, { bodyLimit: 1024 })
  const response = await requestAccessToken(app, { form: `grant_type=client_credentials&pad=${'x'.repeat(2048)}` })
  t.equal(response.statusCode, 413, '413')
  t.equal(response.json().error, 'invalid_request', 'with an error key')
})
