#!/usr/bin/env node
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { StartupError } from './errors.js'
import { DEFAULT_HOST, start } from './start.js'

/** The CLI's default port, documented in the README; the library itself defaults to 0 (free). */
export const DEFAULT_PORT = 8910

const USAGE = `Usage: mock-dwolla [options]

A local mock of the Dwolla API: POST /token and POST /client-tokens.

Options:
  --port <n>              port to listen on, 0 for a free one (default ${DEFAULT_PORT})
  --host <addr>           address to bind (default ${DEFAULT_HOST})
  --fixtures <file>       a fixture file (JSON or YAML); repeat to add more
  --watch                 reload fixture files when they change
  --no-default-fixtures   turn off the shipped magic values
  -h, --help              show this help
  -v, --version           show the version
`

function version(): string {
  const manifest = new URL('../package.json', import.meta.url)
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version
}

function parsePort(value: string): number {
  const port = Number(value)
  if (!/^\d+$/.test(value) || port > 65535) {
    throw new StartupError(`--port: expected a whole number from 0 to 65535, got "${value}"`)
  }
  return port
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      fixtures: { type: 'string', multiple: true },
      watch: { type: 'boolean' },
      'no-default-fixtures': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
    strict: true,
  })
  if (values.help) return void process.stdout.write(USAGE)
  if (values.version) return void process.stdout.write(`${version()}\n`)

  const server = await start({
    host: values.host ?? DEFAULT_HOST,
    port: values.port === undefined ? DEFAULT_PORT : parsePort(values.port),
    fixtures: values.fixtures ?? [],
    defaultFixtures: !values['no-default-fixtures'],
    watchFixtures: values.watch ?? false,
    onFixturesReload: (error) =>
      error === undefined
        ? process.stderr.write('mock-dwolla: fixtures reloaded\n')
        : process.stderr.write(`mock-dwolla: fixtures not reloaded, the last good ones stay in force: ${error.message}\n`),
  })
  process.stdout.write(`mock-dwolla listening on ${server.url}\n`)
  const shutdown = (): void => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.once('SIGINT', shutdown)
  process.once('SIGTERM', shutdown)
}

main(process.argv.slice(2)).catch((error: Error & { code?: string }) => {
  // Bad flags (parseArgs' ERR_PARSE_ARGS_*) and bad configuration are the user's to fix: say
  // what is wrong, without a stack trace.
  const expected = error instanceof StartupError || error.code?.startsWith('ERR_PARSE_ARGS') || error.code === 'EADDRINUSE'
  process.stderr.write(`mock-dwolla: ${expected ? error.message : (error.stack ?? String(error))}\n`)
  if (error.code?.startsWith('ERR_PARSE_ARGS')) process.stderr.write(`\n${USAGE}`)
  process.exitCode = expected ? 2 : 1
})
