import type { Writable } from 'node:stream'

const LEVEL_NAMES: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' }

interface LogLine {
  level: number
  time: number
  msg?: string
  reqId?: string
  durationMs?: number
  fixtureRule?: string | null
  refusal?: string
  err?: { message?: string }
}

/**
 * A small stand-in for pino-pretty, for people watching a terminal: one readable line per log
 * record. Anything that is not a pino JSON line passes through untouched.
 */
export function prettyLogStream(out: Writable): { write(line: string): void } {
  return {
    write(line: string) {
      let record: LogLine
      try {
        record = JSON.parse(line) as LogLine
      } catch {
        out.write(line)
        return
      }
      out.write(`${formatLine(record)}\n`)
    },
  }
}

/** `10:20:30.456 INFO  POST /client-tokens 403 (0.4 ms) rule defaults#/rules/0 — Forbidden [request id]` */
export function formatLine(record: LogLine): string {
  const time = new Date(record.time).toISOString().slice(11, 23)
  const parts = [time, (LEVEL_NAMES[record.level] ?? String(record.level)).padEnd(5)]
  if (record.msg !== undefined) parts.push(record.msg)
  if (record.durationMs !== undefined) parts.push(`(${record.durationMs.toFixed(1)} ms)`)
  if (typeof record.fixtureRule === 'string') parts.push(`rule ${record.fixtureRule}`)
  else if (record.fixtureRule === null && record.level <= 20) parts.push('no rule')
  const why = record.refusal ?? record.err?.message
  if (why !== undefined) parts.push(`— ${why}`)
  if (record.reqId !== undefined) parts.push(`[${record.reqId}]`)
  return parts.join(' ')
}
