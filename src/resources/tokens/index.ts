import type { Resource } from '../../world/resource.js'
import { createApplicationAccessToken } from './operations/createApplicationAccessToken.js'
import { createClientToken } from './operations/createClientToken.js'

/** POST /token and POST /client-tokens. The tokens themselves are shared machinery (src/tokens/): every call checks one. */
export const tokens: Resource = {
  name: 'tokens',
  operations: { createApplicationAccessToken, createClientToken },
}
