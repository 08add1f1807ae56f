import t from 'tap'
import { DwollaError } from '../../../src/errors.js'
import { EVENTS } from '../../../src/resources/events/index.js'
import {
  cancelTransfer,
  initiatePayment,
  processPendingTransfers,
  transferOf,
  TRANSFER_END_TOPICS,
  TRANSFER_TOPICS,
  UNVERIFIED_WEEKLY_LIMIT_CENTS,
  VERIFIED_SEND_LIMIT_CENTS,
  type FeeRequest,
  type Party,
  type PaymentRequest,
  type TransferExtras,
  type TransferFailure,
  type TransferRole,
  type TransferStatus,
} from '../../../src/resources/transfers/index.js'
import { paymentWorld } from '../../helpers/payments.js'

/** The embedded error a refused payment carries. */
function refusalOf(pay: () => unknown): { code: string; path: string } | undefined {
  try {
    pay()
  } catch (error) {
    if (error instanceof DwollaError) return error.embedded?.[0]
    throw error
  }
  return undefined
}

t.test('what mass payments use from transfers/index.ts: one payment, its status, its end announced', async (t) => {
  const { world, parties } = await paymentWorld(t)
  const extras: TransferExtras = { correlationId: 'item-1', metadata: { note: 'item' } }
  const fees: FeeRequest[] = [{ chargeToCustomerId: parties.V1.customerId, amount: 10 }]
  const request: PaymentRequest = { sourceId: parties.A.bank, destinationId: parties.V1.balance, amount: 1_000, ...extras }
  const main = initiatePayment(world, request)
  const role: TransferRole = main.role
  const status: TransferStatus = main.status
  t.same([role, status], ['main', 'pending'], 'the main transfer, pending behind its funding leg')
  const payee: Party = main.destination
  t.same(payee, { kind: 'customer', customerId: parties.V1.customerId }, 'paid to the customer')
  t.equal(transferOf(world, main.id.toUpperCase())?.correlationId, 'item-1', 'read back by id, in any case, with its correlationId')
  processPendingTransfers(world)
  t.equal(transferOf(world, main.id)?.status, 'processed', 'processed by the simulation')
  const ends = world
    .get(EVENTS)
    .list()
    .filter((event) => event.resourceId === main.id && TRANSFER_END_TOPICS.includes(event.topic))
  t.same(
    ends.map((event) => event.topic).sort(),
    ['customer_transfer_completed', 'transfer_completed'],
    'its end, announced once per party, by the topics to react to',
  )
  t.ok(
    world
      .get(EVENTS)
      .list()
      .every((event) => !event.topic.includes('transfer') || TRANSFER_TOPICS.includes(event.topic)),
    'every transfer topic raised is one of TRANSFER_TOPICS',
  )
  const withFee = initiatePayment(world, { sourceId: parties.V1.balance, destinationId: parties.V2.balance, amount: 100, fees })
  t.equal(withFee.feeIds?.length, 1, 'a fee charged to the payer')
  const pending = initiatePayment(world, { sourceId: parties.V1.bank, destinationId: parties.U.bank, amount: 500 })
  t.equal(cancelTransfer(world, pending.id).status, 'cancelled', 'cancelTransfer: a pending payment is cancelled')
  const failure: TransferFailure | undefined = transferOf(world, pending.id)?.failure
  t.equal(failure, undefined, 'a cancelled transfer has no failure')
  t.same(
    refusalOf(() => cancelTransfer(world, pending.id)),
    { code: 'NotAllowed', message: 'Status not allowed.', path: '/status', _links: {} },
    'twice: NotAllowed',
  )
})

t.test('the send limits: a Verified Customer’s per transfer, an Unverified Customer’s per week', async (t) => {
  const { world, parties } = await paymentWorld(t)
  t.match(
    refusalOf(() => initiatePayment(world, { sourceId: parties.V1.bank, destinationId: parties.A.balance, amount: VERIFIED_SEND_LIMIT_CENTS + 1 })),
    { code: 'Invalid', path: '/amount/value' },
    'a cent over $10,000 from a Verified Customer: refused',
  )
  t.equal(
    initiatePayment(world, { sourceId: parties.V1.bank, destinationId: parties.A.balance, amount: VERIFIED_SEND_LIMIT_CENTS }).status,
    'pending',
    'exactly $10,000: made',
  )
  initiatePayment(world, { sourceId: parties.U.bank, destinationId: parties.A.balance, amount: UNVERIFIED_WEEKLY_LIMIT_CENTS - 100 })
  t.match(
    refusalOf(() => initiatePayment(world, { sourceId: parties.U.bank, destinationId: parties.V1.balance, amount: 101 })),
    { code: 'Invalid', path: '/amount/value' },
    'an Unverified Customer’s week adds up: $5,000.01 refused',
  )
  t.equal(
    initiatePayment(world, { sourceId: parties.U.bank, destinationId: parties.V1.balance, amount: 100 }).status,
    'pending',
    'up to $5,000 in the week: made',
  )
})
