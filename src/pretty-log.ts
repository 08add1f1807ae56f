import type { Writable } from 'node:stream'

const LEVEL_NAMES: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' }

interface LogLine {
  level: number
  time: number
  msg?: string
  reqId?: string
  req?: { method?: string; url?: string }
  res?: { statusCode?: number }
  responseTime?: number
  err?: { message?: string; stack?: string }
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

export function formatLine(record: LogLine): string {
  const time = new Date(record.time).toISOString().slice(11, 23)
  const level = (LEVEL_NAMES[record.level] ?? String(record.level)).padEnd(5)
  const parts = [time, level]
  if (record.req?.method !== undefined) parts.push(`${record.req.method} ${record.req.url ?? ''}`)
  if (record.res?.statusCode !== undefined) parts.push(`→ ${record.res.statusCode}`)
  if (record.responseTime !== undefined) parts.push(`(${record.responseTime.toFixed(1)} ms)`)
  if (record.msg !== undefined && record.res === undefined && record.req === undefined) parts.push(record.msg)
  if (record.err?.message !== undefined) parts.push(`— ${record.err.message}`)
  if (record.reqId !== undefined && record.level >= 40) parts.push(`[${record.reqId}]`)
  return parts.join(' ')
}
