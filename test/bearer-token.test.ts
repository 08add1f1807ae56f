import t from 'tap'
import { bearerTokenOf } from '../src/http/bearer-token.js'

const A = 'a'.repeat(50)
const B = 'B'.repeat(49) + '='

t.test('the token of each header, whatever header came before it', async (t) => {
  // Pairs in an order that has each header follow each other one: the last header read is
  // remembered, and must never answer for a different one.
  const cases: Array<[string | undefined, string | undefined]> = [
    [`Bearer ${A}`, A],
    [`Bearer ${A}`, A],
    [`bearer ${B}`, B],
    [`Bearer ${A}`, A],
    [`Bearer  ${A} `, A],
    ['Bearer', undefined],
    [`Bearer ${A}`, A],
    [undefined, undefined],
    [`Bearer ${A}`, A],
    [`Basic ${A}`, undefined],
    [`Basic ${A}`, undefined],
    [`\tBEARER\t${B}`, B],
    [`Bearer ${A}!`, undefined],
    [`Bearer ${A}`, A],
    ['', undefined],
  ]
  for (const [header, token] of cases) t.equal(bearerTokenOf(header), token, JSON.stringify(header))
})

t.test('a header built anew each time (as every request brings one) is read the same', async (t) => {
  for (let i = 0; i < 3; i++) t.equal(bearerTokenOf(['Bearer', A].join(' ')), A)
  t.equal(bearerTokenOf(['Bearer', `${A}x`].join(' ')), `${A}x`, 'one character more')
})
