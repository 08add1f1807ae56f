import { ADMIN_PREFIX } from '../admin/admin-path.js'
import type { ActionField, Cell, DashboardAction, DashboardRow, DashboardSection, SectionPage } from './dashboard-section.js'
import { markup, type Html } from './html.js'

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
  return markup`<div class="bar">
${picker(view)}
${view.actions.map(actionBox)}
</div>
${tabs(view)}
${shown.map(({ section, page, actions }) => sectionBlock(view, section, page, actions))}`
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
  if (view.applications.length === 0) return markup`<p class="note">No application yet: the first <code>POST /token</code> makes one.</p>`
  const options = view.applications.map(
    (application) => markup`<option value="${application}"${application === view.application ? markup` selected` : ''}>${application}</option>`,
  )
  // A GET form, so the picker works without the script too; the script follows it without a reload.
  return markup`<form class="picker" method="get" action="${ADMIN_PREFIX}/dashboard">
<label>Application <select name="application" data-picker>${options}</select></label>
<noscript><button>Show</button></noscript>
</form>`
}

function tabs(view: MainView): Html {
  const tab = (label: Html | string, href: string, current: boolean) =>
    markup`<a data-nav href="${href}"${current ? markup` class="current"` : ''}>${label}</a>`
  const overview = tab('Overview', dashboardHref(view.application), view.focus === undefined)
  const others = view.sections.map(({ section, page }) =>
    tab(markup`${section.title} <span class="count">${count(page.total)}</span>`, dashboardHref(view.application, section.id), view.focus?.id === section.id),
  )
  return markup`<nav class="tabs">${overview}${others}</nav>`
}

function sectionBlock(view: MainView, section: DashboardSection, page: SectionPage, actions: readonly DashboardAction[]): Html {
  const pageNumber = view.focus?.page ?? 1
  const first = (pageNumber - 1) * (view.focus === undefined ? OVERVIEW_ROWS : SECTION_ROWS)
  const empty = first > 0 && page.total > 0 ? `No rows past ${count(page.total)}.` : (page.empty ?? 'Nothing yet.')
  const more =
    view.focus !== undefined
      ? pager(view, section, page, first, pageNumber)
      : page.total > page.rows.length
        ? markup`<p class="pager"><a data-nav href="${dashboardHref(view.application, section.id)}">All ${count(page.total)} →</a></p>`
        : ''
  return markup`<section id="${section.id}" data-section="${section.id}">
<h2>${section.title} <span class="count">${count(page.total)}</span></h2>
${actions.length === 0 ? '' : markup`<div class="section-actions">${actions.map(actionBox)}</div>`}
${page.rows.length === 0 ? markup`<p class="empty">${empty}</p>` : table(section, page)}
${more}
</section>`
}

function pager(view: MainView, section: DashboardSection, page: SectionPage, first: number, pageNumber: number): Html | string {
  if (page.total <= SECTION_ROWS && pageNumber === 1) return ''
  const last = Math.min(first + page.rows.length, page.total)
  const newer = pageNumber > 1 ? markup`<a data-nav rel="prev" href="${dashboardHref(view.application, section.id, pageNumber - 1)}">‹ Newer</a>` : ''
  const older = last < page.total ? markup`<a data-nav rel="next" href="${dashboardHref(view.application, section.id, pageNumber + 1)}">Older ›</a>` : ''
  const where = page.rows.length === 0 ? '' : `${count(first + 1)}–${count(last)} of ${count(page.total)}`
  return markup`<p class="pager">${newer}<span>${where}</span>${older}</p>`
}

function table(section: DashboardSection, page: SectionPage): Html {
  const hasJson = page.rows.some((row) => row.json !== undefined)
  const hasActions = page.rows.some((row) => (row.actions?.length ?? 0) > 0)
  const layout = { hasJson, hasActions, width: page.columns.length + (hasJson ? 1 : 0) + (hasActions ? 1 : 0) }
  const head = page.columns.map((column) => markup`<th>${column}</th>`)
  return markup`<table>
<thead><tr>${head}${hasJson ? markup`<th></th>` : ''}${hasActions ? markup`<th></th>` : ''}</tr></thead>
<tbody>${page.rows.map((row) => rowLines(section, row, layout))}</tbody>
</table>`
}

function rowLines(section: DashboardSection, row: DashboardRow, layout: { hasJson: boolean; hasActions: boolean; width: number }): Html {
  const key = `${section.id}:${row.key}`
  const cells = row.cells.map((cell) => markup`<td>${cellHtml(cell)}</td>`)
  const json = row.json === undefined ? '' : markup`<a data-json href="${ADMIN_PREFIX}${row.json}" target="_blank" rel="noopener">JSON</a>`
  const details =
    row.details === undefined || row.details.length === 0
      ? ''
      : markup`<tr class="more"><td colspan="${layout.width}"><details data-key="${key}"><summary>Details</summary>${row.details.map(
          ({ label, text }) => markup`<h4>${label}</h4><pre>${text}</pre>`,
        )}</details></td></tr>`
  return markup`<tr data-row="${key}">${cells}${layout.hasJson ? markup`<td>${json}</td>` : ''}${
    layout.hasActions ? markup`<td>${(row.actions ?? []).map(actionBox)}</td>` : ''
  }</tr>
${details}`
}

function cellHtml(cell: Cell): Html {
  if (typeof cell === 'string') return markup`${cell}`
  if (cell.tone !== undefined) return markup`<span class="tone tone-${cell.tone}">${cell.text}</span>`
  if (cell.time === true) return markup`<time datetime="${cell.text}">${cell.text}</time>`
  return cell.code === true ? markup`<code>${cell.text}</code>` : markup`${cell.text}`
}

/** An action: its fields and its button; the page's script makes the call its data attributes describe. */
function actionBox(action: DashboardAction): Html {
  const body = action.body === undefined ? '' : markup` data-body="${JSON.stringify(action.body)}"`
  const confirm = action.confirm === undefined ? '' : markup` data-confirm="${action.confirm}"`
  const danger = action.method === 'DELETE' || action.confirm !== undefined ? markup` class="danger"` : ''
  return markup`<span class="action" data-path="${ADMIN_PREFIX}${action.path}" data-method="${action.method ?? 'POST'}"${body}${confirm}>${(
    action.fields ?? []
  ).map(field)}<button type="button" data-act${danger}>${action.label}</button></span>`
}

function field(spec: ActionField): Html {
  const label = markup`<span class="note">${spec.label}</span>`
  switch (spec.kind) {
    case 'choice': {
      const choices = (spec.choices ?? []).map((choice) => markup`<option${choice === spec.value ? markup` selected` : ''}>${choice}</option>`)
      return markup`<label>${label} <select name="${spec.name}" data-kind="text">${choices}</select></label>`
    }
    case 'json':
    case 'body':
      return markup`<label>${label} <textarea name="${spec.name}" data-kind="${spec.kind}" spellcheck="false">${spec.value ?? ''}</textarea></label>`
    case 'number':
      return markup`<label>${label} <input type="number" name="${spec.name}" data-kind="number" value="${spec.value ?? ''}" min="0"></label>`
    case 'text':
      return markup`<label>${label} <input type="text" name="${spec.name}" data-kind="text" value="${spec.value ?? ''}"></label>`
  }
}

/** A count as the page writes it: 5,000. */
function count(value: number): string {
  return value.toLocaleString('en')
}
