import { readdirSync, readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import t from 'tap'
import { Dwolla } from 'dwolla'
import { parse } from 'yaml'
import { OPENAPI_DOCUMENT_PATH } from '../../src/index.js'
import { LLC, PERSONAL } from '../customers/fields.js'
import { SEEDED } from '../helpers/customers.js'
import { DWOLLA_OPERATIONS } from '../helpers/dwolla-operations.js'
import { PARTNERS } from '../helpers/exchanges.js'
import { idOf } from '../helpers/funding-sources.js'
import { listeningMock } from '../helpers/listening.js'
import { dwollaSdkFor } from '../helpers/sdk-clients.js'
import { OWNER, pngOf, sampleFile } from '../helpers/verification.js'
import { webhookReceiver } from '../helpers/webhook-receiver.js'

/**
 * "Every served operation has at least one test through dwolla@1.1.1's method for it": the
 * operations served are read from the mock's own document, and each one's SDK method from the
 * SDK itself (its methods call one function each, and each function names its operationId), so
 * nothing here is a hand-kept list that could drift. One walk, over a real socket, calls the SDK
 * method of every operation it knows how to call successfully; an operation served by a resource
 * the walk does not know yet (merged from another branch) must then be called through its SDK
 * method by another test, or this test fails naming it.
 */

const HERE = dirname(fileURLToPath(import.meta.url))
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const

function servedOperations(): Set<string> {
  const document = parse(readFileSync(OPENAPI_DOCUMENT_PATH, 'utf8')) as { paths: Record<string, Record<string, { operationId?: string }>> }
  return new Set(Object.values(document.paths).flatMap((item) => METHODS.flatMap((method) => item[method]?.operationId ?? [])))
}

/**
 * Where the SDK splits one of Dwolla's operations in two, the method the walk calls for it: POST
 * /funding-sources/{id}/micro-deposits is `initiateMicroDeposits` and `verifyMicroDeposits` there.
 */
const SDK_OPERATION_FOR: Readonly<Record<string, string>> = { initiateOrVerifyMicroDeposits: 'initiateMicroDeposits' }

/** The SDK's functions by operationId, read from its sources (`operationID: "getCustomer"` in src/funcs/customersGet.ts). */
function sdkFunctionsByOperation(): Map<string, string> {
  const funcs = join(dirname(createRequire(import.meta.url).resolve('dwolla/package.json')), 'src', 'funcs')
  const byOperation = new Map<string, string>()
  for (const file of readdirSync(funcs).filter((name) => name.endsWith('.ts'))) {
    const operationId = /operationID: "([^"]+)"/.exec(readFileSync(join(funcs, file), 'utf8'))?.[1]
    if (operationId !== undefined) byOperation.set(operationId, file.slice(0, -'.ts'.length))
  }
  for (const [dwolla, sdk] of Object.entries(SDK_OPERATION_FOR)) byOperation.set(dwolla, byOperation.get(sdk) as string)
  return byOperation
}

/** Every SDK method by the function it calls: `customers.exchanges.create` calls customersExchangesCreate. */
function sdkMethodsByFunction(): Map<string, string> {
  const sdk = new Dwolla({ serverURL: 'http://127.0.0.1:1', security: { clientID: 'k', clientSecret: 's' } })
  const methods = new Map<string, string>()
  const visit = (target: object, path: string[]): void => {
    const names = new Set<string>()
    for (
      let proto = Object.getPrototypeOf(target) as object | null;
      proto !== null && proto !== Object.prototype;
      proto = Object.getPrototypeOf(proto) as object | null
    ) {
      for (const name of Object.getOwnPropertyNames(proto)) if (name !== 'constructor' && !name.startsWith('_')) names.add(name)
    }
    for (const name of names) {
      const value = (target as Record<string, unknown>)[name]
      if (typeof value === 'function') {
        const called = /([a-z][A-Za-z0-9]*)\)?\(this\b/.exec(String(value))?.[1]
        if (called !== undefined) methods.set(called, [...path, name].join('.'))
      } else if (typeof value === 'object' && value !== null && path.length < 4) visit(value, [...path, name])
    }
  }
  visit(sdk, [])
  return methods
}

/**
 * Every other test's text, for the calls of operations the walk does not make: `sdk.transfers.create(`
 * is a dwolla@1.1.1 call (dwolla-v2 names paths, never methods), wherever a resource's tests keep it.
 */
function otherTestSources(): string {
  const root = join(HERE, '..')
  const texts: string[] = []
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (entry.name.endsWith('.test.ts') && entry.name !== 'sdk-every-operation-dwolla.test.ts') texts.push(readFileSync(path, 'utf8'))
    }
  }
  walk(root)
  return texts.join('\n')
}

t.test('the SDK method of every operation is found from the SDK itself', async (t) => {
  const functions = sdkFunctionsByOperation()
  const methods = sdkMethodsByFunction()
  for (const [operationId] of DWOLLA_OPERATIONS) {
    const method = methods.get(functions.get(operationId) ?? '')
    t.ok(method, `${operationId}: dwolla@1.1.1 has a method for it (${method ?? 'none'})`)
  }
  t.equal(methods.get(functions.get('createCustomerExchange') ?? ''), 'customers.exchanges.create', 'e.g. createCustomerExchange is customers.exchanges.create')
})

t.test('dwolla@1.1.1: one walk calls the SDK method of every served operation, and each answer passes its validation', async (t) => {
  const served = servedOperations()
  const functions = sdkFunctionsByOperation()
  const methods = sdkMethodsByFunction()
  const mock = await listeningMock(t)
  const sdk = dwollaSdkFor(mock.url)
  const receiver = await webhookReceiver(t, 'walk-secret')
  const SAMPLE = sampleFile(t)
  const called = new Set<string>()

  /** Calls one operation through its SDK method when the mock serves it; the call must resolve (the SDK validated the answer). */
  async function step<T>(operationId: string, call: () => Promise<T>): Promise<T | undefined> {
    if (!served.has(operationId)) return undefined
    const result = await call()
    called.add(operationId)
    return result
  }
  const location = (result: { headers: Record<string, string[]> } | undefined | void) => idOf(result?.headers.location?.[0])

  await step('createApplicationAccessToken', () =>
    sdk.tokens.create({ basicAuth: `Basic ${Buffer.from('key:secret').toString('base64')}` }, { grantType: 'client_credentials' }),
  )
  const root = await step('getRoot', () => sdk.root.get())
  const accountId = idOf(root?.links?.account?.href)
  await step('getAccount', () => sdk.accounts.get({ id: accountId }))
  await step('createFundingSource', () =>
    sdk.accounts.fundingSources.create({ routingNumber: '222222226', accountNumber: '98765432', bankAccountType: 'checking', name: 'Walk Checking' }),
  )
  await step('listFundingSources', () => sdk.accounts.fundingSources.list({ id: accountId }))
  await step('createWebhookSubscription', () => sdk.webhookSubscriptions.create({ url: receiver.url, secret: 'walk-secret' }))
  const subscriptions = await step('listWebhookSubscriptions', () => sdk.webhookSubscriptions.list())
  const subscription = subscriptions?.embedded?.webhookSubscriptions?.[0]?.id as string
  await step('getWebhookSubscription', () => sdk.webhookSubscriptions.get({ id: subscription }))

  const customer = location(await step('createCustomer', () => sdk.customers.create({ ...PERSONAL, type: 'personal', email: 'walk@example.com' })))
  await step('listAndSearchCustomers', () => sdk.customers.list({ limit: 5 }))
  await step('getCustomer', () => sdk.customers.get({ id: customer }))
  await step('update', () => sdk.customers.update({ id: customer, requestBody: { email: 'walk.updated@example.com' } }))
  await step('createClientToken', () =>
    sdk.clientTokens.create({ action: 'customer.update', links: { customer: { href: `${mock.url}/customers/${customer}` } } }),
  )
  const classifications = await step('listBusinessClassifications', () => sdk.businessClassifications.list())
  const classification = classifications?.embedded?.businessClassifications?.[0]?.id as string
  await step('retrieveBusinessClassification', () => sdk.businessClassifications.get({ id: classification }))

  const bank = location(
    await step('createCustomerFundingSource', () =>
      sdk.customers.fundingSources.create({
        id: customer,
        createCustomerFundingSource: { routingNumber: '222222226', accountNumber: '12345678', bankAccountType: 'checking', name: 'Walk', verified: false },
      }),
    ),
  )
  const sources = await step('listCustomerFundingSources', () => sdk.customers.fundingSources.list({ id: customer }))
  const balance = sources?.embedded?.fundingSources?.find((source) => source.type === 'balance')?.id as string
  await step('getFundingSource', () => sdk.fundingSources.get({ id: bank }))
  await step('initiateOrVerifyMicroDeposits', () => sdk.fundingSources.microDeposits.initiate({ id: bank }))
  await step('getMicroDeposits', () => sdk.fundingSources.microDeposits.get({ id: bank }))
  await step('simulateBankTransferProcessing', () => sdk.sandboxSimulations.simulate())
  await step('getFundingSourceBalance', () => sdk.fundingSources.balance.get({ id: balance }))
  const van = location(
    await sdk.customers.fundingSources.create({
      id: customer,
      createCustomerFundingSource: { name: 'Walk VAN', type: 'virtual', bankAccountType: 'checking' },
    }),
  )
  await step('getVanRouting', () => sdk.fundingSources.getVanRouting({ id: van }))
  await step('updateOrRemoveFundingSource', () => sdk.fundingSources.updateOrRemove({ id: van, requestBody: { removed: true } }))
  await step('createOnDemandTransferAuthorization', () => sdk.fundingSources.onDemandTransferAuthorizations.create())

  const business = location(await sdk.customers.create({ ...LLC, type: 'business', businessType: 'llc', email: 'walk.llc@example.com' }))
  const owner = location(await step('createBeneficialOwnerForCustomer', () => sdk.customers.beneficialOwners.create({ id: business, requestBody: OWNER })))
  await step('listBeneficialOwnersForCustomer', () => sdk.customers.beneficialOwners.list({ id: business }))
  await step('retrieveBeneficialOwner', () => sdk.beneficialOwners.get({ id: owner }))
  const incomplete = location(await sdk.customers.beneficialOwners.create({ id: business, requestBody: { ...OWNER, firstName: 'incomplete' } }))
  await step('updateBeneficialOwner', () => sdk.beneficialOwners.update({ id: incomplete, requestBody: { ...OWNER, firstName: 'Updated' } }))
  await step('deleteBeneficialOwner', () => sdk.beneficialOwners.delete({ id: incomplete }))
  await step('getBeneficialOwnershipStatusForCustomer', () => sdk.customers.beneficialOwnership.get({ id: business }))
  await step('certifyBeneficialOwnershipForCustomer', () => sdk.customers.beneficialOwnership.certify({ id: business, requestBody: { status: 'certified' } }))
  const documentOwner = location(await sdk.customers.beneficialOwners.create({ id: SEEDED.businessVerified, requestBody: { ...OWNER, firstName: 'document' } }))
  await step('createBeneficialOwnerDocument', async () =>
    sdk.beneficialOwners.documents.create({
      id: documentOwner,
      requestBody: { documentType: 'license', file: { fileName: 'owner.png', content: await readFile(SAMPLE) } },
    }),
  )
  await step('listBeneficialOwnerDocuments', () => sdk.beneficialOwners.documents.list({ id: documentOwner }))
  const documented = location(await sdk.customers.create({ ...PERSONAL, type: 'personal', firstName: 'document', email: 'walk.doc@example.com' }))
  const document = location(
    await step('createCustomerDocument', async () =>
      sdk.customers.documents.create({ id: documented, requestBody: { documentType: 'license', file: { fileName: 'walk.png', content: pngOf() } } }),
    ),
  )
  await step('listCustomerDocuments', () => sdk.customers.documents.list({ id: documented }))
  await step('retrieveDocument', () => sdk.documents.get({ id: document }))
  const kbaCustomer = location(await sdk.customers.create({ ...PERSONAL, type: 'personal', firstName: 'kba', email: 'walk.kba@example.com' }))
  const kba = location(await step('initiateKbaForCustomer', () => sdk.customers.kba.initiate({ id: kbaCustomer })))
  const questions = await step('getKbaQuestions', () => sdk.kba.getQuestions({ id: kba }))
  const answers = (questions?.questions ?? []).map((question) => ({ questionId: question.id, answerId: question.answers?.at(-1)?.id as string }))
  await step('verifyKbaQuestions', () => sdk.kba.verify({ id: kba, requestBody: { answers } }))

  const partners = await step('listExchangePartners', () => sdk.exchangePartners.list())
  const plaid = partners?.embedded?.exchangePartners?.find((partner) => partner.name === 'Plaid')?.id ?? PARTNERS.Plaid
  await step('getExchangePartner', () => sdk.exchangePartners.get({ id: plaid }))
  const partnerLink = { exchangePartner: { href: `${mock.url}/exchange-partners/${plaid}` } }
  await step('createAccountExchange', () => sdk.accounts.exchanges.create({ links: partnerLink, token: 'processor-sandbox-walk' }))
  await step('listAccountExchanges', () => sdk.accounts.exchanges.list())
  const session = location(
    await step('createCustomerExchangeSession', () => sdk.customers.exchangeSessions.create({ id: customer, requestBody: { links: partnerLink } })),
  )
  await step('retrieveCustomerExchangeSession', () => sdk.exchangeSessions.get({ id: session }))
  await step('listAvailableExchangeConnections', () => sdk.customers.listAvailableConnections({ id: customer }))
  const exchange = location(
    await step('createCustomerExchange', () =>
      sdk.customers.exchanges.create({ id: customer, requestBody: { links: partnerLink, plaid: { publicToken: 'public-sandbox-walk' } } }),
    ),
  )
  await step('listCustomerExchanges', () => sdk.customers.exchanges.list({ id: customer }))
  await step('getExchange', () => sdk.exchanges.get({ id: exchange }))
  await step('createReAuthExchangeSession', () => sdk.exchanges.exchangeSessions.createReAuth({ id: exchange }))

  await mock.app.mockDwolla.webhooks.settle()
  const events = await step('listEvents', () => sdk.events.list({ limit: 5 }))
  await step('getEvent', () => sdk.events.get({ id: events?.embedded?.events?.[0]?.id as string }))
  const webhooks = await step('listWebhooks', () => sdk.webhookSubscriptions.webhooks.list({ id: subscription }))
  const webhook = webhooks?.embedded?.webhooks?.[0]?.id as string
  await step('getWebhook', () => sdk.webhooks.get({ id: webhook }))
  await step('retryWebhook', () => sdk.webhooks.retry({ id: webhook }))
  await step('listWebhookRetries', () => sdk.webhooks.retries.list({ id: webhook }))
  await step('updateWebhookSubscription', () => sdk.webhookSubscriptions.update({ id: subscription, requestBody: { paused: true } }))
  await step('delete', () => sdk.webhookSubscriptions.delete({ id: subscription }))

  const answered = new Set(
    mock.app.mockDwolla.journal
      .list()
      .filter((entry) => entry.status !== null && entry.status < 300)
      .map((entry) => entry.operation),
  )
  const elsewhere = otherTestSources()
  for (const operationId of served) {
    const method = methods.get(functions.get(operationId) ?? '') as string
    if (called.has(operationId)) {
      t.ok(answered.has(operationId), `${operationId}: ${method} succeeded in the walk, answered by the operation itself`)
    } else {
      t.ok(elsewhere.includes(`.${method}(`), `${operationId} is served: the walk does not call it, so another test must call dwolla@1.1.1's ${method}()`)
    }
  }
  t.ok(called.size >= 59, `the walk called ${called.size} operations`)
  t.ok(elsewhere.includes('.customers.exchanges.create('), 'the scan of the other tests finds their dwolla@1.1.1 calls (sdk-exchanges-dwolla.test.ts)')
  t.notOk(elsewhere.includes('.noSuchResource.create('), 'and only what they call')
})
