import type { WorldPart } from '../../world/application-world.js'
import { DirectiveStore } from './directive-store.js'

/** A directive costs a code in a customer's list (and, for the first, the list's Map entry). */
export const DIRECTIVE_BYTES = 256

export const DIRECTIVES_PART: WorldPart<DirectiveStore> = {
  name: 'verification directives',
  create: (world) => new DirectiveStore(() => world.changed()),
  weigh: (store) => store.size * DIRECTIVE_BYTES,
}
