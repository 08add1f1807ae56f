import type { FastifyInstance, FastifyRequest } from 'fastify'
import { AdminError } from '../admin/admin-error.js'
import { ADMIN_PREFIX } from '../admin/admin-path.js'
import { filterFrom } from '../admin/query-filter.js'
import { linksFor } from '../hal/base-url.js'
import type { MockContext } from '../world/mock-context.js'
import type { DashboardAction, DashboardSection, SectionView } from './dashboard-section.js'
import { FIXTURE_RULES_SECTION } from './fixture-rules-section.js'
import { JOURNAL_SECTION } from './journal-section.js'
import { pageDocument, sendPage } from './page-document.js'
import { OVERVIEW_ROWS, renderMain, SECTION_ROWS, type MainView } from './render-main.js'

/** The shell's own actions, first in the bar: the test double's reset, clock and settle calls. */
const SHELL_ACTIONS: readonly DashboardAction[] = [
  { label: 'Settle webhooks', path: '/webhooks/settle' },
  { label: 'Advance the clock', path: '/clock', fields: [{ name: 'advanceSeconds', label: 'seconds', kind: 'number', value: '60' }] },
  {
    label: 'Reset',
    path: '/reset',
    confirm:
      'Reset the mock? Every application is dropped (customers back to the seeds), with the journal, the runtime rules and the webhooks; tokens stay valid.',
  },
]

/** The longest application key the page takes in its address: the longest a token can carry. */
const APPLICATION_MAX_LENGTH = 1024
/** The furthest page asked for: past every store's bound. */
const PAGE_MAX = 1_000_000

interface DashboardQuery {
  application: string | undefined
  section: string | undefined
  page: number
}

/**
 * The dashboard, in the admin context (so behind the admin guard like every /__mock route):
 *   GET /__mock, /__mock/dashboard       the page, server-rendered: ?application=&section=&page=
 *   GET /__mock/dashboard/live           { now, main }: the page's main part, for its script
 * Its actions are the test double's own routes (POST /__mock/reset, /clock, ...), which the
 * page's script calls: there is no second code path.
 */
export function dashboardRoutes(admin: FastifyInstance, mock: MockContext, resourceSections: readonly DashboardSection[]): void {
  const sections = [...resourceSections, JOURNAL_SECTION, FIXTURE_RULES_SECTION]
  const page = async (request: FastifyRequest<{ Querystring: Record<string, string | string[]> }>, reply: Parameters<typeof sendPage>[0]) => {
    const main = renderMain(mainView(request, mock, sections, queryOf(request.query, sections)))
    return sendPage(reply, 200, pageDocument({ now: nowOf(mock) }, main))
  }
  admin.get('/', page)
  admin.get('/dashboard', page)
  admin.get<{ Querystring: Record<string, string | string[]> }>('/dashboard/live', async (request, reply) => {
    const main = renderMain(mainView(request, mock, sections, queryOf(request.query, sections)))
    reply.header('cache-control', 'no-store')
    return { now: nowOf(mock), main: main.text }
  })
}

/**
 * The page a browser gets instead of the admin API's JSON refusal when it opens the dashboard
 * without the admin token (it cannot send a header from the address bar): the frame alone, no
 * state in it, with the script that asks for the token and then loads the main part with it.
 * Undefined for any other request or refusal, which the admin API answers as it always does.
 */
export function dashboardSignInPage(request: FastifyRequest, error: AdminError, mock: MockContext): string | undefined {
  if (request.method !== 'GET' || (error.code !== 'AdminTokenRequired' && error.code !== 'InvalidAdminToken')) return undefined
  const path = request.url.split('?')[0]?.replace(/\/$/, '')
  if (path !== ADMIN_PREFIX && path !== `${ADMIN_PREFIX}/dashboard`) return undefined
  if (!(request.headers.accept ?? '').includes('text/html')) return undefined
  return pageDocument({ now: nowOf(mock), signIn: true }, undefined)
}

function nowOf(mock: MockContext): string {
  return new Date(mock.clock.now()).toISOString()
}

function queryOf(query: Record<string, string | string[]>, sections: readonly DashboardSection[]): DashboardQuery {
  const { application, section, page } = filterFrom(query, ['application', 'section', 'page'])
  if (application !== undefined && (application === '' || application.length > APPLICATION_MAX_LENGTH)) {
    throw new AdminError(400, 'InvalidQuery', `application: expected an application key of 1 to ${APPLICATION_MAX_LENGTH} characters`)
  }
  if (section !== undefined && !sections.some((known) => known.id === section && known.list !== undefined)) {
    throw new AdminError(
      404,
      'UnknownSection',
      `no section ${JSON.stringify(section)}: one of ${sections.flatMap((known) => (known.list === undefined ? [] : [known.id])).join(', ')}`,
    )
  }
  if (page !== undefined && (section === undefined || !/^[1-9][0-9]{0,6}$/.test(page) || Number(page) > PAGE_MAX)) {
    throw new AdminError(400, 'InvalidQuery', `page: expected a page number from 1 to ${PAGE_MAX.toLocaleString('en')}, with a section`)
  }
  return { application, section, page: page === undefined ? 1 : Number(page) }
}

/**
 * The applications the picker offers: those with state, most recently used first, then those
 * configured that have none yet. Reading them makes no world.
 */
function applicationsOf(mock: MockContext): string[] {
  const known = mock.worlds
    .all()
    .map((world) => world.clientId)
    .reverse()
  for (const { key } of mock.options.applications) if (!known.includes(key)) known.push(key)
  return known
}

function mainView(request: FastifyRequest, mock: MockContext, sections: readonly DashboardSection[], query: DashboardQuery): MainView {
  const applications = applicationsOf(mock)
  const application = query.application ?? applications[0]
  const view: SectionView = {
    mock,
    application,
    world: application === undefined ? undefined : mock.worlds.find(application),
    links: linksFor(request, mock.options.publicUrl),
  }
  const windowOf = (section: DashboardSection) => {
    if (query.section === undefined) return { offset: 0, limit: OVERVIEW_ROWS }
    // The other sections are counted for their tabs, not rendered.
    return section.id === query.section ? { offset: (query.page - 1) * SECTION_ROWS, limit: SECTION_ROWS } : { offset: 0, limit: 0 }
  }
  const listed = sections.flatMap((section) =>
    section.list === undefined ? [] : [{ section, page: section.list(view, windowOf(section)), actions: section.actions?.(view) ?? [] }],
  )
  const barActions = sections.flatMap((section) => (section.list === undefined ? (section.actions?.(view) ?? []) : []))
  return {
    applications: application === undefined || applications.includes(application) ? applications : [application, ...applications],
    application,
    actions: [...SHELL_ACTIONS, ...barActions],
    sections: listed,
    focus: query.section === undefined ? undefined : { id: query.section, page: query.page },
  }
}
