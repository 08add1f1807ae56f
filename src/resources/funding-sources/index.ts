import type { Resource } from '../../world/resource.js'
import { fundingSourcesRoutes } from './admin-routes.js'
import { FUNDING_SOURCES_SECTION } from './dashboard-section.js'
import { FUNDING_SOURCES } from './funding-sources-part.js'
import { createCustomerFundingSource } from './operations/createCustomerFundingSource.js'
import { createFundingSource } from './operations/createFundingSource.js'
import { getFundingSource } from './operations/getFundingSource.js'
import { getMicroDeposits } from './operations/getMicroDeposits.js'
import { getVanRouting } from './operations/getVanRouting.js'
import { INITIATE_GRANT, initiateOrVerifyMicroDeposits, VERIFY_GRANT } from './operations/initiateOrVerifyMicroDeposits.js'
import { listCustomerFundingSources } from './operations/listCustomerFundingSources.js'
import { listFundingSources } from './operations/listFundingSources.js'
import { updateOrRemoveFundingSource } from './operations/updateOrRemoveFundingSource.js'
import { PERSISTED_FUNDING_SOURCES } from './persisted-funding-sources.js'
import { FUNDING_SOURCE_SANDBOX } from './sandbox-processing.js'

export { FUNDING_SOURCES } from './funding-sources-part.js'
export { accountBalanceIdFor, accountBankIdFor, OPENING_BALANCE_CENTS } from './sandbox-world.js'
export { FUNDING_SOURCE_MESSAGES } from './funding-source-messages.js'
export { FUNDING_SOURCE_TOPICS } from './funding-source-events.js'
export { fundingSourceControls, type FundingSourceControls, type FundingSourceView, type FundingSourceFilter } from './funding-source-controls.js'
export type { FundingSourceDocument, MicroDepositsDocument } from './funding-source-document.js'
export type { FundingSource, FundingSourceType, FundingSourceStatus, BankAccountType, Channel, MicroDepositStatus } from './funding-source.js'

/**
 * Funding sources: the Account's and each customer's banks, balances and VANs, with the banks'
 * micro-deposits. Customers' balances are made as they are verified.
 */
export const fundingSources: Resource = {
  name: 'funding-sources',
  operations: {
    createFundingSource,
    listFundingSources,
    listCustomerFundingSources,
    createCustomerFundingSource,
    getFundingSource,
    updateOrRemoveFundingSource,
    getMicroDeposits,
    initiateOrVerifyMicroDeposits,
    getVanRouting,
  },
  // dwolla-web.js's funding-source and micro-deposit components, on their own customer only.
  clientTokenGrants: [
    { action: 'customer.fundingsources.create', operationId: 'createCustomerFundingSource', customer: 'own' },
    { action: 'customer.fundingsources.read', operationId: 'listCustomerFundingSources', customer: 'own' },
    { action: 'customer.fundingsources.read', operationId: 'getFundingSource', customer: 'own' },
    { action: 'customer.microdeposits.create', operationId: INITIATE_GRANT, customer: 'own' },
    { action: 'customer.microdeposits.verify', operationId: VERIFY_GRANT, customer: 'own' },
  ],
  adminRoutes: fundingSourcesRoutes,
  dashboard: FUNDING_SOURCES_SECTION,
  persisted: PERSISTED_FUNDING_SOURCES,
  // A Verified Customer gets its balance when it is verified (help.dwolla.com 2444678).
  reactions: {
    customer_verified: (world, event) => {
      if (event.customerId !== undefined) world.get(FUNDING_SOURCES).ensureBalance(event.customerId)
    },
  },
  sandbox: FUNDING_SOURCE_SANDBOX,
}
