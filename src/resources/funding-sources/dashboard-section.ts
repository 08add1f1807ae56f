import type { DashboardAction, DashboardSection, Tone } from '../../dashboard/dashboard-section.js'
import type { HalLinks } from '../../hal/hal-links.js'
import type { ApplicationWorld } from '../../world/application-world.js'
import { CUSTOMERS } from '../customers/index.js'
import { microDepositsMaxedOut, type FundingSource } from './funding-source.js'
import { FUNDING_SOURCES } from './funding-sources-part.js'
import { ownerViewOf } from './owners.js'
import { fundingSourceRepresentation } from './representation.js'

/**
 * The application's funding sources on the dashboard, newest first: whose, what, its status and
 * its micro-deposits, the JSON GET /funding-sources/{id} answers, and what Dwolla's sandbox lets a
 * person do to a bank: rename it (`R01`, `R03`: the sandbox's failing names) and move its
 * micro-deposits, each through the test double's own call (POST /__mock/funding-sources/{id}/…).
 */
export const FUNDING_SOURCES_SECTION: DashboardSection = {
  id: 'funding-sources',
  title: 'Funding sources',
  list({ world, application, links }, { offset, limit }) {
    const store = world?.peek(FUNDING_SOURCES)
    if (store === undefined || world === undefined || application === undefined) {
      return { columns: [], rows: [], total: 0, empty: 'No funding sources yet: add a bank with POST /customers/{id}/funding-sources.' }
    }
    return {
      columns: ['Name', 'Type', 'Status', 'Micro-deposits', 'Owner', 'Created', 'Id'],
      rows: store.newest(offset, limit).map((source) => ({
        key: source.id,
        cells: [
          source.name,
          source.type,
          source.removed ? { text: 'removed', tone: 'bad' } : { text: source.status, tone: source.status === 'verified' ? 'good' : 'waiting' },
          microDepositsCell(source),
          source.customerId === undefined ? 'Account' : { text: source.customerId, code: true },
          { text: new Date(source.created).toISOString(), time: true },
          { text: source.id, code: true },
        ],
        json: `/funding-sources/${source.id}?application=${encodeURIComponent(application)}`,
        details: [{ label: 'GET /funding-sources/{id}', text: JSON.stringify(representationOf(world, source, links), null, 2) }],
        actions: actionsFor(source, application),
      })),
      total: store.size,
    }
  },
}

function microDepositsCell(source: FundingSource): string | { text: string; tone: Tone } {
  const deposits = source.microDeposits
  if (deposits === undefined) return '—'
  if (microDepositsMaxedOut(source)) return { text: 'attempts used up', tone: 'bad' }
  const tones: Readonly<Record<typeof deposits.status, Tone>> = { pending: 'waiting', processed: 'good', failed: 'bad' }
  return { text: deposits.failure === undefined ? deposits.status : `${deposits.status} (${deposits.failure.code})`, tone: tones[deposits.status] }
}

/** What GET /funding-sources/{id} answers, read without making a store. */
function representationOf(world: ApplicationWorld, source: FundingSource, links: HalLinks): Record<string, unknown> {
  const customer = source.customerId === undefined ? undefined : world.peek(CUSTOMERS)?.get(source.customerId)
  return fundingSourceRepresentation(source, ownerViewOf(world.clientId, customer), links)
}

/** A bank not removed can be renamed; an unverified one's micro-deposits sent, then verified or failed. */
function actionsFor(source: FundingSource, application: string): DashboardAction[] {
  if (source.type !== 'bank' || source.removed) return []
  const path = `/funding-sources/${source.id}`
  const actions: DashboardAction[] = [
    { label: 'Rename', path: `${path}/name`, body: { application }, fields: [{ name: 'name', label: 'to (R01, R03 fail it)', kind: 'text', value: 'R01' }] },
  ]
  if (source.status !== 'unverified') return actions
  const deposits = source.microDeposits
  const microDeposits = (label: string, action: string): DashboardAction => ({ label, path: `${path}/micro-deposits`, body: { application, action } })
  if (deposits === undefined) actions.push(microDeposits('Send micro-deposits', 'initiate'))
  else if (deposits.status !== 'failed' && !microDepositsMaxedOut(source)) {
    actions.push(microDeposits('Verify micro-deposits', 'verify'), microDeposits('Fail micro-deposits', 'fail'))
  }
  return actions
}
