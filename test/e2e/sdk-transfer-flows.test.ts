import t from 'tap'
import { start } from '../../src/index.js'
import { accountBalanceIdFor, accountBankIdFor } from '../../src/resources/funding-sources/index.js'
import { SEEDED } from '../helpers/customers.js'
import { bankBody } from '../helpers/funding-sources.js'
import { dwollaSdkFor, dwollaV2For } from '../helpers/sdk-clients.js'
import { FLOWS } from '../helpers/transfer-flows.js'
import { transferBody } from '../helpers/transfers.js'

/**
 * Every flow of the sandbox's captures (facts §8), end to end over a real socket through both
 * SDKs: the transfer made, two simulations, and the transfer topics read back from GET /events
 * in the order they were raised, at each step.
 */
t.test('both SDKs run each §8 flow, the events in the captured order', async (t) => {
  const mock = await start({ autoVerifyBanks: true })
  t.teardown(() => mock.close())
  const v2 = dwollaV2For(mock.url)
  const sdk = dwollaSdkFor(mock.url)
  const idOf = (location: string | null | undefined) => (location as string).split('/').pop() as string
  const bank = async (customer: string, accountNumber: string) =>
    idOf((await v2.post(`customers/${customer}/funding-sources`, bankBody(accountNumber))).headers.get('location'))
  const balanceOf = async (customer: string) => {
    const listed = await v2.get(`customers/${customer}/funding-sources`)
    return (listed.body._embedded['funding-sources'] as Array<{ id: string; type: string }>).find((source) => source.type === 'balance')?.id as string
  }
  const parties: Record<string, Record<string, string>> = {
    A: { bank: accountBankIdFor('key'), balance: accountBalanceIdFor('key') },
    V1: { bank: await bank(SEEDED.personalVerified, '6000001'), balance: await balanceOf(SEEDED.personalVerified) },
    V2: { bank: await bank(SEEDED.businessVerified, '6000002'), balance: await balanceOf(SEEDED.businessVerified) },
    U: { bank: await bank(SEEDED.unverified, '6000003') },
    R: { bank: await bank(SEEDED.receiveOnly, '6000004') },
  }
  const idFor = (path: string) => {
    const [party, kind] = path.split('.') as [string, string]
    return parties[party]?.[kind] as string
  }
  const seen = new Set<string>()
  /** The transfer topics raised since the last call, oldest first, as the dwolla SDK reads them (newest first, a page of 200). */
  const topicsSince = async () => {
    const page = await sdk.events.list({ limit: 200 })
    const fresh = (page.embedded?.events ?? []).filter((event) => !seen.has(event.id as string)).reverse()
    for (const event of fresh) seen.add(event.id as string)
    return fresh.map((event) => event.topic as string).filter((topic) => topic.includes('transfer'))
  }
  for (const [name, from, to, atCreation, afterFirst, afterSecond] of FLOWS) {
    for (const client of ['dwolla-v2', 'dwolla'] as const) {
      mock.balances.set(parties.V1?.balance as string, '100.00')
      mock.balances.set(parties.A?.balance as string, '5000.00')
      await topicsSince()
      if (client === 'dwolla-v2') {
        const created = await v2.post('transfers', transferBody(idFor(from), idFor(to), '25.00'))
        t.equal(created.status, 201, `${name} (${client}): created`)
      } else {
        const body = transferBody(idFor(from), idFor(to), '25.00') as { _links: { source: { href: string }; destination: { href: string } } }
        await sdk.transfers.create({ requestBody: { links: body._links, amount: { currency: 'USD', value: '25.00' }, metadata: {} } })
      }
      t.same(await topicsSince(), atCreation, `${name} (${client}): at creation`)
      if (client === 'dwolla-v2') await v2.post('sandbox-simulations')
      else await sdk.sandboxSimulations.simulate()
      t.same(await topicsSince(), afterFirst, `${name} (${client}): after the first simulation`)
      if (client === 'dwolla-v2') await v2.post('sandbox-simulations')
      else await sdk.sandboxSimulations.simulate()
      t.same(await topicsSince(), afterSecond, `${name} (${client}): after the second simulation`)
    }
  }
})
