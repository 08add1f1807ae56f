import type { ApplicationWorld, WorldPart } from '../../world/application-world.js'
import type { MockContext } from '../../world/mock-context.js'
import { DocumentStore } from './document-store.js'

/**
 * The worst a document costs in memory: three ids, a 64-character digest, a failure reason and
 * the Map entry; never its bytes (test/beneficial-owners-api/memory.test.ts measures it, with the events its upload raises).
 */
export const DOCUMENT_BYTES = 2048

/** An application's documents, each raised as the world's event with `_links.resource` the document. */
export const DOCUMENTS: WorldPart<DocumentStore> = {
  name: 'documents',
  create: (world) => emptyDocumentStore(world),
  weigh: (store) => store.size * DOCUMENT_BYTES,
}

export function emptyDocumentStore(world: ApplicationWorld): DocumentStore {
  const { server } = world
  return new DocumentStore({
    clientId: world.clientId,
    limit: server.options.documentLimit,
    now: () => server.now(),
    raise: (topic, document) => world.raise({ topic, resourceType: 'document', resourceId: document.id, customerId: document.customerId, at: server.now() }),
    onChange: () => world.changed(),
  })
}

export function documentsOf(mock: MockContext, clientId: string): DocumentStore {
  return mock.worlds.open(clientId).get(DOCUMENTS)
}
