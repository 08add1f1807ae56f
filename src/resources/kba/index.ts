import type { Resource } from '../../world/resource.js'
import { getKbaQuestions } from './operations/getKbaQuestions.js'
import { initiateKbaForCustomer } from './operations/initiateKbaForCustomer.js'
import { verifyKbaQuestions } from './operations/verifyKbaQuestions.js'
import { PERSISTED_KBA } from './persisted-kba.js'

/** KBA: the identity questions a personal customer in `kba` answers to be verified. */
export const kba: Resource = {
  name: 'kba',
  operations: { initiateKbaForCustomer, getKbaQuestions, verifyKbaQuestions },
  persisted: PERSISTED_KBA,
}
