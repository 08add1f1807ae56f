import type { Resource } from '../../world/resource.js'
import { getAccount } from './operations/getAccount.js'

export { accountIdFor } from './account-id.js'

/** GET /accounts/{id}: the calling application's account. */
export const accounts: Resource = {
  name: 'accounts',
  operations: { getAccount },
}
