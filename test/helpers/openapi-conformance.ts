import { readFileSync } from 'node:fs'
import { Ajv, type ValidateFunction } from 'ajv'
import type { FastifyInstance } from 'fastify'
import type { Test } from 'tap'
import { parse } from 'yaml'
import { OPENAPI_DOCUMENT_PATH } from '../../src/index.js'

type Json = Record<string, unknown>

const document = parse(readFileSync(OPENAPI_DOCUMENT_PATH, 'utf8')) as Json
// OpenAPI 3.0 schemas are JSON Schema plus a few annotations (example, style...): not strict.
const ajv = new Ajv({ strict: false, allErrors: true })
ajv.addSchema(document, 'openapi')
const compiled = new Map<string, ValidateFunction>()

/** The operation objects of the document, by operationId. */
const operations = new Map<string, Json>()
for (const item of Object.values(document.paths as Json)) {
  for (const operation of Object.values(item as Json)) operations.set((operation as Json).operationId as string, operation as Json)
}

function resolve(value: Json): Json {
  const ref = value.$ref
  if (typeof ref !== 'string') return value
  return ref
    .slice(2)
    .split('/')
    .reduce((node: Json, key) => node[key.replaceAll('~1', '/').replaceAll('~0', '~')] as Json, document)
}

/**
 * Why a response does not conform to openapi/mock-dwolla.yaml, or undefined when it does: its
 * status must be documented for the operation (or `default`), its media type one the document
 * lists for that status (no content: an empty body), and its body valid against that schema.
 */
export function responseProblem(operationId: string, status: number, contentType: string | undefined, body: string): string | undefined {
  const operation = operations.get(operationId)
  if (operation === undefined) return `${operationId} is not in the document`
  const responses = operation.responses as Json
  const key = String(status) in responses ? String(status) : 'default' in responses ? 'default' : undefined
  if (key === undefined) return `${operationId}: status ${status} is not documented`
  const response = resolve(responses[key] as Json)
  const content = response.content as Json | undefined
  if (content === undefined) return body === '' ? undefined : `${operationId} ${status}: documented without a body, got ${body.slice(0, 80)}`
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase() ?? ''
  if (!(mediaType in content)) return `${operationId} ${status}: media type ${contentType} is not documented`
  // A response given by $ref is reached through its component, the others through the operation.
  const ref = (responses[key] as Json).$ref as string | undefined
  const responsePointer = ref === undefined ? `#/paths/${pathOf(operationId)}/responses/${key}` : ref
  const schemaRef = `openapi${responsePointer}/content/${escape(mediaType)}/schema`
  let validate = compiled.get(schemaRef)
  if (validate === undefined) {
    validate = ajv.compile({ $ref: schemaRef })
    compiled.set(schemaRef, validate)
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    return `${operationId} ${status}: body is not JSON: ${body.slice(0, 80)}`
  }
  if (validate(parsed)) return undefined
  return `${operationId} ${status}: ${ajv.errorsText(validate.errors)} in ${body.slice(0, 200)}`
}

function escape(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1')
}

function pathOf(operationId: string): string {
  for (const [path, item] of Object.entries(document.paths as Json)) {
    for (const [method, operation] of Object.entries(item as Json)) {
      if ((operation as Json).operationId === operationId) return `${escape(path)}/${method}`
    }
  }
  throw new Error(`no operation ${operationId}`)
}

/**
 * Checks every response the mock sends during a test against the document, failing the test
 * on the first that does not conform. Answers made by fixture rules are skipped: a rule may
 * answer anything on purpose.
 */
export function checkResponsesAgainstDocument(app: FastifyInstance, t: Test): void {
  app.addHook('onSend', (request, reply, payload, done) => {
    const { operationId } = request.routeOptions.config
    if (operationId !== undefined && request.mockContext?.fixtureRule === undefined) {
      // The mock sends strings and Buffers; nothing (a 201, a 204) is an empty body.
      const body = typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString() : ''
      const problem = responseProblem(operationId, reply.statusCode, reply.getHeader('content-type') as string | undefined, body)
      if (problem !== undefined) t.fail(`a response conforms to openapi/mock-dwolla.yaml: ${problem}`)
    }
    done(null, payload)
  })
}
