import type { ApplicationWorld } from '../../world/application-world.js'
import type { Transfer } from './transfer.js'
import { TRANSFERS } from './transfers-part.js'

/** A transfer of the application, by id (any case); undefined when it has none such. Never makes the store. */
export function transferOf(world: ApplicationWorld, id: string): Readonly<Transfer> | undefined {
  return world.peek(TRANSFERS)?.get(id)
}
