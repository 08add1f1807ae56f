import { createHash } from 'node:crypto'
import type { FastifyReply } from 'fastify'
import { Html, markup } from './html.js'
import { PAGE_SCRIPT } from './page-script.js'
import { PAGE_STYLE } from './page-style.js'

const hashOf = (text: string): string => `'sha256-${createHash('sha256').update(text).digest('base64')}'`

/**
 * The page's Content-Security-Policy: its own inline script and style only (by their hashes),
 * requests to the mock itself only, no frames, no plugins, forms sent nowhere but here. A value
 * that escaped escaping still could not run, nor load anything from anywhere.
 */
export const PAGE_POLICY = [
  "default-src 'none'",
  `script-src ${hashOf(PAGE_SCRIPT)}`,
  `style-src ${hashOf(PAGE_STYLE)}`,
  "connect-src 'self'",
  "img-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ')

/** What the page shows before its main part: the mock's clock. */
export interface PageFrame {
  /** The mock's clock, ISO 8601. */
  readonly now: string
  /**
   * The page was refused for want of the admin token: it comes with no main part, and its script
   * asks for the token and then loads the main part with it.
   */
  readonly signIn?: boolean
}

/** The whole page: the frame (title, clock, live switch, sign-in, last action's answer) around `main`. */
export function pageDocument(frame: PageFrame, main: Html | undefined): string {
  return markup`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>mock-dwolla dashboard</title>
<style>${raw(PAGE_STYLE)}</style>
</head>
<body${frame.signIn === true ? raw(' data-sign-in') : ''}>
<header>
<h1>mock-dwolla</h1>
<span class="clock">clock <span id="clock">${frame.now}</span></span>
<label><input type="checkbox" id="live" checked> live</label>
</header>
<form id="sign-in" hidden>
<label>This mock needs its admin token: <input type="password" id="token" autocomplete="off" size="44"></label>
<button>Open the dashboard</button>
<p class="note">Kept in this tab only (sessionStorage), sent as <code>Authorization: Bearer</code> by the page's own script.</p>
</form>
<p id="result" role="status" hidden></p>
<main id="main">${main}</main>
<script>${raw(PAGE_SCRIPT)}</script>
</body>
</html>
`.text
}

/** Sends the page with its policy; never cached (it shows live state). */
export function sendPage(reply: FastifyReply, status: number, page: string): FastifyReply {
  return reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('content-security-policy', PAGE_POLICY)
    .header('x-content-type-options', 'nosniff')
    .header('x-frame-options', 'DENY')
    .header('referrer-policy', 'no-referrer')
    .header('cache-control', 'no-store')
    .send(page)
}

/** The script, the style and fixed markup go in as they are: they are constants of this module, never data. */
function raw(text: string): Html {
  return new Html(text)
}
