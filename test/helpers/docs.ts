import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository's root folder. */
export const REPOSITORY = fileURLToPath(new URL('../..', import.meta.url))

/**
 * Every page of the documentation, as paths relative to the repository with `/` separators:
 * README.md first, then every docs/**\/*.md in name order.
 */
export function documentationFiles(): string[] {
  const pages: string[] = []
  const walk = (folder: string): void => {
    let entries
    try {
      entries = readdirSync(folder, { withFileTypes: true })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
      throw error
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = join(folder, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (entry.isFile() && entry.name.endsWith('.md')) pages.push(relative(REPOSITORY, path).split(sep).join('/'))
    }
  }
  walk(join(REPOSITORY, 'docs'))
  return ['README.md', ...pages]
}

/** A documentation file's text, by its path relative to the repository (`README.md`, `docs/errors.md`). */
export function readDoc(path: string): string {
  return readFileSync(join(REPOSITORY, path), 'utf8')
}

/** A page of docs/ by name: `docPage('customers')` is docs/customers.md. */
export function docPage(name: string): string {
  return readDoc(`docs/${name}.md`)
}

/** Fenced code blocks blanked out (their lines kept, so line numbers hold): nothing in them is a heading or a link. */
function withoutFences(markdown: string): string[] {
  let fence: string | undefined
  return markdown.split('\n').map((line) => {
    const opening = /^ {0,3}(`{3,}|~{3,})/.exec(line)
    if (fence === undefined) {
      if (opening) fence = (opening[1] as string)[0]
      return opening ? '' : line
    }
    if (opening && (opening[1] as string)[0] === fence) fence = undefined
    return ''
  })
}

/**
 * GitHub's anchor for a heading's text (github-slugger): the text as rendered (inline code, links
 * and HTML reduced to their text), lowercased, every character that is not a letter, a mark, a
 * number, a connector (`_`), a space or a hyphen dropped, and each space made a hyphen.
 */
export function githubSlug(heading: string): string {
  const text = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/`([^`]*)`/g, '$1')
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-')
}

/** Every anchor a Markdown file has, as GitHub makes them: duplicate headings get -1, -2, … */
export function headingAnchors(markdown: string): Set<string> {
  const occurrences = new Map<string, number>()
  const anchors = new Set<string>()
  for (const line of withoutFences(markdown)) {
    const heading = /^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(line)
    if (heading) {
      const base = githubSlug(heading[1] as string)
      let slug = base
      while (occurrences.has(slug)) {
        const n = (occurrences.get(base) as number) + 1
        occurrences.set(base, n)
        slug = `${base}-${n}`
      }
      occurrences.set(slug, 0)
      anchors.add(slug)
    }
    for (const html of line.matchAll(/<a\s+(?:name|id)="([^"]+)"/g)) anchors.add(html[1] as string)
  }
  return anchors
}

/** The headings of a Markdown file, outside code blocks: `{ level, text }`. */
export function headings(markdown: string): Array<{ level: number; text: string }> {
  const found: Array<{ level: number; text: string }> = []
  for (const line of withoutFences(markdown)) {
    const heading = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(line)
    if (heading) found.push({ level: (heading[1] as string).length, text: heading[2] as string })
  }
  return found
}

/**
 * Every inline link and image of a Markdown file, outside code: its target and the line it starts
 * on. Link text may run over lines. A `](` that does not open a well-formed link is returned with
 * `target: undefined`, so a broken one cannot slip past unchecked.
 */
export function links(markdown: string): Array<{ target: string | undefined; line: number }> {
  // Code spans are text, not links: blank them (within a paragraph), keeping every offset.
  const text = withoutFences(markdown)
    .join('\n')
    .replace(/(`+)(?:(?!\n\n)[\s\S])*?\1/g, (span) => span.replace(/[^\n]/g, ' '))
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length
  const found: Array<{ target: string | undefined; line: number }> = []
  const parsed = new Set<number>()
  for (const match of text.matchAll(/!?\[((?:[^\][]|\[[^\]]*\])*)\]\(\s*<?([^()\s<>]*)>?(?:\s+"[^"]*")?\s*\)/g)) {
    found.push({ target: match[2], line: lineOf(match.index) })
    parsed.add(match.index + match[0].indexOf('](', (match[1] as string).length))
  }
  for (const match of text.matchAll(/\]\(/g)) {
    if (!parsed.has(match.index)) found.push({ target: undefined, line: lineOf(match.index) })
  }
  return found
}
