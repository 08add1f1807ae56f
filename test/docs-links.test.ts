import { existsSync } from 'node:fs'
import { dirname, join, normalize, relative, sep } from 'node:path'
import t from 'tap'
import { REPOSITORY, documentationFiles, githubSlug, headingAnchors, links, readDoc } from './helpers/docs.js'

/**
 * Every relative link in README.md and docs/**\/*.md leads somewhere: to a file or folder of the
 * repository, and to a heading of that file when it names one (#anchor, by GitHub's rules).
 * External http(s) and mailto links are not followed.
 */
function brokenLinks(pages: ReadonlyMap<string, string>, exists: (path: string) => boolean): string[] {
  const anchors = new Map<string, Set<string>>()
  const anchorsOf = (path: string): Set<string> => {
    let found = anchors.get(path)
    if (found === undefined) {
      found = headingAnchors(pages.get(path) ?? readDoc(path))
      anchors.set(path, found)
    }
    return found
  }
  const broken: string[] = []
  for (const [page, text] of pages) {
    for (const { target, line } of links(text)) {
      const where = `${page}:${line}`
      if (target === undefined) {
        broken.push(`${where}: a "](" that is not a well-formed link`)
        continue
      }
      if (/^(https?:|mailto:)/i.test(target)) continue
      if (target === '') {
        broken.push(`${where}: an empty link`)
        continue
      }
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) {
        broken.push(`${where}: ${target}: only http(s) and mailto links may leave the repository`)
        continue
      }
      const hash = target.indexOf('#')
      const path = hash === -1 ? target : target.slice(0, hash)
      const anchor = hash === -1 ? undefined : decodeURIComponent(target.slice(hash + 1))
      const file =
        path === ''
          ? page
          : normalize(join(dirname(page), decodeURIComponent(path)))
              .split(sep)
              .join('/')
      if (file.startsWith('../') || file === '..') {
        broken.push(`${where}: ${target} leaves the repository`)
        continue
      }
      if (!pages.has(file) && !exists(file)) {
        broken.push(`${where}: ${target}: ${file} does not exist`)
        continue
      }
      if (anchor !== undefined) {
        if (!file.endsWith('.md')) {
          broken.push(`${where}: ${target}: an anchor into a file that is not Markdown`)
        } else if (!anchorsOf(file).has(anchor)) {
          broken.push(`${where}: ${target}: ${file} has no heading #${anchor}`)
        }
      }
    }
  }
  return broken
}

const onDisk = (path: string) => existsSync(join(REPOSITORY, path))

t.test('every relative link in README.md and docs/ leads to a file that exists, and to a heading that exists', async (t) => {
  const pages = new Map(documentationFiles().map((file) => [file, readDoc(file)]))
  t.ok(pages.size > 10, `${pages.size} pages checked`)
  const checked = [...pages.values()].reduce((sum, text) => sum + links(text).length, 0)
  t.ok(checked > 100, `${checked} links found`)
  t.same(brokenLinks(pages, onDisk), [], 'no broken link')
})

t.test('every page of docs/ is linked from the README or from another page', async (t) => {
  const pages = new Map(documentationFiles().map((file) => [file, readDoc(file)]))
  const linked = new Set<string>()
  for (const [page, text] of pages) {
    for (const { target } of links(text)) {
      if (target === undefined || /^[a-z][a-z0-9+.-]*:/i.test(target)) continue
      const path = target.split('#')[0] as string
      if (path !== '')
        linked.add(
          relative(REPOSITORY, join(REPOSITORY, dirname(page), path))
            .split(sep)
            .join('/'),
        )
    }
  }
  for (const page of pages.keys()) {
    if (page !== 'README.md') t.ok(linked.has(page), `${page} is linked`)
  }
})

t.test("GitHub's anchor rules", async (t) => {
  t.equal(githubSlug('Choices where Dwolla documents nothing (*inferred*)'), 'choices-where-dwolla-documents-nothing-inferred', 'punctuation dropped')
  t.equal(githubSlug("`POST /customers/{id}` (Dwolla's operationId: `update`)"), 'post-customersid-dwollas-operationid-update', 'code spans keep their text')
  t.equal(githubSlug('The admin API (`/__mock`)'), 'the-admin-api-__mock', 'underscores and hyphens stay')
  t.equal(githubSlug('Retries, and how to speed them up'), 'retries-and-how-to-speed-them-up', 'lowercase, spaces to hyphens')
  t.equal(githubSlug('See [Tokens](tokens.md) — twice'), 'see-tokens--twice', 'a link keeps its text; each space is a hyphen')
  t.same(
    [...headingAnchors('# A\n\n## Bounds\n\n```md\n## Not a heading\n```\n\n## Bounds\n\n### Bounds\n\n## Bounds-1\n')],
    ['a', 'bounds', 'bounds-1', 'bounds-2', 'bounds-1-1'],
    'duplicates get -1, -2 (a later heading that is already taken gets its own suffix); headings in code blocks do not count',
  )
})

t.test('the check finds a missing file, a missing heading, a link that leaves the repository and a malformed link', async (t) => {
  const pages = new Map([
    [
      'README.md',
      '# Top\n\n[fine](docs/a.md#here) [same page](#top) [gone](docs/gone.md) [no heading](docs/a.md#nowhere)\n[site](https://example.com/#x) `[in code](docs/gone.md)`\n',
    ],
    [
      'docs/a.md',
      '# A\n\n## Here\n\n[up](../README.md#top) [out](../../etc/passwd) [split over\nlines](#nowhere) [bad](docs a.md)\n\n```md\n[in a block](gone.md)\n```\n',
    ],
  ])
  t.same(
    brokenLinks(pages, () => false),
    [
      'README.md:3: docs/gone.md: docs/gone.md does not exist',
      'README.md:3: docs/a.md#nowhere: docs/a.md has no heading #nowhere',
      'docs/a.md:5: ../../etc/passwd leaves the repository',
      'docs/a.md:5: #nowhere: docs/a.md has no heading #nowhere',
      'docs/a.md:6: a "](" that is not a well-formed link',
    ],
  )
})
