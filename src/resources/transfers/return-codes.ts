/**
 * The ACH return codes a sandbox bank's name can ask for, with Dwolla's descriptions and the
 * "systematic actions" Dwolla takes on each (transfer-failures.mdx): the customer suspended or
 * deactivated, the bank unverified or removed. Explanations are mock-dwolla's own words for the
 * NACHA reasons.
 */
export interface ReturnCode {
  description: string
  explanation: string
  customer?: 'suspended' | 'deactivated'
  unverifyBank: boolean
  removeBank: boolean
}

const code = (description: string, explanation: string, actions: Partial<Omit<ReturnCode, 'description' | 'explanation'>> = {}): ReturnCode => ({
  description,
  explanation,
  unverifyBank: actions.unverifyBank ?? false,
  removeBank: actions.removeBank ?? false,
  ...(actions.customer === undefined ? {} : { customer: actions.customer }),
})

const BOTH = { unverifyBank: true, removeBank: true }
const SUSPEND = { customer: 'suspended', unverifyBank: true, removeBank: true } as const

export const RETURN_CODES: Readonly<Record<string, ReturnCode>> = {
  R01: code('Insufficient Funds', 'Available balance is not sufficient to cover the dollar value of the debit entry.'),
  R02: code('Bank Account Closed', 'A previously active account has been closed.', BOTH),
  R03: code(
    'No Account/Unable to Locate Account',
    'The account number does not correspond to the individual identified in the entry or a valid account.',
    BOTH,
  ),
  R04: code('Invalid Bank Account Number Structure', 'The account number fails the check digit validation or may contain an incorrect number of digits.', BOTH),
  R05: code('Unauthorized debit to consumer account', 'A business debit entry was sent to a consumer account without authorization.', SUSPEND),
  R06: code('Returned per ODFI request', 'The originating bank asked for the entry to be returned.', SUSPEND),
  R07: code('Authorization Revoked by Customer', 'The account holder revoked the authorization given to the originator.', { customer: 'deactivated', ...BOTH }),
  R08: code('Payment Stopped', 'The account holder stopped the payment of this entry.', BOTH),
  R09: code('Uncollected Funds', 'The balance is sufficient, but the collected balance is not.'),
  R10: code('Customer Advises Not Authorized', 'The account holder says the entry was not authorized.', SUSPEND),
  R11: code('Entry Not in Accordance with the Terms of the Authorization', 'The entry does not match what the account holder authorized.', {
    customer: 'deactivated',
    ...BOTH,
  }),
  R12: code('Branch Sold to Another DFI', 'The account is at a branch sold to another bank.', { removeBank: true }),
  R13: code('Invalid ACH Routing Number', 'The routing number is not a valid ACH routing number.', BOTH),
  R14: code('Representative Payee Deceased or Unable to Continue in That Capacity', 'The representative payee is deceased or can no longer act.', {
    customer: 'suspended',
    removeBank: true,
  }),
  R15: code('Beneficiary or Account Holder Deceased', 'The beneficiary or the account holder is deceased.', SUSPEND),
  R16: code('Account Frozen', 'The account is frozen by legal action or by the bank.', SUSPEND),
  R17: code('File Record Edit Criteria', 'A field of the entry could not be processed.', SUSPEND),
  R20: code('Non-Transaction Account', 'The account does not allow this kind of transaction.', { removeBank: true }),
  R22: code('Invalid Individual ID Number', 'The individual id number in the entry is not valid for the account.', { unverifyBank: true }),
  R23: code('Credit Entry Refused by Receiver', 'The receiver refused the credit entry.', BOTH),
  R29: code('Corporate Customer Advises Not Authorized', 'The business account holder says the entry was not authorized.', SUSPEND),
  R31: code('Permissible Return Entry', 'The originating bank agreed to a late return.', SUSPEND),
  R37: code('Source Document Presented for Payment', 'The check the entry was made from was also presented for payment.', { removeBank: true }),
  R38: code('Stop Payment on Source Document', 'A stop payment was placed on the check the entry was made from.', SUSPEND),
  R51: code('Item is Ineligible, Notice Not Provided, Signature Not Genuine', 'The check the entry was made from was not eligible.', SUSPEND),
}

/** A code Dwolla does not list for the sandbox: failed all the same, with no action (inferred). */
export function returnCodeOf(code: string): ReturnCode {
  return RETURN_CODES[code] ?? { description: 'Returned', explanation: `The bank returned the entry (${code}).`, unverifyBank: false, removeBank: false }
}

/** A sandbox bank's failure sentinel, from its name (testing/transfers.mdx): `R01`, `R03-late`; `r16` too (inferred: case-insensitive). */
export function sentinelOf(bankName: string): { code: string; late: boolean } | undefined {
  const match = /^(r\d\d)(-late)?$/i.exec(bankName.trim())
  if (match === null) return undefined
  return { code: (match[1] as string).toUpperCase(), late: match[2] !== undefined }
}
