import type { Resource } from '../../world/resource.js'
import { listBusinessClassifications } from './operations/listBusinessClassifications.js'
import { retrieveBusinessClassification } from './operations/retrieveBusinessClassification.js'

export { isIndustryClassification, BUSINESS_CLASSIFICATIONS } from './catalogue.js'

/** The business classifications a business customer picks its industry from. */
export const businessClassifications: Resource = {
  name: 'business-classifications',
  operations: { listBusinessClassifications, retrieveBusinessClassification },
  // The business create component lists them (inferred from the action's name).
  clientTokenGrants: [
    { action: 'businessclassifications.read', operationId: 'listBusinessClassifications', customer: 'any' },
    { action: 'businessclassifications.read', operationId: 'retrieveBusinessClassification', customer: 'any' },
  ],
}
