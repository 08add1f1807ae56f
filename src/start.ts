import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import type { MockDwollaOptions } from './config.js'
import type { Clock } from './clock.js'
import type { FixtureRules } from './fixtures/fixture-rules.js'
import type { JournalEntry, JournalFilter } from './journal/request-journal.js'
import type { TokenListing } from './mock-state.js'
import { watchFixtureFiles } from './fixtures/watch-fixture-files.js'
import { buildServer } from './server.js'

export interface StartOptions extends MockDwollaOptions {
  /** Address to bind; loopback unless told otherwise, so the mock is never exposed by accident. */
  host?: string
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number
  /** Reload fixture files when they change. A broken edit keeps the last good fixtures in force. */
  watchFixtures?: boolean
  /** Told of every reload that `watchFixtures` makes: no argument when it worked, the error when not. */
  onFixturesReload?: (error?: Error) => void
}

export interface RunningMockDwolla {
  /** Base URL, e.g. `http://127.0.0.1:54321`: the `serverURL`/`apiUrl` to give an SDK. */
  readonly url: string
  readonly host: string
  readonly port: number
  /** The Fastify instance, for `inject()` and the mock's state. */
  readonly app: FastifyInstance
  /** The fixture rules in force: `add(rule)`, `list()`, `clear()`. Rules added here are checked first. */
  readonly fixtures: FixtureRules
  /** Re-reads the fixture files now; rejects (changing nothing) if one is broken. */
  reloadFixtures(): Promise<void>
  /** The requests received, oldest first, secrets redacted; filter by operation, path or method. */
  requests(filter?: JournalFilter): JournalEntry[]
  /** The recent access and client tokens (the last `tokenLimit` of each kind), with what they were issued for. */
  tokens(): TokenListing
  /**
   * Revokes a token; it then answers InvalidAccessToken. Says which kind it was, if any. Throws
   * RevocationLimitError past 100,000 separate runs of unexpired revoked tokens.
   */
  revokeToken(token: string): 'access' | 'client' | undefined
  /** The mock's clock: `clock.advance(ms)` to reach expiry without waiting. */
  readonly clock: Clock
  /** Back to the start state: tokens, journal, runtime fixtures and their counts, clock. */
  reset(): void
  close(): Promise<void>
}

export const DEFAULT_HOST = '127.0.0.1'

/** Builds the mock and listens. Resolves once it accepts connections. */
export async function start(options: StartOptions = {}): Promise<RunningMockDwolla> {
  const { host = DEFAULT_HOST, port = 0, watchFixtures = false, onFixturesReload, ...serverOptions } = options
  const app = await buildServer(serverOptions)
  const state = app.mockDwolla
  try {
    await app.listen({ host, port })
  } catch (error) {
    await app.close()
    throw error
  }
  const paths = state.options.fixtures.filter((source) => typeof source === 'string')
  const stopWatching =
    watchFixtures && paths.length > 0
      ? watchFixtureFiles(paths, () => {
          state.reloadFixtures().then(
            () => onFixturesReload?.(),
            (error: Error) => onFixturesReload?.(error),
          )
        })
      : () => undefined
  const address = app.server.address() as AddressInfo
  if (!isLoopback(address.address)) {
    app.log.warn(
      `listening on ${address.address}: reachable from other machines. mock-dwolla accepts any credentials unless applications are configured.`,
    )
  }
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address
  return {
    url: `http://${urlHost}:${address.port}`,
    host: address.address,
    port: address.port,
    app,
    fixtures: state.fixtures,
    reloadFixtures: () => state.reloadFixtures(),
    requests: (filter) => state.journal.list(filter),
    tokens: () => state.tokens(),
    revokeToken: (token) => state.revokeToken(token),
    clock: state.clock,
    reset: () => state.reset(),
    close: async () => {
      stopWatching()
      await app.close()
    },
  }
}

function isLoopback(address: string): boolean {
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.')
}
