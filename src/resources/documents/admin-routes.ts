import type { FastifyInstance } from 'fastify'
import { AdminError } from '../../admin/admin-error.js'
import type { MockContext } from '../../world/mock-context.js'
import { FAILURE_REASONS } from './document.js'
import { reviewDocument } from './document-review.js'
import { DOCUMENTS } from './documents-part.js'

interface ReviewBody {
  application?: unknown
  outcome?: unknown
  failureReason?: unknown
}

/**
 * The test double's review of a pending document, as Dwolla's reviewers would decide it:
 *   POST /__mock/documents/:id/review   { outcome: "approve" | "reject", failureReason?, application? }
 *                                       → { document }
 * A rejection's reason is one of Dwolla's (default ScanNotReadable). An approval clears the
 * customer's or owner's document need, with the events the API would raise.
 */
export function documentsRoutes(admin: FastifyInstance, mock: MockContext): void {
  admin.post<{ Params: { id: string }; Body: ReviewBody | undefined }>('/documents/:id/review', async (request) => {
    const { application, outcome, failureReason = 'ScanNotReadable' } = request.body ?? {}
    if (outcome !== 'approve' && outcome !== 'reject') throw new AdminError(400, 'InvalidOutcome', 'outcome: expected approve or reject')
    if (typeof failureReason !== 'string' || !Object.hasOwn(FAILURE_REASONS, failureReason)) {
      throw new AdminError(400, 'InvalidFailureReason', `failureReason: expected one of ${Object.keys(FAILURE_REASONS).join(', ')}`)
    }
    if (application !== undefined && (typeof application !== 'string' || application === '')) {
      throw new AdminError(400, 'InvalidApplication', 'application: expected an application key')
    }
    const worlds = application === undefined ? mock.worlds.all() : [mock.worlds.open(application)]
    const world = worlds.find((candidate) => candidate.peek(DOCUMENTS)?.get(request.params.id) !== undefined)
    if (world === undefined) throw new AdminError(404, 'UnknownDocument', `no application has document ${request.params.id}`)
    try {
      const document = reviewDocument(
        world,
        request.params.id,
        outcome === 'approve' ? 'accepted' : 'rejected',
        outcome === 'reject' ? failureReason : undefined,
      )
      return { document: { ...document, created: new Date(document.created).toISOString(), application: world.clientId } }
    } catch (error) {
      if (error instanceof RangeError) throw new AdminError(409, 'AlreadyReviewed', error.message)
      throw error
    }
  })
}
