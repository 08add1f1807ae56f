import type { Resource } from '../../world/resource.js'
import { getRoot } from './operations/getRoot.js'

/** GET /: the links an application starts from. */
export const root: Resource = {
  name: 'root',
  operations: { getRoot },
}
