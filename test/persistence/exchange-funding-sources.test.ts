import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import t from 'tap'
import { buildServer } from '../../src/index.js'
import { SEEDED } from '../helpers/customers.js'
import { createExchangeVia } from '../helpers/exchanges.js'
import { createFundingSourceVia } from '../helpers/funding-sources.js'
import { accessTokenFor, apiRequest } from '../helpers/mock.js'
import { tempFolder } from '../helpers/temp-folder.js'

t.test('--state keeps a bank made from an exchange (origin "exchange"); exchanges themselves are in memory only', async (t) => {
  const { path } = await tempFolder(t)
  const stateFile = join(path, 'state.json')
  const first = await buildServer({ stateFile })
  const token = await accessTokenFor(first)
  const exchange = await createExchangeVia(first, token, SEEDED.unverified)
  const bank = await createFundingSourceVia(first, token, SEEDED.unverified, {
    _links: { exchange: { href: `http://localhost/exchanges/${exchange}` } },
    bankAccountType: 'savings',
    name: 'From an exchange',
  })
  const before = (await apiRequest(first, 'GET', `/funding-sources/${bank}`, { token })).json()
  await first.close()
  const saved = JSON.parse(await readFile(stateFile, 'utf8'))
  t.match(
    saved.applications[0].fundingSources.find((source: { id: string }) => source.id === bank),
    { origin: 'exchange', status: 'verified' },
    'written with its origin',
  )
  t.notOk(JSON.stringify(saved).includes('processor-sandbox'), 'never a partner credential')
  const second = await buildServer({ stateFile })
  t.teardown(() => second.close())
  const again = await accessTokenFor(second)
  t.same((await apiRequest(second, 'GET', `/funding-sources/${bank}`, { token: again })).json(), before, 'read back as it was')
  t.equal((await apiRequest(second, 'GET', `/exchanges/${exchange}`, { token: again })).statusCode, 404, 'the exchange is not kept (docs/exchanges.md)')
})
