/**
 * The messages exchanges answer with besides the catalogue's defaults (src/errors.ts), in
 * Dwolla's words where Dwolla documents them; *inferred* ones are mock-dwolla's. The tests reuse these.
 */
export const EXCHANGE_MESSAGES = {
  /** Embedded Invalid at /_links/exchange-partner/href: no partner of the catalogue (dwolla-verification-facts §7; inferred wording). */
  partnerInvalid: '/_links/exchange-partner/href is invalid.',
  /** Embedded Required at /_links/exchange-partner/href (inferred wording, as Dwolla's other Required errors). */
  partnerRequired: 'ExchangePartner required.',
  /** Embedded Required at /token: no credential of any kind (inferred). */
  credentialRequired: 'Token required.',
  /** Embedded Invalid at the credential: one the partner does not issue, or two kinds at once (inferred). */
  credentialInvalid: 'Invalid exchange token for this exchange partner.',
  /** MaxNumberOfResources, past the exchanges one application keeps (inferred: mock-dwolla's own bound). */
  tooManyExchanges: 'The maximum number of exchanges has been reached.',
} as const
