import { ADMIN_PREFIX } from '../admin/admin-path.js'
import type { Cell, DashboardAction, DashboardRow, DashboardSection, SectionPage } from './dashboard-section.js'
import { html, type Html } from './html.js'

/** Rows each section shows on the overview, and on its own page. */
export const OVERVIEW_ROWS = 10
export const SECTION_ROWS = 50

/** What the main part shows: one application, and either every section's first rows or one section's page. */
export interface MainView {
  /** The applications the picker offers, the chosen one among them. */
  readonly applications: readonly string[]
  readonly application: string | undefined
  /** The actions bar: the shell's own (reset, clock, settle), then those of sections without rows. */
  readonly actions: readonly DashboardAction[]
  /** Every section with rows, in order, each with the page it shows (the first rows on the overview). */
  readonly sections: ReadonlyArray<{ readonly section: DashboardSection; readonly page: SectionPage; readonly actions: readonly DashboardAction[] }>
  /** The one section shown, and its page number (from 1); undefined for the overview. */
  readonly focus: { readonly id: string; readonly page: number } | undefined
}

/** The main part of the page, as the page holds it and /__mock/dashboard/live sends it. */
export function renderMain(view: MainView): Html {
  const shown = view.focus === undefined ? view.sections : view.sections.filter(({ section }) => section.id === view.focus?.id)
  return html`<div class="bar">${picker(view)} ${view.actions.map(actionBox)}</div>
    ${tabs(view)} ${shown.map(({ section, page, actions }) => sectionBlock(view, section, page, actions))}`
}

/** The dashboard's own address for a view. */
export function dashboardHref(application: string | undefined, section?: string, page?: number): string {
  const query = new URLSearchParams()
  if (application !== undefined) query.set('application', application)
  if (section !== undefined) query.set('section', section)
  if (page !== undefined && page > 1) query.set('page', String(page))
  const search = query.toString()
  return `${ADMIN_PREFIX}/dashboard${search === '' ? '' : `?${search}`}`
}

function picker(view: MainView): Html {
  if (view.applications.length === 0) return html`<p class="note">No application yet: the first <code>POST /token</code> makes one.</p>`
  // A GET form, so the picker works without the script too; the script follows it without a reload.
  return html`<form class="picker" method="get" action="${ADMIN_PREFIX}/dashboard">
    <label
      >Application
      <select name="application" data-picker>
        ${view.applications.map(
          (application) => html`<option value="${application}" ${application === view.application ? html` selected` : ''}>${application}</option>`,
        )}
      </select></label
    >
    <noscript><button>Show</button></noscript>
  </form>`
}

function tabs(view: MainView): Html {
  const tab = (label: Html | string, href: string, current: boolean) => html`<a data-nav href="${href}" ${current ? html` class="current"` : ''}>${label}</a>`
  return html`<nav class="tabs">
    ${tab('Overview', dashboardHref(view.application), view.focus === undefined)}${view.sections.map(({ section, page }) =>
      tab(
        html`${section.title} <span class="count">${page.total.toLocaleString('en')}</span>`,
        dashboardHref(view.application, section.id),
        view.focus?.id === section.id,
      ),
    )}
  </nav>`
}

function sectionBlock(view: MainView, section: DashboardSection, page: SectionPage, actions: readonly DashboardAction[]): Html {
  const pageNumber = view.focus?.page ?? 1
  const perPage = view.focus === undefined ? OVERVIEW_ROWS : SECTION_ROWS
  const first = (pageNumber - 1) * perPage
  return html`<section id="${section.id}" data-section="${section.id}">
    <h2>${section.title} <span class="count">${page.total.toLocaleString('en')}</span></h2>
    ${actions.length === 0 ? '' : html`<div class="section-actions">${actions.map(actionBox)}</div>`}
    ${page.rows.length === 0 ? html`<p class="empty">${first > 0 && page.total > 0 ? `No rows past ${page.total.toLocaleString('en')}.` : (page.empty ?? 'Nothing yet.')}</p>` : table(section, page)}
    ${
      view.focus === undefined
        ? page.total > page.rows.length
          ? html`<p class="pager"><a data-nav href="${dashboardHref(view.application, section.id)}">All ${page.total.toLocaleString('en')} →</a></p>`
          : ''
        : pager(view, section, page, first, pageNumber)
    }
  </section>`
}

function pager(view: MainView, section: DashboardSection, page: SectionPage, first: number, pageNumber: number): Html {
  if (page.total <= SECTION_ROWS && pageNumber === 1) return html``
  const last = Math.min(first + page.rows.length, page.total)
  return html`<p class="pager">
    ${pageNumber > 1 ? html`<a data-nav rel="prev" href="${dashboardHref(view.application, section.id, pageNumber - 1)}">‹ Newer</a>` : ''}
    <span>${page.rows.length === 0 ? '' : `${(first + 1).toLocaleString('en')}–${last.toLocaleString('en')} of ${page.total.toLocaleString('en')}`}</span>
    ${last < page.total ? html`<a data-nav rel="next" href="${dashboardHref(view.application, section.id, pageNumber + 1)}">Older ›</a>` : ''}
  </p>`
}

function table(section: DashboardSection, page: SectionPage): Html {
  const hasJson = page.rows.some((row) => row.json !== undefined)
  const hasActions = page.rows.some((row) => (row.actions?.length ?? 0) > 0)
  const width = page.columns.length + (hasJson ? 1 : 0) + (hasActions ? 1 : 0)
  return html`<table>
    <thead>
      <tr>
        ${page.columns.map((column) => html`<th>${column}</th>`)}${hasJson ? html`<th></th>` : ''}${hasActions ? html`<th></th>` : ''}
      </tr>
    </thead>
    <tbody>
      ${page.rows.map((row) => rowLines(section, row, { hasJson, hasActions, width }))}
    </tbody>
  </table>`
}

function rowLines(section: DashboardSection, row: DashboardRow, layout: { hasJson: boolean; hasActions: boolean; width: number }): Html {
  const key = `${section.id}:${row.key}`
  return html`<tr data-row="${key}">
      ${row.cells.map((cell) => html`<td${typeof cell !== 'string' && cell.code === true ? html` class="nowrap"` : ''}>${cellHtml(cell)}</td>`)}${
        layout.hasJson
          ? html`<td>${row.json === undefined ? '' : html`<a data-json href="${ADMIN_PREFIX}${row.json}" target="_blank" rel="noopener">JSON</a>`}</td>`
          : ''
      }${layout.hasActions ? html`<td>${(row.actions ?? []).map(actionBox)}</td>` : ''}
    </tr>
    ${
      row.details === undefined || row.details.length === 0
        ? ''
        : html`<tr class="more">
            <td colspan="${layout.width}">
              <details data-key="${key}">
                <summary>Details</summary>
                ${row.details.map(
                  ({ label, text }) =>
                    html`<h4>${label}</h4>
                      <pre>${text}</pre>`,
                )}
              </details>
            </td>
          </tr>`
    }`
}

function cellHtml(cell: Cell): Html {
  if (typeof cell === 'string') return html`${cell}`
  if (cell.tone !== undefined) return html`<span class="tone tone-${cell.tone}">${cell.text}</span>`
  if (cell.time === true) return html`<time datetime="${cell.text}">${cell.text}</time>`
  return cell.code === true ? html`<code>${cell.text}</code>` : html`${cell.text}`
}

/** An action: its fields and its button; the script makes the call the data attributes describe. */
function actionBox(action: DashboardAction): Html {
  const body = action.body === undefined ? undefined : JSON.stringify(action.body)
  return html`<span
    class="action"
    data-path="${ADMIN_PREFIX}${action.path}"
    data-method="${action.method ?? 'POST'}"
    ${body === undefined ? '' : html` data-body="${body}"`}${action.confirm === undefined ? '' : html` data-confirm="${action.confirm}"`}
    >${(action.fields ?? []).map(field)}<button
      type="button"
      data-act${action.method === 'DELETE' || action.confirm !== undefined ? html` class="danger"` : ''}
    >
      ${action.label}
    </button></span
  >`
}

function field(spec: NonNullable<DashboardAction['fields']>[number]): Html {
  const label = html`<span class="note">${spec.label}</span>`
  switch (spec.kind) {
    case 'choice':
      return html`<label
        >${label}
        <select name="${spec.name}" data-kind="text">
          ${(spec.choices ?? []).map((choice) => html`<option${choice === spec.value ? html` selected` : ''}>${choice}</option>`)}
        </select></label
      >`
    case 'json':
    case 'body':
      return html`<label>${label} <textarea name="${spec.name}" data-kind="${spec.kind}" spellcheck="false">${spec.value ?? ''}</textarea></label>`
    case 'number':
      return html`<label>${label} <input type="number" name="${spec.name}" data-kind="number" value="${spec.value ?? ''}" min="0" /></label>`
    case 'text':
      return html`<label>${label} <input type="text" name="${spec.name}" data-kind="text" value="${spec.value ?? ''}" /></label>`
  }
}
