import { randomUUID } from 'node:crypto'
import { DwollaError } from '../../errors.js'
import { FAILURE_REASONS, type DocumentHolder, type DocumentVerificationStatus, type VerificationDocument } from './document.js'
import { documentTopic } from './document-events.js'

export interface DocumentStoreOptions {
  clientId: string
  /** Most documents it holds; past it an upload is refused with MaxNumberOfResources. */
  limit: number
  now: () => number
  /** Raises a document's topic as the application's event (`_links.resource` the document). */
  raise: (topic: string, document: VerificationDocument) => void
  onChange: () => void
}

/** "Max of four files upload allowed" awaiting review (create-document-for-customer.mdx; discuss.dwolla.com/t/7615). */
export const MAX_PENDING = 4

/**
 * One application's documents: bounded, metadata and digests only, and the only place a
 * document's review is applied. It raises each document's topics; what a review does to its
 * customer or owner is document-review.ts's work.
 */
export class DocumentStore {
  readonly #documents = new Map<string, VerificationDocument>()

  constructor(private readonly options: DocumentStoreOptions) {}

  get size(): number {
    return this.#documents.size
  }

  get(id: string): VerificationDocument | undefined {
    return this.#documents.get(id.toLowerCase())
  }

  /** A customer's or owner's documents, oldest first (as Dwolla's examples list them, inferred). */
  list(holder: DocumentHolder, holderId: string): VerificationDocument[] {
    const id = holderId.toLowerCase()
    return [...this.#documents.values()].filter((document) => document.holder === holder && document.holderId === id)
  }

  /**
   * Keeps a new upload (`…_document_uploaded`), once Dwolla's rules allow it: at most four of the
   * holder's documents awaiting review, and never the same bytes twice for one holder
   * (DuplicateResource, with the earlier document's id for `_links.about`).
   */
  add(upload: Omit<VerificationDocument, 'id' | 'verification' | 'created'>): VerificationDocument {
    const earlier = this.list(upload.holder, upload.holderId)
    if (earlier.filter((document) => document.verification === 'pending').length >= MAX_PENDING) throw new DwollaError('maximumNumberOfResources')
    const duplicate = earlier.find((document) => document.digest === upload.digest)
    if (duplicate !== undefined) throw new DuplicateDocument(duplicate.id)
    if (this.#documents.size >= this.options.limit) {
      throw new DwollaError('MaxNumberOfResources', { message: 'The maximum number of documents has been reached.' })
    }
    const document: VerificationDocument = { ...upload, id: randomUUID(), verification: 'pending', created: this.options.now() }
    this.#documents.set(document.id, document)
    this.options.raise(documentTopic(document.holder, 'uploaded'), document)
    this.options.onChange()
    return document
  }

  /**
   * The review of a pending document: accepted (`…_approved`) or rejected with a reason of
   * Dwolla's (`…_failed`). A document is reviewed once; a second review is refused.
   */
  review(id: string, outcome: Exclude<DocumentVerificationStatus, 'pending'>, failureReason?: string): VerificationDocument {
    const document = this.get(id)
    if (document === undefined) throw new RangeError(`no document ${id} for application ${this.options.clientId}`)
    if (document.verification !== 'pending') throw new RangeError(`document ${id} is already ${document.verification}`)
    if (outcome === 'rejected' && (failureReason === undefined || !Object.hasOwn(FAILURE_REASONS, failureReason))) {
      throw new RangeError(`failureReason: expected one of ${Object.keys(FAILURE_REASONS).join(', ')}`)
    }
    const reviewed: VerificationDocument =
      outcome === 'accepted' ? { ...document, verification: outcome } : { ...document, verification: outcome, failureReason }
    this.#documents.set(reviewed.id, reviewed)
    this.options.raise(documentTopic(reviewed.holder, outcome === 'accepted' ? 'approved' : 'failed'), reviewed)
    this.options.onChange()
    return reviewed
  }

  /** One page of every document held, newest first (the dashboard's): only the page's documents are read. */
  newest(offset: number, limit: number): VerificationDocument[] {
    const all = [...this.#documents.values()]
    const end = all.length - offset
    return end <= 0 ? [] : all.slice(Math.max(0, end - limit), end).reverse()
  }

  snapshot(): VerificationDocument[] {
    return [...this.#documents.values()].map((document) => ({ ...document }))
  }

  restore(documents: readonly VerificationDocument[]): void {
    for (const document of documents) this.#documents.set(document.id, document)
  }
}

/** The same bytes were uploaded before for this holder: Dwolla's DuplicateResource, about `existingId`. */
export class DuplicateDocument extends Error {
  constructor(readonly existingId: string) {
    super(`document ${existingId} has the same bytes`)
    this.name = 'DuplicateDocument'
  }
}
