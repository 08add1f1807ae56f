import type { Resource } from '../../world/resource.js'
import { beneficialOwnersRoutes } from './admin-routes.js'
import { decorateBusinessLinks } from './link-decorations.js'
import { certifyBeneficialOwnershipForCustomer } from './operations/certifyBeneficialOwnershipForCustomer.js'
import { createBeneficialOwnerForCustomer } from './operations/createBeneficialOwnerForCustomer.js'
import { deleteBeneficialOwner } from './operations/deleteBeneficialOwner.js'
import { getBeneficialOwnershipStatusForCustomer } from './operations/getBeneficialOwnershipStatusForCustomer.js'
import { listBeneficialOwnersForCustomer } from './operations/listBeneficialOwnersForCustomer.js'
import { retrieveBeneficialOwner } from './operations/retrieveBeneficialOwner.js'
import { updateBeneficialOwner } from './operations/updateBeneficialOwner.js'
import { PERSISTED_OWNERS } from './persisted-owners.js'

export { BENEFICIAL_OWNERS, ownersOf } from './owners-part.js'

/** Beneficial owners of llc, corporation and partnership businesses, and the certification of them. */
export const beneficialOwners: Resource = {
  name: 'beneficial-owners',
  operations: {
    listBeneficialOwnersForCustomer,
    createBeneficialOwnerForCustomer,
    retrieveBeneficialOwner,
    updateBeneficialOwner,
    deleteBeneficialOwner,
    getBeneficialOwnershipStatusForCustomer,
    certifyBeneficialOwnershipForCustomer,
  },
  // The drop-in components' actions (dwolla-beneficial-owners, the business VCR flow), each on
  // the token's own business only.
  clientTokenGrants: [
    { action: 'beneficialowners.read', operationId: 'listBeneficialOwnersForCustomer', customer: 'own' },
    { action: 'beneficialowners.read', operationId: 'retrieveBeneficialOwner', customer: 'own' },
    { action: 'beneficialowners.create', operationId: 'createBeneficialOwnerForCustomer', customer: 'own' },
    { action: 'beneficialowners.update', operationId: 'updateBeneficialOwner', customer: 'own' },
    { action: 'beneficialowners.delete', operationId: 'deleteBeneficialOwner', customer: 'own' },
    { action: 'beneficialownership.read', operationId: 'getBeneficialOwnershipStatusForCustomer', customer: 'own' },
    { action: 'beneficialownership.certify', operationId: 'certifyBeneficialOwnershipForCustomer', customer: 'own' },
  ],
  adminRoutes: beneficialOwnersRoutes,
  persisted: PERSISTED_OWNERS,
  linkDecorations: { customer: decorateBusinessLinks },
}
