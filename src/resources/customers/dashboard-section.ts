import type { DashboardSection, Tone } from '../../dashboard/dashboard-section.js'
import { STATUSES_BY_TYPE, type Customer, type CustomerStatus } from './customer.js'
import { CUSTOMERS } from './customers-part.js'
import { decoratedCustomerRepresentation } from './representation.js'

const TONES: Readonly<Record<CustomerStatus, Tone>> = {
  verified: 'good',
  unverified: 'waiting',
  retry: 'waiting',
  kba: 'waiting',
  document: 'waiting',
  suspended: 'bad',
  deactivated: 'bad',
}

/**
 * The application's customers on the dashboard, newest first as GET /customers lists them: status,
 * the JSON GET /customers/{id} answers (links included), and a move to any status its type allows
 * through the test double's own call (POST /__mock/customers/{id}/status).
 */
export const CUSTOMERS_SECTION: DashboardSection = {
  id: 'customers',
  title: 'Customers',
  list({ mock, world, application, links }, { offset, limit }) {
    const store = world?.peek(CUSTOMERS)
    if (store === undefined || world === undefined || application === undefined) {
      return { columns: [], rows: [], total: 0, empty: 'No customers yet: the seeds appear once the application uses customers.' }
    }
    // Only the page's customers become rows (the count alone needs no list).
    const page = limit === 0 ? [] : store.list().slice(offset, offset + limit)
    return {
      columns: ['Name', 'Email', 'Type', 'Status', 'Created', 'Id'],
      rows: page.map((customer) => ({
        key: customer.id,
        cells: [
          nameOf(customer),
          customer.email,
          customer.type,
          { text: customer.status, tone: TONES[customer.status] },
          { text: new Date(customer.created).toISOString(), time: true },
          { text: customer.id, code: true },
        ],
        json: `/customers/${customer.id}?application=${encodeURIComponent(application)}`,
        details: [{ label: 'GET /customers/{id}', text: JSON.stringify(decoratedCustomerRepresentation(mock, world, customer, links), null, 2) }],
        actions: [
          {
            label: 'Set status',
            path: `/customers/${customer.id}/status`,
            body: { application },
            fields: [{ name: 'status', label: 'to', kind: 'choice', choices: STATUSES_BY_TYPE[customer.type], value: customer.status }],
          },
        ],
      })),
      total: store.size,
    }
  },
}

/** A business by its name; a person by theirs. */
function nameOf(customer: Customer): string {
  return customer.businessName ?? `${customer.firstName} ${customer.lastName}`
}
