import { resolveOptions, type MockDwollaOptions, type ResolvedOptions } from './config.js'
import { FixtureRules } from './fixtures/fixture-rules.js'
import { loadDefaultFixtures, loadFixtureSources } from './fixtures/fixture-sources.js'
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

/** Everything a running mock remembers. */
export interface MockState {
  /** The options in force: those given, over fixture settings, over DEFAULTS. */
  options: ResolvedOptions
  credentialCheck: CredentialCheck
  readonly accessTokens: TokenStore<AccessTokenDetails>
  readonly clientTokens: TokenStore<ClientTokenDetails>
  readonly fixtures: FixtureRules
  /** Re-reads the fixture files; on any problem it throws and nothing changes. */
  reloadFixtures(): Promise<void>
}

/**
 * Builds the state from the options as given. Options are checked first, then every fixture
 * source is read and checked, and only then is anything put in force.
 */
export async function createMockState(given: MockDwollaOptions): Promise<MockState> {
  const first = resolveOptions(given)
  const defaults = first.defaultFixtures ? await loadDefaultFixtures() : undefined
  const fixtures = new FixtureRules()
  fixtures.replace('default', defaults?.rules ?? [])

  const settle = async (): Promise<ResolvedOptions> => {
    const loaded = await loadFixtureSources(first.fixtures)
    // Options given in code win over fixture files; fixture files win over DEFAULTS.
    const options = resolveOptions({ ...loaded.settings, ...given })
    fixtures.replace('file', loaded.rules)
    return options
  }
  const options = await settle()
  const state: MockState = {
    options,
    credentialCheck: createCredentialCheck(options.applications),
    accessTokens: new TokenStore({ limit: options.tokenLimit, lifetimeSeconds: options.accessTokenLifetimeSeconds, now: options.now }),
    clientTokens: new TokenStore({ limit: options.tokenLimit, lifetimeSeconds: options.clientTokenLifetimeSeconds, now: options.now }),
    fixtures,
    async reloadFixtures() {
      const reloaded = await settle()
      state.options = reloaded
      state.credentialCheck = createCredentialCheck(reloaded.applications)
      state.accessTokens.lifetimeSeconds = reloaded.accessTokenLifetimeSeconds
      state.clientTokens.lifetimeSeconds = reloaded.clientTokenLifetimeSeconds
    },
  }
  return state
}
