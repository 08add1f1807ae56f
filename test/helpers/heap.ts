import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

// A test that a structure stays bounded has to look at what the process really retains: the
// heap after a full collection. --expose-gc set at run time makes gc() reachable from a fresh
// context without a flag on the test runner.
setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

/** Bytes of JavaScript heap still in use after full garbage collections. */
export function retainedHeapBytes(): number {
  gc()
  gc()
  return process.memoryUsage().heapUsed
}

export const MiB = 1024 * 1024
