import t from 'tap'
import { HalLinks } from '../../src/hal/hal-links.js'

const links = new HalLinks('http://mock:8910')
const hrefs = (window: { limit: number; offset: number; total: number }, filters?: Array<[string, string]>) =>
  Object.fromEntries(
    Object.entries(links.page('/customers', 'customer', window, filters)).map(([rel, link]) => [rel, link.href.replace('http://mock:8910/customers?', '')]),
  )

t.test('typed links on the base URL', async (t) => {
  t.same(
    links.to('customer', 'abc'),
    { href: 'http://mock:8910/customers/abc', type: 'application/vnd.dwolla.v1.hal+json', 'resource-type': 'customer' },
    'a resource',
  )
  t.same(links.to('customer', 'abc', 'funding-sources').href, 'http://mock:8910/customers/abc/funding-sources', 'under a resource')
  t.equal(links.url('/customers/abc'), 'http://mock:8910/customers/abc', 'a URL for Location')
})

t.test('paging links: self, first, last always; next and prev where there is such a page', async (t) => {
  t.same(hrefs({ limit: 25, offset: 0, total: 0 }), { self: 'limit=25&offset=0', first: 'limit=25&offset=0', last: 'limit=25&offset=0' }, 'empty')
  t.same(
    hrefs({ limit: 2, offset: 0, total: 5 }),
    { self: 'limit=2&offset=0', first: 'limit=2&offset=0', next: 'limit=2&offset=2', last: 'limit=2&offset=4' },
    'the first page',
  )
  t.same(
    hrefs({ limit: 2, offset: 2, total: 5 }),
    { self: 'limit=2&offset=2', first: 'limit=2&offset=0', next: 'limit=2&offset=4', prev: 'limit=2&offset=0', last: 'limit=2&offset=4' },
    'a middle page',
  )
  t.same(
    hrefs({ limit: 2, offset: 4, total: 4 }),
    { self: 'limit=2&offset=4', first: 'limit=2&offset=0', prev: 'limit=2&offset=2', last: 'limit=2&offset=2' },
    'past the end',
  )
  t.same(hrefs({ limit: 10, offset: 3, total: 30 }).prev, 'limit=10&offset=0', 'prev never goes below 0')
  t.same(
    hrefs({ limit: 25, offset: 0, total: 1 }, [
      ['search', 'a b&c'],
      ['status', 'retry'],
      ['status', 'kba'],
    ]).self,
    'limit=25&offset=0&search=a+b%26c&status=retry&status=kba',
    'filters kept, encoded, repeated',
  )
})
