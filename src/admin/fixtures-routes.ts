import type { FastifyInstance } from 'fastify'
import { FixtureRuleError } from '../errors.js'
import type { FixtureRule } from '../fixture-rules/fixture-types.js'
import type { MockContext } from '../world/mock-context.js'
import { AdminError } from './admin-error.js'

/**
 * Runtime rules for test suites that share one server:
 * `GET /__mock/fixtures` lists every rule in force, in the order they are checked;
 * `POST` adds one rule or an array of them (checked like a fixture file, all or nothing);
 * `DELETE` removes the runtime rules, or one by id.
 */
export function fixturesRoutes(admin: FastifyInstance, mock: MockContext): void {
  admin.get('/fixtures', async () => ({ rules: mock.fixtures.list() }))

  admin.post('/fixtures', async (request, reply) => {
    const given = (Array.isArray(request.body) ? request.body : [request.body]) as FixtureRule[]
    try {
      const rules = mock.fixtures.add(...given)
      reply.code(201)
      return { rules }
    } catch (error) {
      if (error instanceof FixtureRuleError) throw new AdminError(400, 'InvalidFixture', error.message)
      throw error
    }
  })

  admin.delete('/fixtures', async () => ({ removed: mock.fixtures.clear() }))

  admin.delete<{ Params: { id: string } }>('/fixtures/:id', async (request) => {
    const removed = mock.fixtures.clear(request.params.id)
    if (removed === 0) throw new AdminError(404, 'UnknownFixture', `no runtime rule ${request.params.id}`)
    return { removed }
  })
}
