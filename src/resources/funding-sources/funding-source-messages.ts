/**
 * The messages funding sources and micro-deposits answer with besides the catalogue's defaults
 * (src/errors.ts), in Dwolla's words where Dwolla documents them: the tests reuse these. Each is
 * labelled with where it comes from; *inferred* ones are mock-dwolla's.
 */
export const FUNDING_SOURCE_MESSAGES = {
  /** MaxNumberOfResources, past the per-customer limit (discuss.dwolla.com 6408). */
  tooManyBanks: 'The maximum number of banks have been added.',
  /** MaxNumberOfResources, past `fundingSourceLimit` in one application (inferred: mock-dwolla's own bound). */
  tooManyFundingSources: 'The maximum number of funding sources has been reached.',
  /** MaxNumberOfResources, a second initiate (initiate-micro-deposits.mdx). */
  microDepositsInitiated: 'Micro-deposits already initiated for this funding source.',
  /** InvalidResourceState (verify-micro-deposits.mdx; Dwolla's spec for initiate). */
  alreadyVerified: 'Bank already verified.',
  /** InvalidResourceState, after the third wrong verification (verify-micro-deposits.mdx). */
  tooManyAttempts: 'Too many attempts.',
  /** InvalidResourceState, any change to a removed funding source (Dwolla's spec, updateOrRemoveFundingSource). */
  removedCannotBeUpdated: 'A removed bank cannot be updated.',
  /** ValidationError, renaming or changing a balance or VAN (Dwolla's spec, updateOrRemoveFundingSource). */
  onlyBanksUpdated: "Only funding sources of type='bank' can be updated.",
  /** Forbidden, what this mock does not let anyone add: debit cards, which need Dwolla's approval (Dwolla's spec, 403). */
  notAuthorizedToCreate: 'Not authorized to create funding source.',
  /** Embedded Invalid at /name (update-a-funding-source.mdx). */
  invalidBankName: 'Invalid bank name.',
  /** Embedded InvalidFormat at /routingNumber (discuss.dwolla.com 6408). */
  routingNumberLength: 'Routing number must be exactly 9 characters.',
  /** Embedded InvalidFormat at /routingNumber: 9 characters that are not a routing number (inferred wording). */
  routingNumberInvalid: 'Invalid routing number.',
  /** Embedded InvalidFormat at /accountNumber: "4-17 digits" (create-funding-source-for-customer.mdx; inferred wording). */
  accountNumberInvalid: 'Account number must be between 4 and 17 digits.',
  /** Embedded Invalid at a micro-deposit amount over $0.15 (verify-micro-deposits.mdx). */
  invalidAmount: 'Invalid amount.',
  /** Embedded Invalid at /amount1/value: a wrong pair (verify-micro-deposits.mdx; the path is inferred). */
  wrongAmounts: 'Wrong amount(s).',
  /** Embedded Invalid: an authorization used before (create-funding-source-for-customer.mdx). */
  authorizationUsed: 'Duplicate funding source or validation error. Authorization already associated to a funding source.',
  /** Embedded Invalid at /_links/on-demand-authorization/href: one this application was never given (inferred). */
  authorizationUnknown: 'On-demand authorization not found.',
  /** Embedded Invalid at /_links/exchange/href: not an exchange of this owner's (inferred). */
  exchangeUnknown: 'Exchange not found.',
  /** Embedded NotAllowed at /type: a VAN for a customer without a balance (inferred). */
  virtualNeedsBalance: 'Virtual account numbers are only available to the Account and verified customers.',
} as const
