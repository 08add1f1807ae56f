import type { HalLinks } from '../hal/hal-links.js'
import type { ApplicationWorld } from '../world/application-world.js'
import type { MockContext } from '../world/mock-context.js'

/**
 * One section of the dashboard (/__mock/dashboard): a title, one page of records at a time, and
 * the test-double calls a person can make from it. A resource contributes its section through its
 * Resource definition (`dashboard`); the journal, fixture rules and clock are the shell's own. A
 * section returns plain data: the shell escapes and renders it, so no section writes HTML.
 */
export interface DashboardSection {
  /** Its name in the page's address (`?section=`): lowercase letters, digits and dashes. */
  readonly id: string
  readonly title: string
  /**
   * One page of what the chosen application has, newest first. Reads only: it never makes a
   * world or a store (`world.peek`). It must not render more than the window: only the page's
   * rows are turned into cells, whatever the store holds.
   */
  list?(view: SectionView, window: RowWindow): SectionPage
  /** Buttons for the whole application, shown in the actions bar: the sandbox's "Process bank transfers". */
  actions?(view: SectionView): DashboardAction[]
}

/** What a section is shown for: the chosen application (and its world, when it has one). */
export interface SectionView {
  readonly mock: MockContext
  /** The application chosen in the picker; undefined when the mock has none yet. */
  readonly application: string | undefined
  /** Its world, when it has one: reading the dashboard never makes one. */
  readonly world: ApplicationWorld | undefined
  /** Hrefs on the base URL the page was reached through, as the API would write them. */
  readonly links: HalLinks
}

/** Which rows a page shows: `limit` of them from `offset`. */
export interface RowWindow {
  readonly offset: number
  readonly limit: number
}

/** A page of a section: its rows and how many there are in all. */
export interface SectionPage {
  readonly columns: readonly string[]
  readonly rows: readonly DashboardRow[]
  readonly total: number
  /** Shown when there are no rows: why, and how to make some. */
  readonly empty?: string
}

/** One record: a cell per column, where its JSON is, what it holds in full, what can be done to it. */
export interface DashboardRow {
  /** The record's id: what keeps its details open across live updates. */
  readonly key: string
  readonly cells: readonly Cell[]
  /** An admin path under /__mock (GET) that answers the record as JSON. */
  readonly json?: string
  /** Longer texts shown folded under the row: the JSON the API answers, a webhook's request and response. */
  readonly details?: ReadonlyArray<{ readonly label: string; readonly text: string }>
  readonly actions?: readonly DashboardAction[]
}

/** A cell: text, or text with a tone (a status), shown as code, or a time (ISO 8601). */
export type Cell = string | { readonly text: string; readonly tone?: Tone; readonly code?: boolean; readonly time?: boolean }

/** How a status reads at a glance. */
export type Tone = 'good' | 'waiting' | 'bad'

/**
 * A button that makes one test-double call: a POST to an admin route under /__mock, the same route
 * a test suite calls, so the dashboard has no code path of its own. The page's script sends `body`
 * with the fields' values added, as JSON, with the admin token when the page holds one.
 */
export interface DashboardAction {
  readonly label: string
  /** The admin route, under /__mock (e.g. `/customers/<id>/status`). */
  readonly path: string
  /** POST unless told (DELETE /__mock/fixtures/<id> removes a runtime rule). */
  readonly method?: 'POST' | 'DELETE'
  /** What is sent besides the fields; no body at all when neither this nor fields are given. */
  readonly body?: Readonly<Record<string, unknown>>
  readonly fields?: readonly ActionField[]
  /** Asked before it is sent (a reset drops everything). */
  readonly confirm?: string
}

/**
 * A value the person gives, sent under `name`: a number, a string, parsed JSON, or one of the
 * choices; `body` is JSON sent as the whole body (a fixture rule).
 */
export interface ActionField {
  readonly name: string
  readonly label: string
  readonly kind: 'number' | 'text' | 'json' | 'choice' | 'body'
  readonly choices?: readonly string[]
  /** What it starts with. */
  readonly value?: string
}
