import type { EmbeddedError } from '../errors.js'
import { childPointer, pointerSegments } from '../json-pointer.js'

/** The part of an Ajv error this module reads (openapi-backend's validators are Ajv functions). */
export interface SchemaViolation {
  instancePath: string
  keyword: string
  params: Record<string, unknown>
}

/** Where openapi-backend's validators put the request body, headers, query and path parameters in what they check. */
const BODY_PREFIX = '/requestBody'
const HEADER_PREFIX = '/header'
const QUERY_PREFIX = '/query'
const PATH_PREFIX = '/path'

/** Ajv's errors split by what they concern, with body paths rewritten as pointers into the body. */
export interface RequestProblems {
  /** Header parameters that failed (for the API: Accept). */
  headers: SchemaViolation[]
  /** The body itself is missing or not an object: nothing can be said about its fields. */
  unreadableBody: boolean
  /** Field errors, in Dwolla's embedded shape. */
  fields: EmbeddedError[]
  /** Query parameters that failed, as embedded errors at `/<name>` (unknown parameters are tolerated). */
  query: EmbeddedError[]
  /** Path parameters that failed (an id of the wrong form: no such resource). */
  path: SchemaViolation[]
}

/** The verdict on a request the validators accepted: shared, since it says nothing. */
const NO_PROBLEMS: RequestProblems = Object.freeze({ headers: [], unreadableBody: false, fields: [], query: [], path: [] })

export function classifyProblems(errors: readonly SchemaViolation[]): RequestProblems {
  if (errors.length === 0) return NO_PROBLEMS
  const problems: RequestProblems = { headers: [], unreadableBody: false, fields: [], query: [], path: [] }
  const seenPaths = new Set<string>()
  for (const error of errors) {
    if (error.instancePath.startsWith(HEADER_PREFIX) || isMissing(error, 'header')) {
      problems.headers.push(error)
      continue
    }
    if (error.instancePath.startsWith(PATH_PREFIX) || isMissing(error, 'path')) {
      problems.path.push(error)
      continue
    }
    if (error.instancePath.startsWith(QUERY_PREFIX)) {
      // Parameters the document does not list are ignored, as an API ignores what it does not read.
      if (error.keyword === 'additionalProperties') continue
      const [name = ''] = pointerSegments(error.instancePath.slice(QUERY_PREFIX.length))
      const path = childPointer('', name)
      if (seenPaths.has(`?${path}`)) continue
      seenPaths.add(`?${path}`)
      problems.query.push({ code: 'Invalid', message: `${fieldLabel(path)} invalid.`, path, _links: {} })
      continue
    }
    if (isMissing(error, 'requestBody') || (error.instancePath === BODY_PREFIX && error.keyword === 'type')) {
      problems.unreadableBody = true
      continue
    }
    if (!error.instancePath.startsWith(BODY_PREFIX)) continue
    const field = toEmbeddedError(error)
    // One error per field, as Dwolla reports them; Ajv may find several (type and enum, say).
    if (seenPaths.has(field.path)) continue
    seenPaths.add(field.path)
    problems.fields.push(field)
  }
  return problems
}

function isMissing(error: SchemaViolation, property: string): boolean {
  return error.keyword === 'required' && error.instancePath === '' && error.params.missingProperty === property
}

function toEmbeddedError(error: SchemaViolation): EmbeddedError {
  const parent = error.instancePath.slice(BODY_PREFIX.length)
  if (error.keyword === 'required') {
    const path = childPointer(parent, String(error.params.missingProperty))
    return { code: 'Required', message: `${fieldLabel(path)} required.`, path, _links: {} }
  }
  return { code: 'Invalid', message: `${fieldLabel(parent)} invalid.`, path: parent, _links: {} }
}

/**
 * A readable name for the field a pointer names, the way Dwolla's messages name them:
 * `/action` → "Action", `/_links/customer/href` → "Customer href", `/_links` → "Links".
 */
function fieldLabel(pointer: string): string {
  const segments = pointerSegments(pointer)
  const last = segments.at(-1) ?? ''
  const words = last === 'href' && segments.length > 1 ? `${segments.at(-2)} href` : last
  const name = words.replace(/^_+/, '')
  return name.charAt(0).toUpperCase() + name.slice(1)
}
