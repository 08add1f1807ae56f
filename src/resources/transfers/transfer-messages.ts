/**
 * Dwolla's words for transfers' errors: the error table of initiate.mdx (Dwolla's spec, lines
 * 12999-15343), cancel.mdx, and mock-dwolla's own where Dwolla documents none (marked).
 */
export const TRANSFER_MESSAGES = {
  sourceNotFound: 'Funding source not found.',
  receiverNotFound: 'Receiver not found.',
  invalidSource: 'Invalid funding source.',
  invalidDestinationSource: 'Invalid destination funding source.',
  invalidDestination: 'Invalid destination.',
  senderRestricted: 'Sender restricted.',
  receiverRestricted: 'Receiver restricted.',
  cannotReceive: 'Receiver cannot receive from sender.',
  sameOwner: 'Receiver cannot be the owner of the source funding source.',
  insufficientFunds: 'Insufficient funds.',
  overLimit: 'Invalid amount. The supplied amount is greater than your transaction limit.',
  invalidAmount: 'Invalid amount. The supplied amount must be a positive number.',
  invalidMetadata: 'Invalid metadata.',
  invalidCorrelationId: 'Correlation id must be at least one character and up to 255 characters when supplied.',
  invalidAddenda: 'Ach addenda entries can be up to 80 characters when supplied.',
  invalidRemittance: 'Remittance data entries can be up to 140 characters when supplied.',
  feeNotOnParty: 'Unable to charge fee to specified destination.',
  feeSumTooLarge: 'Facilitator fee sum too large.',
  feeBelowMinimum: 'Facilitator fee below minimum.',
  channelNotSupported: 'Destination funding source does not support processing channel',
  channelNeedsBalance: 'Transfers using the Real Time Payments processing channel must be funded by a balance',
  // mock-dwolla's own (inferred): Dwolla documents no message for these.
  sourceRequired: 'Source required.',
  destinationRequired: 'Destination required.',
  amountRequired: 'Amount required.',
  invalidCurrency: 'Invalid currency.',
  invalidClearing: 'Invalid clearing.',
  invalidProcessingChannel: 'Invalid processing channel.',
  invalidFees: 'Invalid fees.',
  // cancel.mdx.
  statusInvalid: 'Status invalid.',
  statusNotAllowed: 'Status not allowed.',
  tooManyTransfers: 'The maximum number of transfers has been reached.',
} as const
