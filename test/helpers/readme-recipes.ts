import { readFileSync } from 'node:fs'

export const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')

/** The code block after each `<!-- recipe: name -->` marker in the README, by name. */
export function readmeRecipes(): Map<string, string> {
  const recipes = new Map<string, string>()
  for (const match of README.matchAll(/<!-- recipe: (\S+) -->\n```\w+\n([\s\S]*?)```/g)) {
    recipes.set(match[1] as string, match[2] as string)
  }
  return recipes
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
