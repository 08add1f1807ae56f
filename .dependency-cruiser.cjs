// The layering, checked by `npm test` (npm run check:dependencies): see docs/development.md.
// Shared machinery (the request pipeline, HAL, the journal, fixture rules, webhook delivery,
// persistence, the worlds, tokens, the admin surface, the dashboard and the small modules beside them) never
// names a resource; a resource uses another only through that resource's index.ts; the
// composition root (mock-state, server, start, index, the registry) is the only place that knows
// every resource; nothing imports the CLI.
const SHARED =
  '^src/(http|hal|journal|fixture-rules|webhook-delivery|persistence|world|tokens|admin|dashboard)/|^src/(errors|clock|config|logger|pretty-log|loopback|package-files|closest-name|json-pointer|customer-href|parent-watch)\\.ts$'

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'An import cycle, type-only imports included.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'shared-never-imports-a-resource',
      comment: 'Shared machinery serves every resource and names none: resources plug in through the registry.',
      severity: 'error',
      from: { path: SHARED },
      to: { path: '^src/resources/' },
    },
    {
      name: 'shared-never-imports-the-composition-root',
      comment: 'mock-state, server, start and index put the resources together; shared machinery is below them.',
      severity: 'error',
      from: { path: SHARED },
      to: { path: '^src/(mock-state|server|start|index|cli-options)\\.ts$' },
    },
    {
      name: 'a-resource-through-its-index-only',
      comment: 'A resource uses another only through what that resource exports from its index.ts.',
      severity: 'error',
      from: { path: '^src/resources/([^/]+)/' },
      to: { path: '^src/resources/', pathNot: ['^src/resources/$1/', '^src/resources/[^/]+/index\\.ts$'] },
    },
    {
      name: 'resources-never-import-the-composition-root',
      comment: 'A resource is given the running mock (world/mock-context.ts); it never reaches for the whole.',
      severity: 'error',
      from: { path: '^src/resources/' },
      to: { path: '^src/(mock-state|server|start|index|cli-options)\\.ts$|^src/resources/registry\\.ts$' },
    },
    {
      name: 'nothing-imports-the-cli',
      comment: 'cli.ts is an entry point: it reads argv and the environment, and only it may.',
      severity: 'error',
      from: {},
      to: { path: '^src/cli\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
}
