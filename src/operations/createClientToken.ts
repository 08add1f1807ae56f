import { DwollaError, validationError } from '../errors.js'
import { authenticateBearer } from '../http/bearer-token.js'
import { DWOLLA_CONTENT_TYPE } from '../http/media-types.js'
import type { OperationHandler } from '../http/openapi-routes.js'
import type { MockState } from '../mock-state.js'

interface ClientTokenRequest {
  action: string
  _links?: { customer?: { href?: string } }
}

/** Dwolla's drop-in examples request customer.create tokens without `_links`. */
const ACTION_WITHOUT_CUSTOMER = 'customer.create'

/**
 * POST /client-tokens: the checks run in the order Dwolla's gateway would meet them: the access
 * token, then the API version (Accept), then the body.
 */
export function createClientToken(state: MockState): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check, context) {
      const access = authenticateBearer(request, state.accessTokens)
      const problems = check.problems()
      if (problems.headers.length > 0) throw new DwollaError('InvalidVersion')
      if (problems.unreadableBody) throw new DwollaError('BadRequest')

      const body = request.body as ClientTokenRequest
      const fields = [...problems.fields]
      // OpenAPI 3.0 cannot say "required unless customer.create", so it is checked here.
      if (body._links === undefined && body.action !== ACTION_WITHOUT_CUSTOMER) {
        fields.push({ code: 'Required', message: 'Links required.', path: '/_links', _links: {} })
      }
      if (fields.length > 0) throw validationError(fields)

      const token = state.clientTokens.issue({
        clientId: access.details.clientId,
        action: body.action,
        // Worked out once from the href, for the fixture rules and the token alike.
        customerId: context.customerId,
      })
      // Tokens are alphanumeric, so the body can be written without a JSON serialiser.
      reply.type(DWOLLA_CONTENT_TYPE)
      return `{"token":"${token}"}`
    },
  }
}
