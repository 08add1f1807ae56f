import { closestName } from './closest-name.js'
import { customerIdOf } from './customer-href.js'
import { OPERATION_IDS } from './fixture-rules/operation-ids.js'
import type { OperationId } from './fixture-rules/fixture-types.js'
import { CLIENT_ID_MAX_LENGTH } from './tokens/application-registry.js'

/**
 * What a filter's value is, and how it is read: as given in-process, or as the text of a query
 * string (`?status=400`), so the two surfaces read the same filter the same way.
 */
type FilterKind = 'application' | 'operation' | 'method' | 'status' | 'customer' | 'text'

interface FilterField {
  readonly kind: FilterKind
  /** What it keeps, for the docs and for messages. */
  readonly means: string
}

/**
 * Every filter of the test double, by what it lists, with the same names and meanings in-process
 * (`server.requests(filter)`, `server.events(filter)`, `server.webhooks.deliveries(filter)`...)
 * and over HTTP (`GET /__mock/requests?…`, `/__mock/events?…`, `/__mock/webhooks?…`): both
 * surfaces read their filters through `readFilter`, so they cannot drift apart. docs/test-double.md
 * lists them (test/test-double/filters.test.ts holds the two together).
 */
export const TEST_DOUBLE_FILTERS = {
  requests: {
    application: { kind: 'application', means: 'the application (the key sent to /token, or whose access token was used)' },
    operation: { kind: 'operation', means: 'the operationId (createCustomer, createApplicationAccessToken…)' },
    path: { kind: 'text', means: 'the path, without the query string' },
    method: { kind: 'method', means: 'the HTTP method' },
    status: { kind: 'status', means: 'the status answered' },
    code: { kind: 'text', means: 'the error code answered (ValidationError, InvalidAccessToken, invalid_client…)' },
  },
  events: {
    application: { kind: 'application', means: 'the application whose event it is' },
    topic: { kind: 'text', means: 'the topic (customer_created…)' },
    customerId: { kind: 'customer', means: 'the customer it concerns (an id, or a customer href)' },
    resourceId: { kind: 'text', means: 'the resource it is about (its `_links.resource` id)' },
  },
  deliveries: {
    application: { kind: 'application', means: 'the application whose webhook it is' },
    topic: { kind: 'text', means: 'the event topic' },
    subscriptionId: { kind: 'text', means: 'the webhook subscription' },
    eventId: { kind: 'text', means: 'the event delivered' },
    webhookId: { kind: 'text', means: 'the webhook' },
  },
  application: {
    application: { kind: 'application', means: 'the application' },
  },
} as const satisfies Record<string, Record<string, FilterField>>

export type FilterName = keyof typeof TEST_DOUBLE_FILTERS

type ValueOf<K extends FilterKind> = K extends 'operation' ? OperationId : K extends 'status' ? number : string

/** A filter as read: each key of its table, typed by its kind. */
export type FilterOf<N extends FilterName> = {
  -readonly [K in keyof (typeof TEST_DOUBLE_FILTERS)[N]]?: (typeof TEST_DOUBLE_FILTERS)[N][K] extends { kind: infer Kind extends FilterKind }
    ? ValueOf<Kind>
    : never
}

/** A filter refused: an unknown key (named with the closest known one), or a value it cannot be. */
export class FilterError extends TypeError {
  override readonly name = 'FilterError'
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']

/**
 * Reads a filter for `name`, given in-process (an object, values of their types) or from a query
 * string (every value a string): the same keys, the same checks, the same meaning. Unknown keys
 * and operationIds throw FilterError naming the closest valid one; a customer href is read as its
 * id; undefined values are left out.
 */
export function readFilter<N extends FilterName>(name: N, given: unknown): FilterOf<N> {
  const table = TEST_DOUBLE_FILTERS[name] as Record<string, FilterField>
  if (given === undefined || given === null) return {}
  if (typeof given !== 'object' || Array.isArray(given)) throw new FilterError(`filter: expected an object with ${Object.keys(table).join(', ')}`)
  const filter: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(given)) {
    const field = Object.hasOwn(table, key) ? table[key] : undefined
    if (field === undefined) {
      const closest = closestName(key, Object.keys(table))
      throw new FilterError(
        `unknown filter ${JSON.stringify(key)}${closest === undefined ? '' : ` (did you mean ${closest}?)`}: filter by ${Object.keys(table).join(', ')}`,
      )
    }
    if (value === undefined) continue
    filter[key] = readValue(key, field, value)
  }
  return filter as FilterOf<N>
}

function readValue(key: string, field: FilterField, value: unknown): unknown {
  switch (field.kind) {
    case 'status': {
      const status = typeof value === 'string' && /^\d{3}$/.test(value) ? Number(value) : value
      if (typeof status !== 'number' || !Number.isInteger(status) || status < 100 || status > 599) {
        throw new FilterError(`${key}: expected a status code from 100 to 599, got ${JSON.stringify(value)}`)
      }
      return status
    }
    case 'operation': {
      if (typeof value !== 'string' || !(OPERATION_IDS as readonly string[]).includes(value)) {
        const closest = typeof value === 'string' ? closestName(value, OPERATION_IDS) : undefined
        throw new FilterError(
          `${key}: ${JSON.stringify(value)} is no operationId of the mock${closest === undefined ? '' : ` (did you mean ${closest}?)`}; they are listed in docs/test-double.md`,
        )
      }
      return value
    }
    case 'method': {
      const method = typeof value === 'string' ? value.toUpperCase() : undefined
      if (method === undefined || !METHODS.includes(method))
        throw new FilterError(`${key}: expected an HTTP method (${METHODS.join(', ')}), got ${JSON.stringify(value)}`)
      return method
    }
    case 'application':
      if (typeof value !== 'string' || value === '' || value.length > CLIENT_ID_MAX_LENGTH) {
        throw new FilterError(`${key}: expected an application key (client id) of 1 to ${CLIENT_ID_MAX_LENGTH} characters, got ${JSON.stringify(value)}`)
      }
      return value
    case 'customer': {
      if (typeof value !== 'string' || value === '') throw new FilterError(`${key}: expected a customer id or href, got ${JSON.stringify(value)}`)
      if (!/[/?#\s]/.test(value)) return value.toLowerCase()
      const id = customerIdOf(value)
      if (id === undefined) throw new FilterError(`${key}: ${JSON.stringify(value)} is neither a customer id nor a customer href (…/customers/<id>)`)
      return id
    }
    case 'text':
      if (typeof value !== 'string' || value === '') throw new FilterError(`${key}: expected a non-empty string, got ${JSON.stringify(value)}`)
      return value
  }
}
