import fc from 'fast-check'
import t from 'tap'
import { amountOf, formatCents, isUsd, MAX_AMOUNT_CENTS, parseAmount } from '../src/money.js'

t.test('parseAmount: Dwolla amount values as whole cents', async (t) => {
  const cases: Array<[string, number]> = [
    ['0.01', 1],
    ['0.10', 10],
    ['0.5', 50],
    ['10', 1000],
    ['10.00', 1000],
    ['4616.87', 461687],
    ['0005.00', 500],
    ['1000000000.00', MAX_AMOUNT_CENTS],
  ]
  for (const [value, cents] of cases) t.same(parseAmount(value), { cents }, `${value} is ${cents} cents`)
})

t.test('parseAmount: hostile values are refused, never turned into a number', async (t) => {
  const invalid: unknown[] = [
    '1e3',
    '-0.01',
    '0.001',
    '1' + '0'.repeat(30),
    'NaN',
    'Infinity',
    '0x10',
    ' 5.00',
    '5.00 ',
    '1,000.00',
    '+1.00',
    '.50',
    '5.',
    '0.00',
    '0',
    '1000000000.01',
    5,
    0.1,
    true,
    [],
    {},
    ['1.00'],
  ]
  for (const value of invalid) t.same(parseAmount(value), { problem: 'invalid' }, `${JSON.stringify(value)}: invalid`)
  for (const value of [undefined, null, '', '   ']) t.same(parseAmount(value), { problem: 'missing' }, `${JSON.stringify(value)}: missing`)
  t.same(parseAmount('0.00', { allowZero: true }), { cents: 0 }, 'zero where zero is allowed (the test double setting a balance)')
})

t.test('formatCents and amountOf: two decimals, a sign for a negative balance', async (t) => {
  t.equal(formatCents(0), '0.00', 'zero')
  t.equal(formatCents(5), '0.05', 'five cents')
  t.equal(formatCents(500000), '5000.00', '$5,000')
  t.equal(formatCents(-1205), '-12.05', 'negative')
  t.same(amountOf(1999), { value: '19.99', currency: 'USD' }, 'Dwolla’s amount object')
  t.ok(isUsd('USD') && isUsd('usd'), 'USD in either case (Dwolla’s fee examples write usd)')
  t.notOk(isUsd('EUR') || isUsd(undefined) || isUsd(1), 'nothing else')
})

t.test('property: every whole number of cents in range reads back from what it is written as', async (t) => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: MAX_AMOUNT_CENTS }), (cents) => {
      const parsed = parseAmount(formatCents(cents))
      return 'cents' in parsed && parsed.cents === cents
    }),
  )
  t.pass('formatCents then parseAmount is the identity on 0.01 … 1,000,000,000.00')
})

t.test('property: any string parseAmount accepts is a plain decimal with at most two places', async (t) => {
  fc.assert(
    fc.property(fc.string({ maxLength: 20 }), (value) => {
      const parsed = parseAmount(value)
      if ('problem' in parsed) return true
      return /^\d+(\.\d{1,2})?$/.test(value) && Number.isSafeInteger(parsed.cents) && parsed.cents > 0
    }),
  )
  t.pass('nothing else is ever read as money')
})
