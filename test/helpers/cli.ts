import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { Test } from 'tap'

/** The built CLI, as the package's bin: `npm test` builds first (pretest), so the tests run what users run. */
export const CLI = fileURLToPath(new URL('../../dist/cli.bundle.js', import.meta.url))

export interface Exited {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

/** Runs the CLI to completion (for --help, --version, bad flags). */
export function runCli(args: string[], options: { env?: NodeJS.ProcessEnv } = {}): Promise<Exited> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: options.env ?? process.env })
    collect(child).then(resolve, reject)
  })
}

function collect(child: ChildProcessWithoutNullStreams): Promise<Exited> {
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk) => (stdout += chunk))
  child.stderr.on('data', (chunk) => (stderr += chunk))
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }))
  })
}

/** Starts the CLI and waits for its ready line; the process is killed when the test ends. */
export async function startCli(
  t: Test,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; command?: string[]; cwd?: string } = {},
): Promise<{
  url: string
  child: ChildProcessWithoutNullStreams
  exited: Promise<Exited>
  stop(signal?: NodeJS.Signals): void
  /** Resolves with everything on stderr so far once it matches `pattern` (checked as output arrives). */
  stderrMatching(pattern: RegExp): Promise<string>
}> {
  const [command, ...prefix] = options.command ?? [process.execPath, CLI]
  // Its own process group, so that a wrapper such as `npm exec` goes down with what it started.
  const child = spawn(command as string, [...prefix, ...args], {
    env: options.env ?? process.env,
    cwd: options.cwd,
    detached: true,
  })
  const exited = collect(child)
  let stderr = ''
  child.stderr.on('data', (chunk) => (stderr += chunk))
  const stderrMatching = (pattern: RegExp): Promise<string> =>
    new Promise((resolve) => {
      const look = (): void => {
        if (!pattern.test(stderr)) return
        child.stderr.off('data', look)
        resolve(stderr)
      }
      child.stderr.on('data', look)
      look()
    })
  const stop = (signal: NodeJS.Signals = 'SIGTERM'): void => {
    if (child.exitCode !== null || child.signalCode !== null) return
    try {
      process.kill(-(child.pid as number), signal)
    } catch {
      // already gone
    }
  }
  // The whole group, even when its leader is gone: a test may orphan what the leader started.
  t.teardown(() => {
    try {
      process.kill(-(child.pid as number), 'SIGKILL')
    } catch {
      // already gone
    }
  })
  const url = await new Promise<string>((resolve, reject) => {
    let seen = ''
    child.stdout.on('data', (chunk) => {
      seen += chunk
      const match = /^MOCK_DWOLLA_URL=(http:\/\/\S+)$/m.exec(seen)
      if (match) resolve(match[1] as string)
    })
    void exited.then((result) => reject(new Error(`exited before ready: ${JSON.stringify(result)}`)))
  })
  return { url, child, exited, stop, stderrMatching }
}
