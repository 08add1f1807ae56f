import fc from 'fast-check'
import t from 'tap'
import { DueQueue, type DueEntry } from '../../src/webhook-delivery/due-queue.js'
import { SubscriptionLane, type LaneEntry } from '../../src/webhook-delivery/subscription-lane.js'

interface Entry extends DueEntry {
  name: number
}

type Operation = { push: [number, number] } | { pop: true } | { remove: number }

const operation: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({ push: fc.tuple(fc.integer({ min: 0, max: 20 }), fc.nat()) }),
  fc.record({ pop: fc.constant(true as const) }),
  fc.record({ remove: fc.nat({ max: 60 }) }),
)

const sooner = (a: Entry, b: Entry) => a.dueAt - b.dueAt || a.order - b.order

t.test('the due queue gives entries soonest first, then in order of scheduling, whatever is added, taken and removed', async (t) => {
  fc.assert(
    fc.property(fc.array(operation, { maxLength: 200 }), (operations) => {
      const queue = new DueQueue<Entry>()
      const model: Entry[] = []
      const made: Entry[] = []
      let order = 0
      for (const step of operations) {
        if ('push' in step) {
          const entry: Entry = { dueAt: step.push[0], order: (order += 1), queueIndex: -1, name: made.length }
          made.push(entry)
          queue.push(entry)
          model.push(entry)
        } else if ('pop' in step) {
          model.sort(sooner)
          const expected = model.shift()
          if (queue.pop() !== expected) return false
          if (expected !== undefined && expected.queueIndex !== -1) return false
        } else {
          const entry = made[step.remove]
          if (entry === undefined) continue
          queue.remove(entry)
          const at = model.indexOf(entry)
          if (at !== -1) model.splice(at, 1)
          if (entry.queueIndex !== -1) return false
        }
        model.sort(sooner)
        if (queue.size !== model.length || queue.peek() !== model[0]) return false
      }
      return true
    }),
    { numRuns: 500 },
  )
  t.pass('500 generated runs of up to 200 operations: always the soonest first, taken-out entries gone')
})

t.test('removing an entry that is in no queue, or in another, changes nothing', async (t) => {
  const queue = new DueQueue<Entry>()
  const other = new DueQueue<Entry>()
  const kept: Entry = { dueAt: 1, order: 1, queueIndex: -1, name: 1 }
  const elsewhere: Entry = { dueAt: 0, order: 2, queueIndex: -1, name: 2 }
  queue.push(kept)
  other.push(elsewhere)
  queue.remove(elsewhere)
  queue.remove({ dueAt: 0, order: 3, queueIndex: -1, name: 3 })
  t.same([queue.size, queue.peek(), other.size, other.peek()], [1, kept, 1, elsewhere], 'each queue keeps its own')
  queue.clear()
  t.same([queue.size, kept.queueIndex], [0, -1], 'cleared: empty, and the entry knows it is in no queue')
})

interface Waiting extends LaneEntry {
  name: number
}

t.test('a subscription’s lane is first come first served, and any entry leaves it in place', async (t) => {
  fc.assert(
    fc.property(fc.array(fc.oneof(fc.constant('push'), fc.constant('shift'), fc.nat({ max: 40 })), { maxLength: 150 }), (operations) => {
      const lane = new SubscriptionLane<Waiting>('app', 'subscription')
      const model: Waiting[] = []
      const made: Waiting[] = []
      for (const step of operations) {
        if (step === 'push') {
          const entry: Waiting = { name: made.length, lane: undefined, laneBefore: undefined, laneAfter: undefined }
          made.push(entry)
          lane.push(entry)
          model.push(entry)
        } else if (step === 'shift') {
          if (lane.shift() !== model.shift()) return false
        } else {
          const entry = made[step]
          if (entry === undefined) continue
          lane.remove(entry)
          const at = model.indexOf(entry)
          if (at !== -1) model.splice(at, 1)
          if (entry.lane !== undefined) return false
        }
        if (lane.size !== model.length || lane.idle !== (model.length === 0)) return false
      }
      const drained: Waiting[] = []
      for (let entry = lane.shift(); entry !== undefined; entry = lane.shift()) drained.push(entry)
      return drained.length === model.length && drained.every((entry, i) => entry === model[i])
    }),
    { numRuns: 500 },
  )
  t.pass('500 generated runs: the order kept, removals anywhere')
  const lane = new SubscriptionLane<Waiting>('app', 'subscription')
  lane.inFlight = 1
  t.equal(lane.idle, false, 'an attempt in flight: not idle, though nothing is due')
})
