/**
 * The catalogue: every error mock-dwolla answers with, in one place. Codes and messages for the
 * Dwolla errors come from Dwolla's "Errors" documentation; the OAuth codes from RFC 6749 §5.2.
 * Tests reuse these constants instead of copying the prose.
 */

/** A HAL link as Dwolla writes them: `type` and `resource-type` on current responses. */
export interface HalLink {
  href: string
  type?: string
  'resource-type'?: string
}

/** An embedded validation error, as Dwolla nests them under `_embedded.errors`. */
export interface EmbeddedError {
  code:
    | 'Required'
    | 'Invalid'
    | 'InvalidFormat'
    | 'Duplicate'
    | 'ReadOnly'
    | 'NotAllowed'
    | 'Restricted'
    | 'InsufficientFunds'
    | 'RequiresFundingSource'
    | 'FileTooLarge'
  message: string
  /** A JSON pointer into the request body, e.g. `/action` or `/_links/customer/href`. */
  path: string
  /** Empty, except `about` on a Duplicate: the resource that already exists. */
  _links: Record<string, HalLink>
}

/** Dwolla's top-level errors: HTTP status and default message per code. */
export const DWOLLA_ERRORS = {
  BadRequest: { status: 400, message: 'The request body contains bad syntax or is incomplete.' },
  ValidationError: {
    status: 400,
    message: 'Validation error(s) present. See embedded errors list for more details.',
  },
  InvalidCredentials: { status: 401, message: 'Missing or invalid Authorization header.' },
  InvalidAccessToken: { status: 401, message: 'Invalid access token.' },
  ExpiredAccessToken: { status: 401, message: 'Generate a new access token using your client credentials.' },
  InvalidAccountStatus: { status: 401, message: 'Invalid access token account status.' },
  InvalidApplicationStatus: { status: 401, message: 'Invalid application status.' },
  InvalidScopes: { status: 401, message: 'Missing or invalid scopes for requested endpoint.' },
  Forbidden: { status: 403, message: 'The supplied credentials are not authorized for this resource.' },
  InvalidResourceState: { status: 403, message: 'Resource cannot be modified.' },
  NotFound: { status: 404, message: 'The requested resource was not found.' },
  MethodNotAllowed: { status: 405, message: 'The requested method is not allowed on this resource.' },
  InvalidVersion: { status: 406, message: 'Missing or invalid API version.' },
  Conflict: { status: 409, message: 'A request with this Idempotency-Key is still being processed.' },
  // Dwolla documents no code for these two; mock-dwolla names them after their HTTP status.
  RequestTooLarge: { status: 413, message: 'The request body is too large.' },
  UnsupportedMediaType: {
    status: 415,
    message: 'The request body must be application/json or application/vnd.dwolla.v1.hal+json.',
  },
  // Dwolla answers this code when the webhook-subscription cap is reached; mock-dwolla uses it
  // for its own bounds on customers and applications (inferred: no customer cap is documented).
  MaxNumberOfResources: { status: 400, message: 'The maximum number of customers has been reached.' },
  TooManyRequests: { status: 429, message: 'Too many requests. Try again later.' },
  ServerError: { status: 500, message: 'A server error occurred. Error ID: {ID}' },
  RequestTimeout: { status: 500, message: 'The request timed out.' },
  // --- codes: funding sources, micro-deposits, balances (issue 20) ---
  // A bank its owner already has is DuplicateResource too (the documents' entry below), with
  // Dwolla's own message naming it, "Bank already exists: id=<uuid>", and `_links.about`
  // (Dwolla's spec, DuplicateFundingSourceError).
  // GET /funding-sources/{id}/balance on anything but a balance (retrieve-funding-source-balance.mdx).
  UnsupportedOperation: { status: 400, message: 'Retrieving the balance is not supported for this type of funding source.' },

  // --- codes: transfers, mass payments, labels, simulations (issue 21) ---

  // --- codes: beneficial owners, documents, KBA (issue 22) ---
  // The document upload errors, in the codes and words of Dwolla's create-document table
  // (documents/create-document-for-customer.mdx): only DuplicateResource is confirmed live.
  DuplicateResource: { status: 400, message: 'Document already exists.' },
  maximumNumberOfResources: {
    status: 400,
    message: 'Max of four files upload allowed. Please wait for Dwolla to manually check the documents.',
  },
  invalidFileType: {
    status: 400,
    message: 'File types supported: Personal IDs - .jpg, .jpeg or .png. Business Documents - .jpg, .jpeg, .png, or .pdf.',
  },
  invalidResourceState: {
    status: 403,
    message: 'Resource cannot be modified. Document creation not allowed for already verified Customers or non-verified Customer types.',
  },
  notFound: { status: 404, message: 'Customer not found. Check CustomerId.' },
  fileTooLarge: { status: 413, message: 'Document requests are limited to 10 MiB.' },

  // --- codes: exchanges, open banking (issue 23) ---
  // An exchange's partner credential that is no good (Dwolla's spec, InvalidExchangeToken, on
  // both exchange creates); the mock's failure sentinel answers it (docs/exchanges.md).
  InvalidExchangeToken: { status: 400, message: 'Exchange token is expired.' },
  // A funding source from an exchange that was deactivated or removed (Dwolla's spec, InactiveExchangeError).
  InactiveExchange: { status: 400, message: 'The Exchange was removed or disabled.' },
  // Exchange sessions answer their 403s with this lowercase code (Dwolla's spec, createCustomerExchangeSession).
  forbidden: { status: 403, message: 'The exchange partner specified does not support this product.' },
} as const satisfies Record<string, { status: number; message: string }>

export type DwollaErrorCode = keyof typeof DWOLLA_ERRORS

/** A Dwolla-shaped error: `{code, message}` plus `_embedded.errors` for validation failures. */
export class DwollaError extends Error {
  /** Named as Fastify and its plugins expect, so they keep the status they see. */
  readonly statusCode: number
  readonly code: DwollaErrorCode
  readonly embedded: EmbeddedError[] | undefined
  /** Top-level `_links`, e.g. `about` on DuplicateResource: the resource that already exists. */
  readonly links: Record<string, HalLink> | undefined

  constructor(code: DwollaErrorCode, options: { message?: string; embedded?: EmbeddedError[]; links?: Record<string, HalLink> } = {}) {
    const entry = DWOLLA_ERRORS[code]
    super(options.message ?? entry.message)
    this.name = 'DwollaError'
    this.statusCode = entry.status
    this.code = code
    this.embedded = options.embedded
    this.links = options.links
  }
}

/**
 * The messages of a 404 for a resource that does not exist (or belongs to another application),
 * from Dwolla's per-endpoint error tables ("Customer not found.", "Account not found.").
 */
export const NOT_FOUND_MESSAGES = {
  customer: 'Customer not found.',
  account: 'Account not found.',
  businessClassification: 'Business classification not found.',
  event: 'Application event not found.',
  webhookSubscription: 'Webhook subscription not found.',
  webhook: 'Webhook not found.',
  // --- not found: funding sources, micro-deposits, balances (issue 20) ---
  fundingSource: 'Funding source not found.',

  // --- not found: transfers, mass payments, labels (issue 21) ---
  transfer: 'Transfer not found.',
  // A transfer that has not failed has no failure (inferred: Dwolla documents no answer).
  transferFailure: 'Transfer failure not found.',
  // Labels: Dwolla's spec ("Label not found"); the entry's and the reallocation's wording is inferred.
  label: 'Label not found.',
  ledgerEntry: 'Ledger entry not found.',
  labelReallocation: 'Label reallocation not found.',

  // --- not found: beneficial owners, documents, KBA (issue 22) ---
  beneficialOwner: 'Beneficial owner not found.',
  beneficialOwnership: 'Ownership certification status not found.',
  document: 'Document not found.',
  kbaQuestions: 'KBA questions not found. Check KBA id.',
  kbaSession: 'KBA session not found.',

  // --- not found: exchanges, open banking (issue 23) ---
  exchangePartner: 'The requested resource was not found. Check Exchange Partner ID.',
  exchange: 'The requested resource was not found. Check Exchange ID.',
  exchangeCustomer: 'Customer ID not found. Check Customer ID.',
  exchangeSession: 'Exchange session not found.',
  availableConnectionsCustomer: 'The requested resource was not found. Check Customer ID.',
} as const

/**
 * MaxNumberOfResources for each kind of resource: Dwolla's own for webhook subscriptions
 * (MaxSubscriptionsReachedError); the catalogue's default is the customers' one.
 */
export const LIMIT_MESSAGES = {
  customers: DWOLLA_ERRORS.MaxNumberOfResources.message,
  subscriptions: 'The maximum number of subscriptions has been reached.',
} as const

/** A `ValidationError` carrying the embedded errors that explain it. */
export function validationError(embedded: EmbeddedError[]): DwollaError {
  return new DwollaError('ValidationError', { embedded })
}

/** OAuth 2.0 token-endpoint errors (RFC 6749 §5.2), used only by POST /token. */
export const OAUTH_ERRORS = {
  invalid_request: { status: 400, description: 'The request is missing a parameter or is malformed.' },
  invalid_client: { status: 401, description: 'Client authentication failed.' },
  unsupported_grant_type: { status: 400, description: 'Only the client_credentials grant type is supported.' },
  // RFC 6749 names server_error for the authorization endpoint; /token uses it too so that an
  // unexpected failure still carries the `error` key dwolla-v2 looks for.
  server_error: { status: 500, description: 'A server error occurred. Error ID: {ID}' },
} as const satisfies Record<string, { status: number; description: string }>

export type OAuthErrorCode = keyof typeof OAUTH_ERRORS

export class OAuthError extends Error {
  readonly statusCode: number
  readonly error: OAuthErrorCode

  constructor(error: OAuthErrorCode, description?: string, status?: number) {
    const entry = OAUTH_ERRORS[error]
    super(description ?? entry.description)
    this.name = 'OAuthError'
    this.statusCode = status ?? entry.status
    this.error = error
  }
}

/**
 * A fixture rule given while the server runs (`fixtures.add()`, `POST /__mock/fixtures`) that
 * cannot be used: nothing is added, and the server keeps running with the rules it had.
 */
export class FixtureRuleError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'FixtureRuleError'
  }
}

/** Bad configuration: raised before the server starts, naming where the problem is. */
export class StartupError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'StartupError'
  }
}
