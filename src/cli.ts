#!/usr/bin/env node
import { readFileSync } from 'node:fs'
import { setFlagsFromString } from 'node:v8'
import { parseCliOptions, USAGE } from './cli-options.js'
import { StartupError } from './errors.js'
import { prettyLogStream } from './pretty-log.js'
import { start } from './start.js'

// Keep V8's young generation at its starting size. Under sustained load it otherwise grows, and
// each scavenge of a larger one is a longer pause: that was the mock's p99 latency (bench/, and
// the README's Performance section). Only the CLI does this; the library never changes the
// process it runs in.
setFlagsFromString('--semi-space-growth-factor=1')

function version(): string {
  const manifest = new URL('../package.json', import.meta.url)
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version
}

async function main(): Promise<void> {
  const command = parseCliOptions(process.argv.slice(2), process.env)
  if (command.kind === 'help') return void process.stdout.write(USAGE)
  if (command.kind === 'version') return void process.stdout.write(`${version()}\n`)

  // Logs go to stderr so stdout carries only the ready line; readable on a terminal, JSON otherwise.
  const stream = process.stderr.isTTY ? prettyLogStream(process.stderr) : process.stderr
  const server = await start({
    ...command.options,
    logger: { level: command.logLevel, stream },
    onFixturesReload: (error) =>
      error === undefined
        ? server.app.log.info('fixtures reloaded')
        : server.app.log.error(`fixtures not reloaded, the last good ones stay in force: ${error.message}`),
  })
  // A token made up here is shown once, before the ready line, and never logged.
  if (command.options.adminToken === undefined && server.adminToken !== undefined) {
    process.stderr.write(`mock-dwolla: the admin API (/__mock) needs "Authorization: Bearer ${server.adminToken}"\n`)
  }
  process.stdout.write(`MOCK_DWOLLA_URL=${server.url}\n`)

  let stopping = false
  const shutdown = (): void => {
    if (stopping) return
    stopping = true
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.once('SIGINT', shutdown)
  process.once('SIGTERM', shutdown)
}

main().catch((error: Error & { code?: string }) => {
  // Bad flags (parseArgs' ERR_PARSE_ARGS_*), bad configuration and a taken port are the user's
  // to fix: say what is wrong, without a stack trace.
  const badArgs = error.code?.startsWith('ERR_PARSE_ARGS') ?? false
  const expected = error instanceof StartupError || badArgs || error.code === 'EADDRINUSE' || error.code === 'EADDRNOTAVAIL'
  process.stderr.write(`mock-dwolla: ${expected ? error.message : (error.stack ?? String(error))}\n`)
  if (badArgs) process.stderr.write(`\n${USAGE}`)
  process.exitCode = expected ? 2 : 1
})
