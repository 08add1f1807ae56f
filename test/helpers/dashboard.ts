import type { FastifyInstance, LightMyRequestResponse } from 'fastify'

/** The dashboard's page as a browser asks for it. */
export function openDashboard(app: FastifyInstance, query = '', headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'GET', url: `/__mock/dashboard${query}`, headers: { accept: 'text/html,application/xhtml+xml', ...headers } })
}

/** The keys of the rows a page shows for a section (`customers:<id>`...), in order. */
export function rowKeys(page: string, section: string): string[] {
  return [...page.matchAll(new RegExp(`<tr data-row="${section}:([^"]+)"`, 'g'))].map((match) => match[1] as string)
}

/** An action as the page describes it: the admin call its button makes. */
export interface PageAction {
  label: string
  path: string
  method: string
  body: unknown
}

/** Every action on a page, with the call the page's script makes for it (attributes unescaped as a browser reads them). */
export function actionsOf(page: string): PageAction[] {
  const boxes = page.matchAll(
    /<span class="action" data-path="([^"]+)" data-method="([^"]+)"(?: data-body="([^"]*)")?[^>]*>.*?<button type="button" data-act[^>]*>([^<]+)<\/button><\/span>/gs,
  )
  return [...boxes].map(([, path, method, body, label]) => ({
    label: unescape(label as string),
    path: unescape(path as string),
    method: method as string,
    body: body === undefined ? undefined : JSON.parse(unescape(body)),
  }))
}

function unescape(text: string): string {
  return text.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&')
}
