import { closestName } from './closest-name.js'
import { CLIENT_ID_MAX_LENGTH } from './tokens/application-registry.js'

/** What `reset()` and `POST /__mock/reset` take. */
export interface ResetOptions {
  /** One application only (its key, the client id): what it holds, and its own clock offset. */
  application?: string
  /**
   * Forget the tokens too (every one, or the application's): for tests of token handling. Left
   * out, tokens issued stay valid, so a backend's SDK client keeps its cached token.
   */
  tokens?: boolean
}

const RESET_KEYS = ['application', 'tokens'] as const

/** Why reset options were refused: the message names the key and what it takes. */
export class ResetOptionsError extends TypeError {
  override readonly name = 'ResetOptionsError'
}

/** The reset options, checked: unknown keys (with the closest known one) and wrong types are refused. */
export function readResetOptions(given: unknown): { application: string | undefined; tokens: boolean } {
  if (given === undefined || given === null) return { application: undefined, tokens: false }
  if (typeof given !== 'object' || Array.isArray(given)) throw new ResetOptionsError('reset options: expected an object such as { application, tokens }')
  for (const key of Object.keys(given)) {
    if (!(RESET_KEYS as readonly string[]).includes(key)) {
      const closest = closestName(key, RESET_KEYS)
      throw new ResetOptionsError(
        `reset options: unknown key ${JSON.stringify(key)}${closest === undefined ? '' : ` (did you mean ${closest}?)`}: give application, tokens`,
      )
    }
  }
  const { application, tokens } = given as Record<string, unknown>
  if (application !== undefined && (typeof application !== 'string' || application === '' || application.length > CLIENT_ID_MAX_LENGTH)) {
    throw new ResetOptionsError(`reset options: application: expected an application key (client id) of 1 to ${CLIENT_ID_MAX_LENGTH} characters`)
  }
  if (tokens !== undefined && typeof tokens !== 'boolean') throw new ResetOptionsError('reset options: tokens: expected true or false')
  return { application, tokens: tokens ?? false }
}
