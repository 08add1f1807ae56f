import { corruptStateFile } from '../../persistence/state-file.js'
import { listInEntry } from '../../persistence/world-snapshots.js'
import type { PersistedPart } from '../../world/resource.js'
import { subscriptionProblems, type SubscriptionStore, type SubscriptionDocument } from './subscription-store.js'
import { SUBSCRIPTIONS } from './subscriptions-part.js'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * An application's webhook subscriptions in the state file, secrets included (the file is the
 * user's own, readable by its owner only), each as POST /webhook-subscriptions would have
 * accepted it, with its own id, once. Messages never quote a secret.
 */
export const PERSISTED_SUBSCRIPTIONS: PersistedPart<SubscriptionStore, SubscriptionDocument[]> = {
  part: SUBSCRIPTIONS,
  keys: ['webhookSubscriptions'],
  save: (store) => ({ webhookSubscriptions: store.snapshot() }),
  load(entry, at, path, options) {
    const seen = new Set<string>()
    const documents = listInEntry(entry, 'webhookSubscriptions', at, path).map((value: unknown, index): SubscriptionDocument => {
      const pointer = `${at}/webhookSubscriptions/${index}`
      if (!isObject(value)) throw corruptStateFile(path, pointer, 'expected a webhook subscription')
      if (typeof value.id !== 'string' || !UUID.test(value.id)) throw corruptStateFile(path, `${pointer}/id`, 'expected a lowercase UUID')
      if (seen.has(value.id)) throw corruptStateFile(path, `${pointer}/id`, `subscription ${value.id} appears twice`)
      seen.add(value.id)
      const [problem] = subscriptionProblems(value.url, value.secret)
      if (problem !== undefined) throw corruptStateFile(path, `${pointer}${problem.path}`, problem.message)
      if (typeof value.paused !== 'boolean') throw corruptStateFile(path, `${pointer}/paused`, 'expected true or false')
      if (typeof value.created !== 'string' || Number.isNaN(Date.parse(value.created)))
        throw corruptStateFile(path, `${pointer}/created`, 'expected a date and time')
      if (typeof value.baseUrl !== 'string' || !/^https?:\/\/[^/\s]+(\/\S*)?$/.test(value.baseUrl))
        throw corruptStateFile(path, `${pointer}/baseUrl`, 'expected an http or https base URL')
      const { id, url, secret, paused, created, baseUrl } = value as unknown as SubscriptionDocument
      return { id, url, secret, paused, created, baseUrl }
    })
    if (documents.length > options.webhookSubscriptionLimit) {
      throw corruptStateFile(
        path,
        `${at}/webhookSubscriptions`,
        `${documents.length} webhook subscriptions, more than webhookSubscriptionLimit (${options.webhookSubscriptionLimit})`,
      )
    }
    return documents
  },
  restore(world, documents) {
    const store = SUBSCRIPTIONS.create(world)
    store.restore(documents)
    world.put(SUBSCRIPTIONS, store)
  },
}
