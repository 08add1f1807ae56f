/**
 * The 18 actions Dwolla documents for client tokens (the drop-in components' permissions), in
 * the order of the OpenAPI document's enum; a test keeps the two the same. A client token
 * carries its action as a position in this list.
 */
export const CLIENT_TOKEN_ACTIONS = Object.freeze([
  'customer.create',
  'customer.read',
  'customer.update',
  'customer.documents.create',
  'customer.documents.read',
  'businessclassifications.read',
  'beneficialowners.create',
  'beneficialowners.read',
  'beneficialowners.update',
  'beneficialowners.delete',
  'beneficialownership.read',
  'beneficialownership.certify',
  'beneficialowner.documents.create',
  'customer.fundingsources.create',
  'customer.fundingsources.read',
  'customer.microdeposits.create',
  'customer.microdeposits.verify',
  'customer.transfers.send',
] as const)
