import fc from 'fast-check'
import t from 'tap'
import { customerIdOf } from '../src/customer-href.js'

/** What customerIdOf is: the id after a last `/customers/`, up to an optional trailing slash. */
const REFERENCE = /\/customers\/([^/?#\s]+)\/?$/

t.test('the id of a customer href, lowercased; undefined for anything else', async (t) => {
  t.equal(customerIdOf('https://api-sandbox.dwolla.com/customers/707177C3-BF15-4E7E-B37C-55C3898D9BF4'), '707177c3-bf15-4e7e-b37c-55c3898d9bf4')
  t.equal(customerIdOf('http://localhost/customers/abc/'), 'abc', 'a trailing slash')
  t.equal(customerIdOf('/customers/x'), 'x', 'a path alone')
  for (const href of [
    'https://a/customers/',
    'https://a/customers//',
    'https://a/customers/a/b',
    'https://a/customers/a?b',
    'https://a/customers/a#b',
    'https://a/customers/a b',
    'https://a/accounts/a',
    'customers/a',
    '',
    42,
    undefined,
    null,
  ]) {
    t.equal(customerIdOf(href), undefined, `not a customer href: ${JSON.stringify(href)}`)
  }
})

t.test('the same answer as the regular expression it stands for, on generated hrefs', async (t) => {
  const pieces = fc.constantFrom('/', 'customers', '/customers/', '?', '#', ' ', '\t', '\u00a0', 'A', 'b', '-', '9', 'é', '//', 'https://api.dwolla.com')
  const differences: string[] = []
  fc.assert(
    fc.property(
      fc.array(pieces, { maxLength: 12 }).map((parts) => parts.join('')),
      (href) => {
        if (customerIdOf(href) !== REFERENCE.exec(href)?.[1]?.toLowerCase()) differences.push(href)
      },
    ),
    { numRuns: 5000 },
  )
  t.same(differences, [], 'no href of 5,000 is read differently')
})
