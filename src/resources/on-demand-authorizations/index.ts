import type { Resource } from '../../world/resource.js'
import { createOnDemandTransferAuthorization } from './operations/createOnDemandTransferAuthorization.js'
import { PERSISTED_AUTHORIZATIONS } from './persisted-authorizations.js'

export { ON_DEMAND_AUTHORIZATIONS } from './authorizations-part.js'

/** On-demand transfer authorizations: a customer's agreement to future debits, used once by a bank. */
export const onDemandAuthorizations: Resource = {
  name: 'on-demand-authorizations',
  operations: { createOnDemandTransferAuthorization },
  persisted: PERSISTED_AUTHORIZATIONS,
}
