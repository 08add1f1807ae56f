import t from 'tap'
import { childPointer, pointerSegments } from '../src/json-pointer.js'

t.test('RFC 6901 segments and escaping', async (t) => {
  t.same(pointerSegments(''), [], 'the whole document')
  t.same(pointerSegments('/_links/customer/href'), ['_links', 'customer', 'href'], 'plain segments')
  t.same(pointerSegments('/a~1b/c~0d/~01'), ['a/b', 'c~d', '~1'], '~1 is /, ~0 is ~, decoded in that order')
  t.equal(childPointer('/_links', 'a/b~c'), '/_links/a~1b~0c', 'a property with / and ~ is escaped')
  t.same(pointerSegments(childPointer('', 'x/~y')), ['x/~y'], 'round trip')
})
