/**
 * HTML made only from escaped text: every value put into the `markup` template is escaped unless it
 * is itself Html made here. So a customer named `<script>` is shown as those characters, and no
 * section can put markup into the page by mistake.
 */
export class Html {
  constructor(readonly text: string) {}

  toString(): string {
    return this.text
  }
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Text as HTML: safe in an element's content and in a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] as string)
}

/**
 * The template every part of the page is written with (tagged `markup`, not `html`, which
 * Prettier would reformat as HTML). Values: Html as it is; an array, each item in turn;
 * undefined, null and false, nothing; anything else as escaped text.
 */
export function markup(strings: TemplateStringsArray, ...values: MarkupValue[]): Html {
  let text = strings[0] as string
  for (let index = 0; index < values.length; index++) text += fragment(values[index]) + (strings[index + 1] as string)
  return new Html(text)
}

/** What the template takes: text and numbers (escaped), Html, lists of them, and nothing. */
export type MarkupValue = Html | string | number | boolean | undefined | null | readonly MarkupValue[]

function fragment(value: MarkupValue): string {
  if (value instanceof Html) return value.text
  if (Array.isArray(value)) return (value as readonly MarkupValue[]).map(fragment).join('')
  if (value === undefined || value === null || value === false) return ''
  return escapeHtml(String(value))
}
