import type { EmbeddedError } from '../../errors.js'

const LABEL_HREF = /\/labels\/([0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12})\/?$/

/**
 * The label a body's link names, `_links.<name>.href`: read by its trailing `/labels/<id>`
 * whatever the host or scheme (Dwolla's examples mix them), lowercased. An embedded error at the
 * href's pointer when it is missing (Required) or names no label (Invalid).
 */
export function labelLinkOf(body: unknown, name: 'from' | 'to'): { id: string } | { problem: EmbeddedError } {
  const path = `/_links/${name}/href`
  const links = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)._links : undefined
  const link = typeof links === 'object' && links !== null ? (links as Record<string, unknown>)[name] : undefined
  const href = typeof link === 'object' && link !== null ? (link as Record<string, unknown>).href : undefined
  const label = name === 'from' ? 'From' : 'To'
  if (href === undefined || href === null || href === '') return { problem: { code: 'Required', message: `${label} href required.`, path, _links: {} } }
  const match = typeof href === 'string' && href.length <= 2048 ? LABEL_HREF.exec(href) : null
  if (match === null) return { problem: { code: 'Invalid', message: `${label} href invalid.`, path, _links: {} } }
  return { id: (match[1] as string).toLowerCase() }
}
