import type { ResolvedOptions } from './config.js'
import { createCredentialCheck, type CredentialCheck } from './http/client-credentials.js'
import { TokenStore } from './tokens/token-store.js'

/** What an application access token stands for. */
export interface AccessTokenDetails {
  clientId: string
}

/** What a client token was issued for: the action and, except for customer.create, the customer. */
export interface ClientTokenDetails {
  clientId: string
  action: string
  customerId: string | undefined
}

/** Everything a running mock remembers, created from resolved options. */
export interface MockState {
  readonly options: ResolvedOptions
  readonly credentialCheck: CredentialCheck
  readonly accessTokens: TokenStore<AccessTokenDetails>
  readonly clientTokens: TokenStore<ClientTokenDetails>
}

export function createMockState(options: ResolvedOptions): MockState {
  return {
    options,
    credentialCheck: createCredentialCheck(options.applications),
    accessTokens: new TokenStore({
      limit: options.tokenLimit,
      lifetimeSeconds: options.accessTokenLifetimeSeconds,
      now: options.now,
    }),
    clientTokens: new TokenStore({
      limit: options.tokenLimit,
      lifetimeSeconds: options.clientTokenLifetimeSeconds,
      now: options.now,
    }),
  }
}
