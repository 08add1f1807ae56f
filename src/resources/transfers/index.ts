import type { Resource } from '../../world/resource.js'
import { cancelTransfer as cancelTransferOperation } from './operations/cancelTransfer.js'
import { getTransfer } from './operations/getTransfer.js'
import { getTransferFailureReason } from './operations/getTransferFailureReason.js'
import { initiateTransfer } from './operations/initiateTransfer.js'
import { listAndSearchTransfers } from './operations/listAndSearchTransfers.js'
import { listCustomerTransfers } from './operations/listCustomerTransfers.js'
import { listTransferFees } from './operations/listTransferFees.js'
import { PERSISTED_TRANSFERS } from './persisted-transfers.js'
import { TRANSFER_SANDBOX } from './sandbox-processing.js'

// What mass payments (and anything else that pays) use: one payment under the same leg rules as
// POST /transfers, a transfer's state, and the topics that announce its end.
export { initiatePayment, type PaymentRequest, VERIFIED_SEND_LIMIT_CENTS, UNVERIFIED_WEEKLY_LIMIT_CENTS } from './payments.js'
export { cancelTransfer } from './cancel.js'
export { transferOf } from './transfer-reading.js'
export { processPendingTransfers } from './processing.js'
export { TRANSFERS } from './transfers-part.js'
export { TRANSFER_TOPICS, TRANSFER_END_TOPICS } from './transfer-events.js'
export { TRANSFER_MESSAGES } from './transfer-messages.js'
export type { Transfer, TransferStatus, TransferRole, Party, TransferFailure, TransferExtras } from './transfer.js'
export type { FeeRequest } from './read-transfer-request.js'

/** Transfers: payments as chains of legs, their fees and failures, and the sandbox's processing of their bank legs. */
export const transfers: Resource = {
  name: 'transfers',
  operations: {
    initiateTransfer,
    getTransfer,
    cancelTransfer: cancelTransferOperation,
    listCustomerTransfers,
    listAndSearchTransfers,
    listTransferFees,
    getTransferFailureReason,
  },
  // dwolla-web.js's send component: a payment from its own customer's funding source.
  clientTokenGrants: [{ action: 'customer.transfers.send', operationId: 'initiateTransfer', customer: 'own' }],
  persisted: PERSISTED_TRANSFERS,
  sandbox: TRANSFER_SANDBOX,
}
