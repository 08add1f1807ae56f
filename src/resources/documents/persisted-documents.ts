import type { ResolvedOptions } from '../../config.js'
import { corruptStateFile } from '../../persistence/state-file.js'
import { listInEntry } from '../../persistence/world-snapshots.js'
import type { PersistedPart } from '../../world/resource.js'
import { DOCUMENT_TYPES, FAILURE_REASONS, VERIFICATION_STATUSES, type VerificationDocument } from './document.js'
import type { DocumentStore } from './document-store.js'
import { DOCUMENTS, emptyDocumentStore } from './documents-part.js'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const DIGEST = /^[0-9a-f]{64}$/

/** An application's documents in the state file (`documents`): metadata and digests, `created` as ISO 8601. */
export const PERSISTED_DOCUMENTS: PersistedPart<DocumentStore, VerificationDocument[]> = {
  part: DOCUMENTS,
  keys: ['documents'],
  save: (store) => ({ documents: store.snapshot().map((document) => ({ ...document, created: new Date(document.created).toISOString() })) }),
  load(entry, at, path, options: ResolvedOptions) {
    const documents = listInEntry(entry, 'documents', at, path).map((value, index) => documentFrom(value, path, `${at}/documents/${index}`))
    if (documents.length > options.documentLimit) {
      throw corruptStateFile(path, `${at}/documents`, `${documents.length} documents, more than documentLimit (${options.documentLimit})`)
    }
    return documents
  },
  restore(world, documents) {
    const store = emptyDocumentStore(world)
    store.restore(documents)
    world.put(DOCUMENTS, store)
  },
}

function documentFrom(value: unknown, path: string, pointer: string): VerificationDocument {
  const record = (typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {}) as Record<string, unknown>
  const fail = (what: string) => corruptStateFile(path, pointer, what)
  const { id, holder, holderId, customerId, type, verification, failureReason, digest, created } = record
  for (const [name, field] of Object.entries({ id, holderId, customerId })) {
    if (typeof field !== 'string' || !UUID.test(field)) throw fail(`${name}: expected a lowercase UUID`)
  }
  if (holder !== 'customer' && holder !== 'beneficial-owner') throw fail('holder: expected customer or beneficial-owner')
  if (!(DOCUMENT_TYPES as readonly unknown[]).includes(type)) throw fail(`type: expected one of ${DOCUMENT_TYPES.join(', ')}`)
  if (!(VERIFICATION_STATUSES as readonly unknown[]).includes(verification)) throw fail(`verification: expected one of ${VERIFICATION_STATUSES.join(', ')}`)
  if (failureReason !== undefined && (typeof failureReason !== 'string' || !Object.hasOwn(FAILURE_REASONS, failureReason))) {
    throw fail("failureReason: expected one of Dwolla's failure reasons")
  }
  if (typeof digest !== 'string' || !DIGEST.test(digest)) throw fail('digest: expected a SHA-256 hex digest')
  const at = typeof created === 'string' ? Date.parse(created) : Number.NaN
  if (Number.isNaN(at)) throw fail('created: expected an ISO 8601 date')
  return {
    id: id as string,
    holder,
    holderId: holderId as string,
    customerId: customerId as string,
    type: type as VerificationDocument['type'],
    verification: verification as VerificationDocument['verification'],
    ...(failureReason === undefined ? {} : { failureReason: failureReason }),
    digest,
    created: at,
  }
}
