import { performance } from 'node:perf_hooks'
import type { ApplicationWorld, ServiceKey } from '../../world/application-world.js'
import type { MockContext } from '../../world/mock-context.js'
import { MASS_PAYMENTS } from './mass-payments-part.js'
import { processSlice } from './processing.js'

/**
 * How long one slice of processing may hold the event loop: a 5,000-item mass payment is
 * processed a slice at a time, other requests answered between slices
 * (test/mass-payments-api/load.test.ts measures the longest stall).
 */
export const SLICE_MS = 10

/**
 * Processes mass payments in the background, the way Dwolla's answer to POST /mass-payments
 * comes before its items are paid (`pending`, then `processing`, then `complete`). One per server;
 * a slice stops for good once its application's world was dropped (a reset, the bound on all
 * applications) or the server closed.
 */
export class MassPaymentProcessor {
  readonly #running = new Map<string, NodeJS.Immediate>()
  #closed = false

  /** Starts (or goes on with) a mass payment's processing on the next turn of the event loop. */
  start(mock: MockContext, world: ApplicationWorld, id: string, from = 0): void {
    const key = `${world.clientId}\n${id}`
    if (this.#closed || (from === 0 && this.#running.has(key))) return
    const timer = setImmediate(() => {
      this.#running.delete(key)
      if (this.#closed || mock.worlds.find(world.clientId) !== world) return
      const store = world.get(MASS_PAYMENTS)
      const massPayment = store.get(id)
      if (massPayment === undefined || (massPayment.status !== 'pending' && massPayment.status !== 'processing')) return
      const started = performance.now()
      const next = processSlice(world, store, massPayment, from, () => performance.now() - started >= SLICE_MS)
      if (next !== undefined) this.start(mock, world, id, next)
    })
    this.#running.set(key, timer)
  }

  /** Takes up what an application left unfinished (a restart from the state file). */
  resume(mock: MockContext, world: ApplicationWorld): void {
    const store = world.peek(MASS_PAYMENTS)
    for (const massPayment of store?.unfinished() ?? []) this.start(mock, world, massPayment.id)
  }

  /** How many are being processed now. */
  get running(): number {
    return this.#running.size
  }

  /** Stops every slice waiting; the server is closing. */
  close(): void {
    this.#closed = true
    for (const timer of this.#running.values()) clearImmediate(timer)
    this.#running.clear()
  }

  /** Stops every slice waiting, and goes on taking new ones (a reset). */
  clear(): void {
    for (const timer of this.#running.values()) clearImmediate(timer)
    this.#running.clear()
  }
}

/** The server's processor. */
export const MASS_PAYMENT_PROCESSOR: ServiceKey<MassPaymentProcessor> = { name: 'mass-payment processor', create: () => new MassPaymentProcessor() }
