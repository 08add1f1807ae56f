// Run by `npm run build` after tsc and compile-openapi.js: bundles the compiled modules into the
// files the package ships, with esbuild.
// - dist/index.bundle.js: the ES module entry (one file: the ~50 modules tsc writes cost a start
//   more to load one by one than the code they hold).
// - dist/index.bundle.cjs: the CommonJS entry, for `require('mock-dwolla')` where ES modules
//   cannot be loaded (a CommonJS jest project without flags).
// - dist/cli.bundle.js: the `mock-dwolla` command.
// - dist/index.d.cts: the CommonJS entry's types.
// The package's other dependencies stay external: they are installed beside it.
import { chmodSync, readFileSync, writeFileSync } from 'node:fs'
import { build } from 'esbuild'

const dist = new URL('../dist/', import.meta.url)
const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
// nanoid is ES modules only: bundled in, so the CommonJS entry never require()s it.
const external = Object.keys(manifest.dependencies).filter((name) => name !== 'nanoid')
const common = { bundle: true, platform: 'node', target: 'node20', external, logLevel: 'warning', legalComments: 'none' }
const at = (name) => new URL(name, dist).pathname

await Promise.all([
  build({ ...common, entryPoints: [at('index.js')], outfile: at('index.bundle.js'), format: 'esm' }),
  build({ ...common, entryPoints: [at('cli.js')], outfile: at('cli.bundle.js'), format: 'esm' }),
  build({
    ...common,
    entryPoints: [at('index.js')],
    outfile: at('index.bundle.cjs'),
    format: 'cjs',
    // import.meta does not exist in CommonJS: the bundle's own file URL stands in for it, which
    // is what every use of it (package-files.ts, createRequire) needs.
    define: { 'import.meta.url': '__mock_dwolla_module_url' },
    banner: { js: "const __mock_dwolla_module_url = require('node:url').pathToFileURL(__filename).href;" },
  }),
])
chmodSync(at('cli.bundle.js'), 0o755)
// The CommonJS entry's types are the ES module entry's: TypeScript reads them for require() too.
writeFileSync(at('index.d.cts'), "export * from './index.js'\n")
console.log('bundled dist/index.bundle.js, dist/index.bundle.cjs and dist/cli.bundle.js')
