import t from 'tap'
import { documentationFiles, docPage, headings, readDoc } from './helpers/docs.js'
import { readmeRecipes, recipesIn } from './helpers/readme-recipes.js'

/** The pages of docs/ for a resource the mock serves. A resource gets its page when it is served. */
const RESOURCE_PAGES = [
  'tokens',
  'accounts',
  'customers',
  'business-classifications',
  'events',
  'webhooks',
  'beneficial-owners',
  'documents',
  'kba',
  'funding-sources',
  'balances',
  'transfers',
  'sandbox-simulations',
  'labels',
  'mass-payments',
  'exchanges',
]

/** What every resource page says, in this order, before anything else it has to say. */
const RESOURCE_HEADINGS = ['Endpoints', 'Sandbox magic values', 'Events', 'Bounds', 'Choices where Dwolla documents nothing (*inferred*)']

t.test('every resource page says the same things in the same order', async (t) => {
  for (const name of RESOURCE_PAGES) {
    const sections = headings(docPage(name))
      .filter((heading) => heading.level === 2)
      .map((heading) => heading.text)
    t.same(sections.slice(0, RESOURCE_HEADINGS.length), RESOURCE_HEADINGS, `docs/${name}.md: its first sections`)
  }
})

t.test("every resource page is linked from the README's features table", async (t) => {
  const readme = readDoc('README.md')
  const features = readme.slice(readme.indexOf('## Features and limitations'), readme.indexOf('\n## ', readme.indexOf('## Features and limitations') + 1))
  const rows = features.split('\n').filter((line) => line.startsWith('| '))
  for (const name of RESOURCE_PAGES) {
    t.ok(
      rows.some((row) => row.includes(`](docs/${name}.md`)),
      `docs/${name}.md has a row`,
    )
  }
  // Every row says what it is today: served, inferred, or not served yet (no row does now).
  const states = rows.slice(2).map((row) => (row.split(' | ')[2] ?? '').trim())
  t.ok(states.length >= RESOURCE_PAGES.length, `a row per resource at least (${states.length})`)
  t.same(
    states.filter((state) => !/^(\*\*served\*\*|\*\*\*inferred\*\*\*|not served yet)/.test(state)),
    [],
    'each row says whether it is served',
  )
})

t.test('every page starts with its title and a one-paragraph summary', async (t) => {
  for (const file of documentationFiles()) {
    const [title, blank, summary] = readDoc(file).split('\n')
    t.match(title, /^# \S/, `${file}: a title`)
    t.equal(blank, '', `${file}: then a blank line`)
    // Prose: not a heading, a table, a list, a quote, HTML or a code block.
    t.match(summary, /^(?!```|[-*+] |\d+\. )[^#|>\s<]/, `${file}: then a paragraph`)
  }
})

t.test('recipes: read from README.md and docs/, and a duplicate or a marker without code fails loudly', async (t) => {
  t.ok(readmeRecipes().size > 0, 'the recipes of README.md and docs/ are found')
  const recipe = (name: string) => `<!-- recipe: ${name} -->\n\`\`\`js\nconsole.log('${name}')\n\`\`\`\n`
  const found = recipesIn([
    { file: 'README.md', text: recipe('one') },
    { file: 'docs/a.md', text: `# A\n\n${recipe('two')}` },
  ])
  t.same(
    [...found].map(([name, { file, code }]) => [name, file, code]),
    [
      ['one', 'README.md', "console.log('one')\n"],
      ['two', 'docs/a.md', "console.log('two')\n"],
    ],
  )
  t.throws(
    () =>
      recipesIn([
        { file: 'README.md', text: recipe('one') },
        { file: 'docs/a.md', text: recipe('one') },
      ]),
    { message: 'recipe "one" is defined twice: in README.md and in docs/a.md' },
  )
  t.throws(() => recipesIn([{ file: 'docs/a.md', text: '<!-- recipe: lost -->\nsome text\n' }]), {
    message: 'docs/a.md: recipe marker without a code block right after it: lost',
  })
})
