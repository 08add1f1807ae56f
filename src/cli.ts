#!/usr/bin/env node
import { constants as osConstants } from 'node:os'
import { setFlagsFromString } from 'node:v8'
import { parseCliOptions, USAGE } from './cli-options.js'
import { packageVersion } from './package-files.js'
import { StartupError } from './errors.js'
import { prettyLogStream } from './pretty-log.js'
import { watchParent } from './parent-watch.js'
import { DEFAULT_SHUTDOWN_GRACE_MS, start } from './start.js'

// Keep V8's young generation at its starting size: left to grow under sustained load it holds
// more garbage between scavenges, and RSS after a million requests was 103 MiB instead of 87
// (issue 11). The p99 pauses once blamed on it came from objects that outlived their request
// (tokens as string chains, live journal records), since made flat. Only the CLI does this; the
// library never changes the process it runs in.
setFlagsFromString('--semi-space-growth-factor=1')

async function main(): Promise<void> {
  const command = parseCliOptions(process.argv.slice(2), process.env)
  if (command.kind === 'help') return void process.stdout.write(USAGE)
  if (command.kind === 'version') return void process.stdout.write(`${packageVersion()}\n`)

  // Logs go to stderr so stdout carries only the ready line; readable on a terminal, JSON otherwise.
  const stream = process.stderr.isTTY ? prettyLogStream(process.stderr) : process.stderr
  const server = await start({
    ...command.options,
    logger: { level: command.logLevel, stream },
    onFixturesReload: (error) =>
      error === undefined
        ? server.app.log.info('fixtures reloaded')
        : server.app.log.error(`fixtures not reloaded, the last good ones stay in force: ${error.message}`),
  }).catch((error: NodeJS.ErrnoException & { hostname?: string }) => {
    if (error.syscall !== 'getaddrinfo') throw error
    throw new StartupError(`${command.hostSource}: cannot resolve "${error.hostname ?? ''}" (${error.code ?? error.message})`)
  })
  // A token made up here is shown once, before the ready line, and never logged.
  if (command.options.adminToken === undefined && server.adminToken !== undefined) {
    process.stderr.write(`mock-dwolla: the admin API (/__mock) needs "Authorization: Bearer ${server.adminToken}"\n`)
  }
  process.stdout.write(`MOCK_DWOLLA_URL=${server.url}\n`)

  // The first signal stops gracefully (see close()); a second one exits at once, as a user
  // pressing Ctrl-C twice expects, with the conventional 128 + signal number.
  let stopping = false
  const shutdown = (reason: NodeJS.Signals | 'parent exited'): void => {
    if (stopping) {
      process.exit(128 + (reason === 'parent exited' ? 0 : osConstants.signals[reason]))
    }
    stopping = true
    server.app.log.info(`stopping (${reason}): requests in flight get ${DEFAULT_SHUTDOWN_GRACE_MS} ms, then every connection is closed`)
    // A close that fails (the state file could not be written, even after retries) says why and exits 1.
    server.close().then(
      () => process.exit(0),
      (error: Error) => {
        process.stderr.write(`mock-dwolla: ${error.message}\n`)
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', shutdown)
  process.on('SIGTERM', shutdown)
  if (command.exitWithParent) watchParent(() => shutdown('parent exited'))
}

main().catch((error: NodeJS.ErrnoException) => {
  // Bad flags (parseArgs' ERR_PARSE_ARGS_*), bad configuration, and an address that is taken or
  // cannot be bound are the user's to fix: say what is wrong in one line, without a stack trace.
  const badArgs = error.code?.startsWith('ERR_PARSE_ARGS') ?? false
  const expected = error instanceof StartupError || badArgs || ['EADDRINUSE', 'EADDRNOTAVAIL', 'EACCES'].includes(error.code ?? '')
  process.stderr.write(`mock-dwolla: ${expected ? error.message : (error.stack ?? String(error))}\n`)
  if (badArgs) process.stderr.write(`\n${USAGE}`)
  process.exitCode = expected ? 2 : 1
})
