import { DwollaError, validationError } from '../../../errors.js'
import { linksFor } from '../../../hal/base-url.js'
import { halBody } from '../../../hal/send-hal.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockContext } from '../../../world/mock-context.js'
import { adderOf, hasBalance, ownerViewOf, requireModifiable } from '../owners.js'
import { invalid } from '../read-create-request.js'
import { fundingSourceRepresentation } from '../representation.js'
import { beginFundingSourceCall } from './begin-funding-source-call.js'
import { answeringDuplicates } from './duplicate-resource.js'

/**
 * POST /funding-sources/{id}: `{"removed": true}` removes it (softly: it stays readable, with
 * only its `self` link); otherwise a rename, and new numbers or type while unverified. `200` with
 * the funding source as it now is: a JSON body always (`dwolla@1.1.1` parses one, and returns it
 * as `{}`). `removed` other than `true` is a ValidationError at `/removed` (inferred).
 */
export function updateOrRemoveFundingSource(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const { clientId, problems, store, source, customer } = beginFundingSourceCall(request, check, mock, 'updateOrRemoveFundingSource')
      if (problems.unreadableBody) throw new DwollaError('BadRequest')
      const body = request.body as Record<string, unknown>
      requireModifiable(customer)
      const links = linksFor(request, mock.options.publicUrl)
      let updated
      if (Object.hasOwn(body, 'removed')) {
        if (body.removed !== true) throw validationError([invalid('/removed')])
        updated = store.remove(source.id)
      } else {
        const adder = adderOf(customer, customer !== undefined && hasBalance(customer))
        updated = answeringDuplicates(links, () => store.update(source.id, body, adder))
      }
      return halBody(reply, fundingSourceRepresentation(updated, ownerViewOf(clientId, customer), links))
    },
  }
}
