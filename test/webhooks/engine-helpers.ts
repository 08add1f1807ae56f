import type { Test } from 'tap'
import { Clock } from '../../src/clock.js'
import type { CustomerTopic } from '../../src/resources/customers/customer-events.js'
import { EventStore } from '../../src/resources/events/event-store.js'
import { SCALED_RETRY_DELAYS_MS } from '../../src/webhook-delivery/retry-schedule.js'
import { Webhooks, type WebhooksOptions } from '../../src/webhook-delivery/webhooks.js'

export const NOW = Date.parse('2026-03-04T05:06:07.000Z')
export const BASE_URL = 'http://mock.test:8910'
export const SECRET = 'a webhook secret of my own'

/**
 * The webhooks of a mock with no server: a frozen clock (only `clock.advance` moves it), an event
 * store feeding them, and `raise` to record a customer event as a transition would.
 */
export function webhooksFor(t: Test, options: Partial<Omit<WebhooksOptions, 'clock'>> = {}) {
  const clock = new Clock(() => NOW)
  const webhooks = new Webhooks({
    clock,
    subscriptionLimit: 10,
    applicationLimit: 10,
    historyLimit: 100,
    retryDelays: SCALED_RETRY_DELAYS_MS,
    timeoutMs: 10_000,
    concurrency: 10,
    ...options,
  })
  t.teardown(() => webhooks.close())
  const events = new EventStore(100)
  events.subscribe((event) => void webhooks.deliver(event))
  const raise = (topic: CustomerTopic = 'customer_created', customerId = '11111111-1111-4111-8111-111111111111', clientId = 'app') =>
    events.record({ topic, customerId, clientId, at: clock.now() })
  const subscribe = (url: string, clientId = 'app', secret = SECRET) => webhooks.subscriptionStore.create(clientId, { url, secret }, BASE_URL)
  return { clock, webhooks, events, raise, subscribe }
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
