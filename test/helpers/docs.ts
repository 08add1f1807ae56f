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
