import type { FastifyReply, FastifyRequest } from 'fastify'
import { DwollaError, validationError, type EmbeddedError } from '../../../errors.js'
import { linksFor } from '../../../hal/base-url.js'
import { HalLinks } from '../../../hal/hal-links.js'
import type { MockContext } from '../../../world/mock-context.js'
import { DOCUMENT_TYPES, type DocumentHolder, type DocumentType } from '../document.js'
import { reviewDocument } from '../document-review.js'
import { DuplicateDocument } from '../document-store.js'
import { DOCUMENTS } from '../documents-part.js'
import { fileTypeAccepted } from '../file-kind.js'
import { readUpload } from '../read-upload.js'
import { reviewOnUpload, SAMPLE_FAILURE_REASON } from '../review.js'

/** Who an upload is for, once the operation has found it and checked it may upload. */
export interface UploadHolder {
  holder: DocumentHolder
  holderId: string
  customerId: string
  /** A business's `other` document may be a PDF; everyone else sends images. */
  pdfAllowedFor: (type: DocumentType) => boolean
}

/**
 * An upload, after its holder is found and allowed: the multipart body read as it streams, its
 * fields checked (ValidationError, embedded Required or Invalid at `/documentType` or `/file`,
 * inferred), its file type (Dwolla's `invalidFileType`), then the four-pending and duplicate
 * rules, then the document kept (`…_uploaded`) and, for the sandbox's samples, reviewed at once.
 * `201` with the document's absolute `Location`. A JSON body (dwolla-v2 given no npm form-data
 * object sends one) is `400 BadRequest`, never a document.
 */
export async function uploadDocument(
  mock: MockContext,
  request: FastifyRequest,
  reply: FastifyReply,
  clientId: string,
  holder: UploadHolder,
): Promise<unknown> {
  if (!request.isMultipart()) throw new DwollaError('BadRequest')
  const upload = await readUpload(request)
  const problems: EmbeddedError[] = []
  const type = upload.documentType
  if (type === undefined || type === '') problems.push({ code: 'Required', message: 'DocumentType required.', path: '/documentType', _links: {} })
  else if (!(DOCUMENT_TYPES as readonly string[]).includes(type))
    problems.push({ code: 'Invalid', message: 'DocumentType invalid.', path: '/documentType', _links: {} })
  if (upload.file === undefined || upload.file.size === 0) problems.push({ code: 'Required', message: 'File required.', path: '/file', _links: {} })
  if (problems.length > 0) throw validationError(problems)
  const documentType = type as DocumentType
  const file = upload.file as NonNullable<typeof upload.file>
  if (!fileTypeAccepted(file.head, file.fileName, holder.pdfAllowedFor(documentType))) throw new DwollaError('invalidFileType')
  const links = linksFor(request, mock.options.publicUrl)
  const world = mock.worlds.open(clientId)
  let id: string
  try {
    id = world
      .get(DOCUMENTS)
      .add({ holder: holder.holder, holderId: holder.holderId, customerId: holder.customerId, type: documentType, digest: file.digest }).id
  } catch (error) {
    if (!(error instanceof DuplicateDocument)) throw error
    throw new DwollaError('DuplicateResource', { links: { about: links.to('document', error.existingId) } })
  }
  const outcome = reviewOnUpload(file.digest, file.fileName)
  if (outcome !== 'pending') reviewDocument(world, id, outcome, outcome === 'rejected' ? SAMPLE_FAILURE_REASON : undefined)
  return reply
    .code(201)
    .header('location', links.url(HalLinks.pathOf('document', id)))
    .send()
}
