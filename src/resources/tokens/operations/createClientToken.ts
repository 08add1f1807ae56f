import { DwollaError, validationError } from '../../../errors.js'
import { beginApiCall } from '../../../http/api-call.js'
import { DWOLLA_CONTENT_TYPE } from '../../../http/media-types.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import { customersOf } from '../../customers/index.js'
import type { MockContext } from '../../../world/mock-context.js'

interface ClientTokenRequest {
  action: string
  _links?: { customer?: { href?: string } }
}

/** Dwolla's drop-in examples request customer.create tokens without `_links`. */
const ACTION_WITHOUT_CUSTOMER = 'customer.create'

/**
 * POST /client-tokens: the checks run in the order Dwolla's gateway would meet them: the access
 * token, then the API version (Accept), then the body, then the customer. A client token cannot
 * ask for another (403).
 */
export function createClientToken(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check, context) {
      const { clientId, problems } = beginApiCall(request, check, mock, 'createClientToken')
      if (problems.unreadableBody) throw new DwollaError('BadRequest')

      const body = request.body as ClientTokenRequest
      const fields = [...problems.fields]
      // OpenAPI 3.0 cannot say "required unless customer.create", so it is checked here.
      if (body._links === undefined && body.action !== ACTION_WITHOUT_CUSTOMER) {
        fields.push({ code: 'Required', message: 'Links required.', path: '/_links', _links: {} })
      }
      if (fields.length > 0) throw validationError(fields)

      // Worked out once from the href, for the fixture rules and the token alike.
      const { customerId } = context
      // The customer must be one of the calling application's (by its trailing id, any host, any
      // case), unless customerCheck is `any`. A customer.create token is for a customer not made
      // yet, so any link it carries is not checked (inferred).
      if (mock.options.customerCheck === 'exists' && body.action !== ACTION_WITHOUT_CUSTOMER && !hasCustomer(mock, clientId, customerId)) {
        throw validationError([{ code: 'Invalid', message: 'Customer not found.', path: '/_links/customer/href', _links: {} }])
      }
      const token = mock.clientTokens.issue({ clientId, action: body.action, customerId })
      // Tokens are alphanumeric, so the body can be written without a JSON serialiser.
      reply.type(DWOLLA_CONTENT_TYPE)
      return `{"token":"${token}"}`
    },
  }
}

function hasCustomer(mock: MockContext, clientId: string, customerId: string | undefined): boolean {
  return customerId !== undefined && customersOf(mock, clientId).get(customerId) !== undefined
}
