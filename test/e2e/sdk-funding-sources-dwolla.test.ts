import t from 'tap'
import { DwollaError as SdkError } from 'dwolla/models/errors'
import { FUNDING_SOURCE_MESSAGES, NOT_FOUND_MESSAGES } from '../../src/index.js'
import { SEEDED } from '../helpers/customers.js'
import { idOf } from '../helpers/funding-sources.js'
import { listeningMock } from '../helpers/listening.js'
import { rejectionOf } from '../helpers/rejection.js'
import { dwollaSdkFor } from '../helpers/sdk-clients.js'

/** What the dwolla SDK threw: its HTTP status and Dwolla's code, read from the typed error. */
async function failure(promise: Promise<unknown>): Promise<{ status: number; code: string; message: string }> {
  const error = await rejectionOf(promise)
  if (!(error instanceof SdkError)) throw new Error(`expected the SDK's typed error, got ${String(error)}`)
  const body = JSON.parse(error.body) as { code: string; message: string }
  return { status: error.statusCode, code: body.code, message: body.message }
}

const personal = {
  firstName: 'Test',
  lastName: 'Personal',
  email: 'test+personal@example.com',
  type: 'personal' as const,
  address1: '9876 Million Dollar St',
  city: 'Des Moines',
  state: 'IA',
  postalCode: '50265',
  ssn: '123456789',
  dateOfBirth: '1980-01-01',
}

t.test('dwolla: a customer’s banks, VAN, list, get, ach-routing, update and remove pass the SDK’s own validation', async (t) => {
  const mock = await listeningMock(t)
  const sdk = dwollaSdkFor(mock.url)
  const customer = idOf((await sdk.customers.create(personal))?.headers.location?.[0])
  const listed = await sdk.customers.fundingSources.list({ id: customer })
  t.same(
    listed.embedded?.fundingSources?.map((source) => [source.type, source.name, source.removed]),
    [['balance', 'Balance', false]],
    'customers.fundingSources.list: a new personal customer’s balance (as Dwolla’s balance test finds it)',
  )
  t.equal(typeof listed.total, 'number', 'total is a number')
  const created = await sdk.customers.fundingSources.create({
    id: customer,
    createCustomerFundingSource: { routingNumber: '222222226', accountNumber: '1234567890', bankAccountType: 'checking', name: 'Checking', verified: false },
  })
  const bank = idOf(created?.headers.location?.[0])
  t.match(created?.headers.location?.[0], new RegExp(`^${mock.url}/funding-sources/`), 'customers.fundingSources.create: headers.location[0], absolute')
  t.equal(
    mock.seen.find((request) => request.method === 'POST' && request.url === `/customers/${customer}/funding-sources`)?.headers['content-type'],
    'application/vnd.dwolla.v1.hal+json',
    'sent in Dwolla’s media type',
  )
  const van = idOf(
    (await sdk.customers.fundingSources.create({ id: customer, createCustomerFundingSource: { name: 'VAN', type: 'virtual', bankAccountType: 'checking' } }))
      ?.headers.location?.[0],
  )
  const got = await sdk.fundingSources.get({ id: bank })
  t.match(got, { id: bank, status: 'unverified', type: 'bank', bankAccountType: 'checking', removed: false, channels: ['ach'] }, 'fundingSources.get')
  t.type(got.created, Date, 'created parsed as a Date')
  t.ok(got.links?.['initiate-micro-deposits']?.href, 'its initiate-micro-deposits link')
  const routing = await sdk.fundingSources.getVanRouting({ id: van })
  t.same([routing.routingNumber, routing.accountNumber?.length], ['084106768', 16], 'fundingSources.getVanRouting')
  t.same(await sdk.fundingSources.updateOrRemove({ id: bank, requestBody: { name: 'Renamed' } }), {}, 'updateOrRemove (rename): the SDK returns {}')
  t.equal((await sdk.fundingSources.get({ id: bank })).name, 'Renamed', 'renamed')
  t.same(
    await sdk.fundingSources.updateOrRemove({ id: van, requestBody: { removed: true } }),
    {},
    'updateOrRemove (remove): {} (Dwolla’s test expects exactly that)',
  )
  const kept = await sdk.customers.fundingSources.list({ id: customer, removed: 'false' })
  t.same(
    kept.embedded?.fundingSources?.map((source) => source.type),
    ['balance', 'bank'],
    'list with removed "false", as the SDK sends it: the VAN is gone',
  )
  t.match(mock.seen.at(-1)?.url, /removed=false$/, 'sent as ?removed=false')
  const removedOnly = await sdk.customers.fundingSources.list({ id: customer, removed: 'true' })
  t.same(
    removedOnly.embedded?.fundingSources?.map((source) => source.id),
    [van],
    'removed "true": the VAN alone',
  )
})

t.test('dwolla: micro-deposits initiate, get and verify; the balance; on-demand authorizations; the Account’s funding sources', async (t) => {
  const mock = await listeningMock(t)
  const sdk = dwollaSdkFor(mock.url)
  const bank = idOf(
    (
      await sdk.customers.fundingSources.create({
        id: SEEDED.unverified,
        createCustomerFundingSource: { routingNumber: '222222226', accountNumber: '987654321', bankAccountType: 'savings', name: 'Savings' },
      })
    )?.headers.location?.[0],
  )
  const initiated = await sdk.fundingSources.microDeposits.initiate({ id: bank })
  t.match(initiated?.headers.location?.[0], `${mock.url}/funding-sources/${bank}/micro-deposits`, 'microDeposits.initiate: 201 and its Location')
  const deposits = await sdk.fundingSources.microDeposits.get({ id: bank })
  t.same([deposits.status, deposits.created instanceof Date, Boolean(deposits.links?.['self'])], ['pending', true, true], 'microDeposits.get')
  const verified = await sdk.fundingSources.microDeposits.verify({
    id: bank,
    requestBody: { amount1: { value: '0.02', currency: 'USD' }, amount2: { value: '0.03', currency: 'USD' } },
  })
  t.ok(verified.links?.self?.href, 'microDeposits.verify: a JSON body with links.self, as Dwolla’s test asserts')
  t.equal((await sdk.fundingSources.get({ id: bank })).status, 'verified', 'the bank is verified')

  const root = await sdk.root.get()
  const accountId = idOf(root.links?.['account']?.href)
  const accountSources = await sdk.accounts.fundingSources.list({ id: accountId })
  t.same(
    accountSources.embedded?.fundingSources?.map((source) => source.name),
    ['Balance', 'Superhero Savings Bank'],
    'accounts.fundingSources.list: the sandbox Account’s',
  )
  const balanceId = accountSources.embedded?.fundingSources?.[0]?.id as string
  const balance = await sdk.fundingSources.balance.get({ id: balanceId })
  t.match(balance, { balance: { value: '5000.00', currency: 'USD' }, total: { value: '5000.00', currency: 'USD' } }, 'fundingSources.balance.get')
  t.ok('lastUpdated' in balance && balance.lastUpdated, 'with lastUpdated')
  const added = await sdk.accounts.fundingSources.create({
    routingNumber: '222222226',
    accountNumber: '55555555',
    bankAccountType: 'checking',
    name: 'Payroll',
  })
  t.match(added?.headers.location?.[0], new RegExp(`^${mock.url}/funding-sources/`), 'accounts.fundingSources.create: 201')

  const authorization = await sdk.fundingSources.onDemandTransferAuthorizations.create()
  t.ok(authorization.links?.self?.href && authorization.bodyText && authorization.buttonText, 'onDemandTransferAuthorizations.create: 200 with its texts')
  const withAuthorization = await sdk.customers.fundingSources.create({
    id: SEEDED.receiveOnly,
    createCustomerFundingSource: {
      routingNumber: '222222226',
      accountNumber: '1212121212',
      bankAccountType: 'checking',
      name: 'On demand',
      links: { onDemandAuthorization: { href: authorization.links?.self?.href as string } },
    },
  })
  t.ok(withAuthorization?.headers.location?.[0], 'a bank with the authorization, as the SDK names the link')
})

t.test('dwolla: errors come out as the SDK’s typed errors, with Dwolla’s codes', async (t) => {
  const mock = await listeningMock(t)
  const sdk = dwollaSdkFor(mock.url)
  const body = { routingNumber: '222222226', accountNumber: '31313131', bankAccountType: 'checking' as const, name: 'Dup' }
  await sdk.customers.fundingSources.create({ id: SEEDED.unverified, createCustomerFundingSource: body })
  t.match(
    await failure(sdk.customers.fundingSources.create({ id: SEEDED.unverified, createCustomerFundingSource: body })),
    { status: 400, code: 'DuplicateResource' },
    'a duplicate: 400 DuplicateResource',
  )
  t.match(
    await failure(sdk.customers.fundingSources.create({ id: SEEDED.personalSuspended, createCustomerFundingSource: body })),
    { status: 403, code: 'InvalidResourceState' },
    'a suspended customer: 403',
  )
  t.match(
    await failure(sdk.fundingSources.get({ id: '99999999-9999-4999-8999-999999999999' })),
    { status: 404, message: NOT_FOUND_MESSAGES.fundingSource },
    'an unknown funding source: 404',
  )
  const bank = idOf(
    (await sdk.customers.fundingSources.create({ id: SEEDED.unverified, createCustomerFundingSource: { ...body, accountNumber: '41414141' } }))?.headers
      .location?.[0],
  )
  t.match(await failure(sdk.fundingSources.microDeposits.get({ id: bank })), { status: 404 }, 'micro-deposits never initiated: 404')
  await sdk.fundingSources.microDeposits.initiate({ id: bank })
  t.match(await failure(sdk.fundingSources.microDeposits.initiate({ id: bank })), { status: 400, code: 'MaxNumberOfResources' }, 'initiated twice: 400')
  t.match(
    await failure(
      sdk.fundingSources.microDeposits.verify({
        id: bank,
        requestBody: { amount1: { value: '0.11', currency: 'USD' }, amount2: { value: '0.12', currency: 'USD' } },
      }),
    ),
    { status: 400, code: 'ValidationError' },
    'wrong amounts: 400',
  )
  t.match(
    await failure(sdk.fundingSources.balance.get({ id: bank })),
    { status: 400, code: 'UnsupportedOperation' },
    'a bank’s balance: 400 UnsupportedOperation',
  )
  t.match(await failure(sdk.fundingSources.getVanRouting({ id: bank })), { status: 404 }, 'a bank’s ach-routing: 404')
  const list = await sdk.customers.fundingSources.list({ id: SEEDED.personalVerified })
  const balance = list.embedded?.fundingSources?.[0]?.id as string
  t.match(
    await failure(sdk.fundingSources.updateOrRemove({ id: balance, requestBody: { removed: true } })),
    { status: 400, message: FUNDING_SOURCE_MESSAGES.onlyBanksUpdated },
    'removing a balance: 400',
  )
  await sdk.fundingSources.updateOrRemove({ id: bank, requestBody: { removed: true } })
  t.match(
    await failure(sdk.fundingSources.updateOrRemove({ id: bank, requestBody: { name: 'x' } })),
    { status: 403, message: FUNDING_SOURCE_MESSAGES.removedCannotBeUpdated },
    'a removed bank: 403',
  )
  t.match(
    await failure(sdk.customers.fundingSources.list({ id: '99999999-9999-4999-8999-999999999999' })),
    { status: 404, message: NOT_FOUND_MESSAGES.customer },
    'an unknown customer’s list: 404',
  )
  t.match(
    await failure(sdk.accounts.fundingSources.list({ id: '99999999-9999-4999-8999-999999999999' })),
    { status: 404, message: NOT_FOUND_MESSAGES.account },
    'another account’s list: 404',
  )
})
