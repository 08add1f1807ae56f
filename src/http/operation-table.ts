import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Document, OpenAPIBackend } from 'openapi-backend'
import type * as Yaml from 'yaml'
import { packageFile } from '../package-files.js'
import type { SchemaViolation } from './validation-errors.js'

export const OPENAPI_DOCUMENT_PATH = packageFile('openapi/mock-dwolla.yaml')

/**
 * Where `npm run build` writes the compiled table (scripts/compile-openapi.js): one CommonJS
 * file, loaded with require, so the CommonJS build (in a jest project, say) loads it as well.
 */
export const COMPILED_TABLE_PATH = packageFile('dist/openapi-compiled.cjs')

/** A request validator openapi-backend built for an operation (an Ajv function, compiled or live). */
export interface RequestValidator {
  (input: unknown): boolean
  errors?: SchemaViolation[] | null
}

/** One operation of the document, as the server routes and validates it. */
export interface OperationEntry {
  operationId: string
  method: string
  /** The document's path, e.g. `/client-tokens`. */
  path: string
  /** The request body media types the document lists (only these are accepted). */
  mediaTypes: string[]
  validators: RequestValidator[]
}

export interface OperationTable {
  /** `compiled`: built by `npm run build` for this exact document; `openapi-backend`: loaded now. */
  source: 'compiled' | 'openapi-backend'
  /** SHA-256 of the document text the table was made from. */
  digest: string
  operations: OperationEntry[]
}

export function documentDigest(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

let loading: Promise<OperationTable> | undefined

/**
 * The document's operations, once per process. The build compiles them through openapi-backend
 * (routes, and each request validator as standalone Ajv code); that table is used when its
 * digest matches the document on disk, which spares every start openapi-backend's loading and
 * Ajv's compiling. Otherwise (running from source, or a document edited since the build) the
 * document is loaded through openapi-backend now.
 */
export function loadOperationTable(): Promise<OperationTable> {
  loading ??= (async () => {
    const text = readFileSync(OPENAPI_DOCUMENT_PATH, 'utf8')
    const compiled = existsSync(COMPILED_TABLE_PATH) ? (createRequire(import.meta.url)(COMPILED_TABLE_PATH) as CompiledTable) : undefined
    return tableFor(text, compiled)
  })()
  return loading
}

/** What the build writes: the table and the digest of the document it was made from. */
export interface CompiledTable {
  digest: string
  operations: OperationEntry[]
}

/** The compiled table if it was made from exactly this document text; else the document, loaded now. */
export async function tableFor(text: string, compiled: CompiledTable | undefined): Promise<OperationTable> {
  const digest = documentDigest(text)
  if (compiled?.digest === digest) return { source: 'compiled', digest, operations: compiled.operations }
  return liveOperationTable(text, {})
}

/**
 * Loads the document through openapi-backend and builds each operation's request validators.
 * Quick mode skips re-validating the document against the OpenAPI meta-schema (the build does
 * that in strict mode, and so does a test). allErrors lets one answer list every bad field, as
 * Dwolla's do. `ajvCode` is for the build, which needs the validators' source.
 */
export async function liveOperationTable(
  text: string,
  options: { strict?: boolean; ajvCode?: object; onAjv?: (ajv: unknown) => void },
): Promise<OperationTable> {
  // Required lazily: a start that uses the compiled table never loads openapi-backend or yaml.
  const require = createRequire(import.meta.url)
  const { OpenAPIBackend: Backend } = require('openapi-backend') as { OpenAPIBackend: typeof OpenAPIBackend }
  const { parse } = require('yaml') as typeof Yaml
  const api = new Backend({
    definition: parse(text) as Document,
    quick: !options.strict,
    strict: true,
    ajvOpts: { allErrors: true, ...(options.ajvCode === undefined ? {} : { code: options.ajvCode }) },
    customizeAjv: (ajv) => {
      options.onAjv?.(ajv)
      return ajv
    },
  })
  await api.init()
  const operations = api.getOperations().map((operation) => {
    if (operation.operationId === undefined) {
      throw new Error(`${OPENAPI_DOCUMENT_PATH}: ${operation.method.toUpperCase()} ${operation.path} has no operationId`)
    }
    // The document is dereferenced, so requestBody is never a $ref here.
    const requestBody = operation.requestBody as { content?: Record<string, unknown> } | undefined
    return {
      operationId: operation.operationId,
      method: operation.method.toUpperCase(),
      path: operation.path,
      mediaTypes: Object.keys(requestBody?.content ?? {}),
      validators: (api.validator.getRequestValidatorsForOperation(operation.operationId) ?? []) as RequestValidator[],
    }
  })
  return { source: 'openapi-backend', digest: documentDigest(text), operations }
}
