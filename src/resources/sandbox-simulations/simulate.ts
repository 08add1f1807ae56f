import { DwollaError, validationError } from '../../errors.js'
import type { HalLinks } from '../../hal/hal-links.js'
import type { ApplicationWorld } from '../../world/application-world.js'
import type { MockContext } from '../../world/mock-context.js'

/** What a simulation answers: Dwolla's status and body. */
export interface SimulationAnswer {
  status: number
  body: unknown
}

/**
 * One sandbox simulation for an application, as `POST /sandbox-simulations` and the test double
 * run it (one code path). No body, or `{}`: every resource processes what it has pending (bank
 * transfers, micro-deposits), and the answer counts what changed. A body with a `type`: the
 * resource that simulates that type answers (testing/index.mdx: `customer-verification`,
 * `virtual`). Anything else is refused in Dwolla's shape.
 */
export function simulate(mock: MockContext, world: ApplicationWorld, body: unknown, links: HalLinks): SimulationAnswer {
  if (body !== undefined && (typeof body !== 'object' || body === null || Array.isArray(body))) throw new DwollaError('BadRequest')
  const fields = (body ?? {}) as Readonly<Record<string, unknown>>
  const { type } = fields
  if (type === undefined) {
    if (Object.keys(fields).length > 0) throw validationError([{ code: 'Required', message: 'Type required.', path: '/type', _links: {} }])
    let total = 0
    for (const part of mock.sandboxParts) total += part.processPending?.(world, mock) ?? 0
    return { status: 200, body: { _links: { self: links.to('sandbox-simulation') }, total } }
  }
  const simulation =
    typeof type === 'string' ? mock.sandboxParts.find((part) => part.types !== undefined && Object.hasOwn(part.types, type))?.types?.[type] : undefined
  if (simulation === undefined) throw validationError([{ code: 'Invalid', message: 'Type invalid.', path: '/type', _links: {} }])
  return simulation(world, fields, mock, links)
}
