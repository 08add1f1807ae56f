/**
 * Calls `onGone` once the process that started this one has exited. `npx mock-dwolla &` runs the
 * server under npm and a shell; `kill $!` ends those two and the server, re-parented to init,
 * would otherwise hold its port for good. The parent id changes when that happens (Unix), and on
 * any system a signal 0 to the old parent then fails. Polled, unref'd: it never keeps the process
 * alive. Nothing to watch when started by init itself (a container's first process).
 */
export function watchParent(onGone: () => void, everyMs = 500): () => void {
  const parent = process.ppid
  if (parent <= 1) return () => undefined
  const timer = setInterval(() => {
    if (process.ppid === parent && isAlive(parent)) return
    clearInterval(timer)
    onGone()
  }, everyMs)
  timer.unref()
  return () => clearInterval(timer)
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists but belongs to someone else (possible after pid reuse): treat as alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
