import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import type { MockDwollaOptions } from './config.js'
import { buildServer } from './server.js'

export interface StartOptions extends MockDwollaOptions {
  /** Address to bind; loopback unless told otherwise, so the mock is never exposed by accident. */
  host?: string
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number
}

export interface RunningMockDwolla {
  /** Base URL, e.g. `http://127.0.0.1:54321`: the `serverURL`/`apiUrl` to give an SDK. */
  readonly url: string
  readonly host: string
  readonly port: number
  /** The Fastify instance, for `inject()` and the mock's state. */
  readonly app: FastifyInstance
  close(): Promise<void>
}

export const DEFAULT_HOST = '127.0.0.1'

/** Builds the mock and listens. Resolves once it accepts connections. */
export async function start(options: StartOptions = {}): Promise<RunningMockDwolla> {
  const { host = DEFAULT_HOST, port = 0, ...serverOptions } = options
  const app = await buildServer(serverOptions)
  try {
    await app.listen({ host, port })
  } catch (error) {
    await app.close()
    throw error
  }
  const address = app.server.address() as AddressInfo
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address
  return {
    url: `http://${urlHost}:${address.port}`,
    host: address.address,
    port: address.port,
    app,
    close: () => app.close(),
  }
}
