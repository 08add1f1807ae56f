/**
 * The messages exchange sessions answer with, in Dwolla's words (Dwolla's spec for
 * createCustomerExchangeSession, retrieveCustomerExchangeSession, createReAuthExchangeSession);
 * *inferred* ones are mock-dwolla's. The tests reuse these.
 */
export const SESSION_MESSAGES = {
  /** 403 forbidden: Finicity and Flinks are secure-exchange partners, with no session flow (inferred which partners). */
  partnerUnsupported: 'The exchange partner specified does not support this product.',
  /** 403 forbidden: a re-auth session for the Account's exchange, or a partner without sessions. */
  reauthNotAuthorized: 'Not authorized to create re-authentication exchange session.',
  /** Embedded Invalid at /_links/exchange-partner/href. */
  partnerInvalid: '/_links/exchange-partner/href is invalid.',
  /** Embedded Invalid at /_links/redirect-url/href. */
  redirectInvalid: '/_links/redirect-url/href is invalid.',
} as const
