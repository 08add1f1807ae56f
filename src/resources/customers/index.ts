import type { Resource } from '../../world/resource.js'
import { customersRoutes } from './admin-routes.js'
import { CUSTOMERS_SECTION } from './dashboard-section.js'
import { CUSTOMER_SEEDS } from './customers-part.js'
import { createCustomer } from './operations/createCustomer.js'
import { getCustomer } from './operations/getCustomer.js'
import { listAndSearchCustomers } from './operations/listAndSearchCustomers.js'
import { update } from './operations/update.js'
import { PERSISTED_CUSTOMERS } from './persisted-customers.js'

export { CUSTOMERS, CUSTOMER_SEEDS, customersOf } from './customers-part.js'
export { CustomerSeeds, type CustomerSeed } from './customer-seeds.js'
export { customerControls, type CustomerControls, type CustomerView, type ApplicationOption } from './customer-controls.js'
export { customerDocumentProblem, type CustomerDocument } from './customer-document.js'
export type { Customer, CustomerType, CustomerStatus, BusinessType } from './customer.js'
export type { CustomerEvent, CustomerTopic, CustomerEventListener } from './customer-events.js'

/** Customers: Dwolla's end users, by type and verification status. */
export const customers: Resource = {
  name: 'customers',
  operations: { listAndSearchCustomers, createCustomer, getCustomer, update },
  clientTokenGrants: [
    { action: 'customer.read', operationId: 'getCustomer', customer: 'own' },
    { action: 'customer.update', operationId: 'update', customer: 'own' },
    { action: 'customer.create', operationId: 'createCustomer', customer: 'any' },
  ],
  adminRoutes: customersRoutes,
  persisted: PERSISTED_CUSTOMERS,
  reset: (mock) => mock.service(CUSTOMER_SEEDS).forgetShared(),
  dashboard: CUSTOMERS_SECTION,
}
