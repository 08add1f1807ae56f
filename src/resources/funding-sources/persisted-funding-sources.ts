import { corruptStateFile } from '../../persistence/state-file.js'
import { listInEntry } from '../../persistence/world-snapshots.js'
import type { PersistedPart } from '../../world/resource.js'
import { fundingSourceDocumentProblem, fundingSourceFromDocument, fundingSourceToDocument, type FundingSourceDocument } from './funding-source-document.js'
import type { FundingSourceStore } from './funding-source-store.js'
import { emptyFundingSourceStore, FUNDING_SOURCES } from './funding-sources-part.js'

/**
 * An application's funding sources in the state file, the Account's and every customer's, with
 * their micro-deposits: each checked field by field, each id once, within `fundingSourceLimit`
 * (balances aside). Never a routing or account number: only their fingerprint is kept.
 */
export const PERSISTED_FUNDING_SOURCES: PersistedPart<FundingSourceStore, FundingSourceDocument[]> = {
  part: FUNDING_SOURCES,
  keys: ['fundingSources'],
  save: (store) => ({ fundingSources: store.snapshot().map(fundingSourceToDocument) }),
  load(entry, at, path, options) {
    const seen = new Set<string>()
    const balances = new Set<string>()
    const documents = listInEntry(entry, 'fundingSources', at, path).map((value, index) => {
      const pointer = `${at}/fundingSources/${index}`
      const found = fundingSourceDocumentProblem(value)
      if (found !== undefined) throw corruptStateFile(path, `${pointer}${found.pointer}`, found.problem)
      const document = value as FundingSourceDocument
      if (seen.has(document.id)) throw corruptStateFile(path, `${pointer}/id`, `funding source ${document.id} appears twice`)
      seen.add(document.id)
      if (document.type === 'balance') {
        const owner = document.customerId ?? 'the Account'
        if (balances.has(owner)) throw corruptStateFile(path, `${pointer}/type`, `a second balance for ${owner}`)
        balances.add(owner)
      }
      return document
    })
    const bounded = documents.filter((document) => document.type !== 'balance').length
    if (bounded > options.fundingSourceLimit) {
      throw corruptStateFile(
        path,
        `${at}/fundingSources`,
        `${bounded} funding sources besides balances, more than fundingSourceLimit (${options.fundingSourceLimit})`,
      )
    }
    return documents
  },
  restore(world, documents) {
    const store = emptyFundingSourceStore(world)
    for (const document of documents) store.insert(fundingSourceFromDocument(document))
    world.put(FUNDING_SOURCES, store)
  },
}
