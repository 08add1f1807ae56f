import type { Test } from 'tap'
import { createMockState, type MockState } from '../../src/mock-state.js'
import type { MockDwollaOptions } from '../../src/index.js'

/** A mock's state with no server (the composition buildServer uses), closed when the test ends. */
export async function stateFor(t: Test, options: MockDwollaOptions = {}): Promise<MockState> {
  const state = await createMockState({ defaultFixtures: false, ...options })
  t.teardown(() => state.webhooks.close())
  return state
}
