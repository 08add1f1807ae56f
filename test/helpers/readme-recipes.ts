import { documentationFiles, readDoc } from './docs.js'

/** A marker is a line of its own; one quoted in a sentence (in a code span) is not. */
const MARKER = /^<!-- recipe: (\S+) -->$/gm
const RECIPE = /^<!-- recipe: (\S+) -->\n```\w+\n([\s\S]*?)```/gm

/**
 * The code block after each `<!-- recipe: name -->` marker in the given files, by name. Names are
 * unique across the files: a name used twice, or a marker without a code block right after it,
 * throws rather than let a recipe go untested.
 */
export function recipesIn(files: ReadonlyArray<{ file: string; text: string }>): Map<string, { file: string; code: string }> {
  const recipes = new Map<string, { file: string; code: string }>()
  for (const { file, text } of files) {
    const markers = [...text.matchAll(MARKER)].map((match) => match[1] as string)
    const found = [...text.matchAll(RECIPE)]
    if (found.length !== markers.length) {
      const parsed = new Set(found.map((match) => match[1]))
      const broken = markers.filter((name) => !parsed.has(name))
      throw new Error(`${file}: recipe marker without a code block right after it: ${(broken.length > 0 ? broken : markers).join(', ')}`)
    }
    for (const match of found) {
      const name = match[1] as string
      const first = recipes.get(name)
      if (first !== undefined) throw new Error(`recipe "${name}" is defined twice: in ${first.file} and in ${file}`)
      recipes.set(name, { file, code: match[2] as string })
    }
  }
  return recipes
}

/** Every recipe of README.md and docs/**\/*.md, by name: its code block. */
export function readmeRecipes(): Map<string, string> {
  const files = documentationFiles().map((file) => ({ file, text: readDoc(file) }))
  return new Map([...recipesIn(files)].map(([name, { code }]) => [name, code]))
}

/** The environment for a recipe's own process: without the test runner's loaders and settings. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [name, value] of Object.entries(process.env)) {
    if (name === 'NODE_OPTIONS' || name.startsWith('TAP') || name.startsWith('_TAPJS')) continue
    env[name] = value
  }
  return { ...env, ...extra }
}
