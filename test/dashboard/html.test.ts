import t from 'tap'
import { escapeHtml, markup } from '../../src/dashboard/html.js'

t.test('every value put into the template is escaped, in content and in attributes', async (t) => {
  const name = `<script>alert("1")</script> & 'quoted'`
  t.equal(escapeHtml(name), '&lt;script&gt;alert(&quot;1&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;', 'the five characters HTML gives meaning to')
  t.equal(markup`<td title="${name}">${name}</td>`.text, `<td title="${escapeHtml(name)}">${escapeHtml(name)}</td>`, 'both places')
  t.equal(markup`<p>${['<a>', markup`<b>kept</b>`, 3]}</p>`.text, '<p>&lt;a&gt;<b>kept</b>3</p>', 'arrays item by item; Html as it is; numbers as text')
  t.equal(markup`<p>${undefined}${null}${false}</p>`.text, '<p></p>', 'nothing for undefined, null and false')
  t.equal(markup`${true}`.text, 'true', 'true as its text')
})
