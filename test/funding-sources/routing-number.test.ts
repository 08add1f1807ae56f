import t from 'tap'
import { isAccountNumber, routingNumberProblem } from '../../src/resources/funding-sources/routing-number.js'

t.test('routing numbers: nine digits, a Federal Reserve prefix, the ABA checksum', async (t) => {
  for (const good of ['222222226', '011000015', '021000021', '122105278', '322271627', '091000019']) {
    t.equal(routingNumberProblem(good), undefined, `${good} is a routing number`)
  }
  t.equal(routingNumberProblem('22222222'), 'length', 'eight digits: the length')
  t.equal(routingNumberProblem('2222222260'), 'length', 'ten digits: the length')
  t.equal(routingNumberProblem('22222222a'), 'invalid', 'a letter')
  t.equal(routingNumberProblem('222222225'), 'invalid', 'a wrong check digit')
  t.equal(routingNumberProblem('131000011'), 'invalid', 'prefix 13 is no district')
  t.equal(routingNumberProblem('000000000'), 'invalid', 'prefix 00 is no district, though the checksum holds')
  t.equal(routingNumberProblem('٢٢٢٢٢٢٢٢٦'), 'invalid', 'Arabic-Indic digits are not ASCII digits')
})

t.test('account numbers: 4 to 17 digits', async (t) => {
  t.ok(isAccountNumber('1234') && isAccountNumber('12345678901234567'), '4 and 17 digits')
  t.notOk(isAccountNumber('123') || isAccountNumber('123456789012345678') || isAccountNumber('1234a'), '3, 18, or a letter')
})
