/**
 * The verification directives the sandbox simulates (`POST /sandbox-simulations`
 * `{"type":"customer-verification", …}`; balance/testing/customers.mdx and Dwolla's newer spec
 * name these five codes). Dwolla documents each code's meaning, not the sandbox's words: the
 * messages are the mock's (inferred). A document directive points at the customer's documents, the
 * others at the customer, to retry (the docs' example: POBoxNotAllowed with retry-verification).
 */
export const DIRECTIVES = {
  ControllerNonResidential: { message: "The controller's address must be a residential address.", action: 'retry' },
  POBoxNotAllowed: { message: 'A PO Box is not allowed as the business address.', action: 'retry' },
  AddressNotAssociatedWithBusiness: { message: 'The address given is not associated with the business.', action: 'retry' },
  EINDocumentRequired: { message: 'An EIN verification document is required.', action: 'business-document' },
  PersonalIDRequired: { message: 'A personal ID document is required for the controller.', action: 'controller-document' },
} as const satisfies Record<string, { message: string; action: 'retry' | 'business-document' | 'controller-document' }>

export type DirectiveCode = keyof typeof DIRECTIVES

export function isDirectiveCode(value: unknown): value is DirectiveCode {
  return typeof value === 'string' && Object.hasOwn(DIRECTIVES, value)
}
