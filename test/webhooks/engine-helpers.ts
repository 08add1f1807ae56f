import type { Test } from 'tap'
import { EVENTS, type DwollaEvent } from '../../src/resources/events/index.js'
import { SUBSCRIPTIONS } from '../../src/resources/webhook-subscriptions/index.js'
import type { RetrySchedule } from '../../src/webhook-delivery/retry-schedule.js'
import { WEBHOOK_HISTORY } from '../../src/webhook-delivery/webhook-history-part.js'
import { stateFor } from '../helpers/state.js'

export const NOW = Date.parse('2026-03-04T05:06:07.000Z')
export const BASE_URL = 'http://mock.test:8910'
export const SECRET = 'a webhook secret of my own'

export interface EngineOptions {
  retryDelays?: RetrySchedule
  historyLimit?: number
  timeoutMs?: number
  concurrency?: number
  storeByteLimit?: number
}

/**
 * The webhooks of a mock with no server: a frozen clock (only `clock.advance` moves it), and
 * `raise` to record a customer event in an application's world as a transition would.
 */
export async function webhooksFor(t: Test, options: EngineOptions = {}) {
  const state = await stateFor(t, {
    now: () => NOW,
    webhookRetrySchedule: options.retryDelays ?? 'scaled',
    webhookHistoryLimit: options.historyLimit ?? 100,
    webhookTimeoutMs: options.timeoutMs ?? 10_000,
    webhookConcurrency: options.concurrency ?? 10,
    ...(options.storeByteLimit === undefined ? {} : { storeByteLimit: options.storeByteLimit }),
  })
  const { clock, webhooks, worlds } = state
  const events = (clientId = 'app') => worlds.open(clientId).get(EVENTS)
  const raise = (topic = 'customer_created', customerId = '11111111-1111-4111-8111-111111111111', clientId = 'app'): DwollaEvent => {
    worlds.open(clientId).raise({ topic, resourceType: 'customer', resourceId: customerId, customerId, at: clock.now() })
    return events(clientId).list()[0] as DwollaEvent
  }
  const subscriptions = (clientId = 'app') => worlds.open(clientId).get(SUBSCRIPTIONS)
  const subscribe = (url: string, clientId = 'app', secret = SECRET) => subscriptions(clientId).create({ url, secret }, BASE_URL)
  /** The application's webhooks kept, oldest first. */
  const kept = (clientId = 'app') => [...(worlds.find(clientId)?.peek(WEBHOOK_HISTORY)?.all() ?? [])]
  return { clock, webhooks, events, raise, subscribe, subscriptions, kept, worlds, reset: () => state.reset() }
}

/** A promise that resolves once `condition` holds, checked each time `poke` is called (no timers). */
export function whenever(condition: () => boolean): { promise: Promise<void>; poke: () => void } {
  let resolve: () => void = () => undefined
  const promise = new Promise<void>((done) => (resolve = done))
  const poke = () => {
    if (condition()) resolve()
  }
  return { promise, poke }
}
