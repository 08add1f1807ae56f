import { mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import type { Test } from 'tap'

/** Debian's Chromium (`apt-get install chromium`; .ci/run installs it when missing). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/**
 * The flags a closed network needs: without the background-networking ones Chromium waits on
 * connections it can never make. No sandbox: CI runs as root, where Chromium's sandbox refuses.
 * Headless, and a fresh profile every launch: playwright-core's launch() makes a new
 * --user-data-dir in the temp folder and removes it on close (it refuses one given here).
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/**
 * Where the browser tests put their screenshots: a scratch folder, never the repository
 * (DASHBOARD_SCREENSHOTS names another). The README's two come from `npm run screenshots`.
 */
export const SCREENSHOTS = process.env.DASHBOARD_SCREENSHOTS ?? join(tmpdir(), 'mock-dwolla-dashboard-screenshots')

/** A headless Chromium with a fresh profile of its own, closed when the test ends. */
export async function browserFor(t: Test): Promise<Browser> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS })
  t.teardown(() => browser.close())
  return browser
}

/**
 * A page that fails the test on any script error or dialog (an alert is what an injected script
 * would show), and that screenshots itself into SCREENSHOTS.
 */
export async function pageFor(t: Test, browser: Browser): Promise<{ page: Page; screenshot(name: string): Promise<void> }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
  page.on('pageerror', (error) => t.fail(`a script error on the page: ${error.message}`))
  page.on('dialog', (dialog) => {
    t.fail(`a dialog opened: ${dialog.type()} ${dialog.message()}`)
    void dialog.dismiss()
  })
  mkdirSync(SCREENSHOTS, { recursive: true })
  return {
    page,
    async screenshot(name) {
      const path = join(SCREENSHOTS, `${name}.png`)
      await page.screenshot({ path, fullPage: true })
      t.comment(`screenshot: ${path}`)
    },
  }
}
