import { corruptStateFile } from '../../persistence/state-file.js'
import { listInEntry } from '../../persistence/world-snapshots.js'
import type { PersistedPart } from '../../world/resource.js'
import { exchangePartnerById } from '../exchange-partners/index.js'
import type { AvailableConnection, CheckoutSessionData, ExchangeSession, SessionFlow } from './exchange-session.js'
import { REDIRECT_URL_MAX_LENGTH } from './read-session-request.js'
import type { SessionStore } from './session-store.js'
import { EXCHANGE_SESSIONS, SESSION_LIMIT } from './sessions-part.js'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const FLOWS: readonly SessionFlow[] = ['plaid', 'mx', 'checkout']
/** Longer than any token or name the store makes (base64 of MX's two ids is about 120 characters). */
const VALUE_MAX_LENGTH = 512
/** A completed MX session makes two connections; more than a few in a file was not written by the store. */
const CONNECTIONS_MAX = 10

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)
const isText = (value: unknown, max = VALUE_MAX_LENGTH): value is string => typeof value === 'string' && value !== '' && value.length <= max

/**
 * An application's exchange sessions in the state file, oldest first, each checked: a restart
 * keeps a flow a customer started (its Plaid link token, its Checkout.com data) and, once
 * completed, the MX connections it made. `created` is ISO 8601; the rest is kept as the store has it.
 */
export const PERSISTED_EXCHANGE_SESSIONS: PersistedPart<SessionStore, ExchangeSession[]> = {
  part: EXCHANGE_SESSIONS,
  keys: ['exchangeSessions'],
  save: (store) => ({ exchangeSessions: store.snapshot().map((session) => ({ ...session, created: new Date(session.created).toISOString() })) }),
  load(entry, at, path) {
    const list = listInEntry(entry, 'exchangeSessions', at, path)
    if (list.length > SESSION_LIMIT)
      throw corruptStateFile(path, `${at}/exchangeSessions`, `${list.length} exchange sessions, more than the ${SESSION_LIMIT} kept`)
    const seen = new Set<string>()
    return list.map((value, index): ExchangeSession => {
      const pointer = `${at}/exchangeSessions/${index}`
      const wrong = (field: string, expected: string) => corruptStateFile(path, `${pointer}/${field}`, expected)
      const record = isRecord(value) ? value : {}
      const {
        id,
        customerId,
        partnerId,
        flow,
        created,
        redirectUrl,
        exchangeId,
        externalProviderSessionToken,
        externalProviderSessionData,
        completed,
        connections,
      } = record
      if (typeof id !== 'string' || !UUID.test(id) || seen.has(id)) throw wrong('id', 'expected a lowercase UUID, once')
      seen.add(id)
      if (typeof customerId !== 'string' || !UUID.test(customerId)) throw wrong('customerId', 'expected the lowercase UUID of a customer')
      if (typeof partnerId !== 'string' || exchangePartnerById(partnerId, true) === undefined)
        throw wrong('partnerId', 'expected the id of an exchange partner')
      if (!FLOWS.includes(flow as SessionFlow)) throw wrong('flow', `expected one of ${FLOWS.join(', ')}`)
      if (typeof created !== 'string' || Number.isNaN(Date.parse(created))) throw wrong('created', 'expected a date and time')
      if (redirectUrl !== undefined && !isText(redirectUrl, REDIRECT_URL_MAX_LENGTH))
        throw wrong('redirectUrl', `expected a URL of at most ${REDIRECT_URL_MAX_LENGTH} characters`)
      if (exchangeId !== undefined && (typeof exchangeId !== 'string' || !UUID.test(exchangeId)))
        throw wrong('exchangeId', 'expected the lowercase UUID of an exchange')
      if (externalProviderSessionToken !== undefined && !isText(externalProviderSessionToken)) throw wrong('externalProviderSessionToken', 'expected a token')
      const data = readCheckoutData(externalProviderSessionData, () =>
        wrong('externalProviderSessionData', 'expected id, payment_session_secret and payment_session_token'),
      )
      if (typeof completed !== 'boolean') throw wrong('completed', 'expected true or false')
      const linked = readConnections(connections, (at) => wrong(`connections${at}`, 'expected a list of {name, availableConnectionToken}'))
      return {
        id,
        customerId,
        partnerId: partnerId.toLowerCase(),
        flow: flow as SessionFlow,
        created: Date.parse(created),
        ...(redirectUrl === undefined ? {} : { redirectUrl }),
        ...(exchangeId === undefined ? {} : { exchangeId: exchangeId }),
        ...(externalProviderSessionToken === undefined ? {} : { externalProviderSessionToken }),
        ...(data === undefined ? {} : { externalProviderSessionData: data }),
        completed,
        ...(linked === undefined ? {} : { connections: linked }),
      }
    })
  },
  restore(world, sessions) {
    const store = EXCHANGE_SESSIONS.create(world)
    store.restore(sessions)
    world.put(EXCHANGE_SESSIONS, store)
  },
}

function readCheckoutData(value: unknown, wrong: () => Error): CheckoutSessionData | undefined {
  if (value === undefined) return undefined
  if (!isRecord(value) || !isText(value.id) || !isText(value.payment_session_secret) || !isText(value.payment_session_token)) throw wrong()
  return { id: value.id, payment_session_secret: value.payment_session_secret, payment_session_token: value.payment_session_token }
}

function readConnections(value: unknown, wrong: (at: string) => Error): AvailableConnection[] | undefined {
  if (value === undefined) return undefined
  if (!Array.isArray(value) || value.length > CONNECTIONS_MAX) throw wrong('')
  return value.map((connection: unknown, index) => {
    if (!isRecord(connection) || !isText(connection.name) || !isText(connection.availableConnectionToken)) throw wrong(`/${index}`)
    return { name: connection.name, availableConnectionToken: connection.availableConnectionToken }
  })
}
