import { join } from 'node:path'
import { writeFile } from 'node:fs/promises'
import t from 'tap'
import { npm, packTarball, run, userProject } from '../helpers/packed-package.js'
import { cleanEnv, readmeRecipes } from '../helpers/readme-recipes.js'

/**
 * Many Node backends that integrate Dwolla are CommonJS projects tested with jest, which cannot
 * load an ES module through require() and needs a flag for import(). The CommonJS recipe
 * (docs/test-double.md) runs here in such a project: no "type", jest 30 from the registry, no
 * flags, and mock-dwolla installed from the packed tarball.
 */
t.setTimeout(600_000)

t.test('the CommonJS jest recipe passes in a CommonJS project, without flags', async (t) => {
  const { tarball, scratch } = await packTarball(t)
  const project = await userProject(join(scratch, 'commonjs-project'), { scripts: { test: 'jest --ci' } }, [tarball, 'jest@30', 'dwolla-v2@3'])
  const recipe = readmeRecipes().get('jest-commonjs')
  t.ok(recipe, 'the documentation has the recipe')
  await writeFile(join(project, 'client-token.test.js'), recipe as string)
  const { stderr } = await run(npm, ['test'], { cwd: project, env: cleanEnv({ CI: 'true' }), timeout: 120_000 })
  t.match(stderr, /Tests:\s+1 passed, 1 total/, "the recipe's test passes under plain `jest`")
  t.notMatch(stderr, /experimental-vm-modules|Must use import/, 'no ES module error, no flag needed')
})
