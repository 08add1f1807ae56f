import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import t from 'tap'
import { buildServer } from '../../src/index.js'
import { SEEDED } from '../helpers/customers.js'
import { accessTokenFor, apiRequest } from '../helpers/mock.js'
import { tempFolder } from '../helpers/temp-folder.js'
import { createLlcVia, createOwnerVia, idOf, pngOf, upload } from '../helpers/verification.js'

t.test('owners, certifications, documents (as digests) and KBA sessions survive a restart', async (t) => {
  const { path } = await tempFolder(t)
  const stateFile = join(path, 'state.json')
  const first = await buildServer({ stateFile })
  const token = await accessTokenFor(first)
  const business = await createLlcVia(first, token)
  const owner = await createOwnerVia(first, token, business, { firstName: 'incomplete' })
  await apiRequest(first, 'POST', `/customers/${business}/beneficial-ownership`, { token, body: { status: 'certified' } })
  const file = pngOf()
  const document = idOf(await upload(first, token, `/customers/${SEEDED.personalDocument}/documents`, file))
  const kba = idOf(await apiRequest(first, 'POST', `/customers/${SEEDED.personalKba}/kba`, { token }))
  await apiRequest(first, 'GET', `/kba/${kba}`, { token })
  await first.close()

  const text = await readFile(stateFile, 'utf8')
  t.notMatch(text, /123-56-7890|1960-11-30/, "no owner's ssn or dateOfBirth")
  t.notOk(text.includes(file.subarray(8, 40).toString('base64')), 'no file bytes, only a digest')
  const second = await buildServer({ stateFile })
  t.teardown(() => second.close())
  const again = await accessTokenFor(second)
  t.match(
    (await apiRequest(second, 'GET', `/beneficial-owners/${owner}`, { token: again })).json(),
    { id: owner, verificationStatus: 'incomplete' },
    'the owner',
  )
  t.equal((await apiRequest(second, 'GET', `/customers/${business}/beneficial-ownership`, { token: again })).json().status, 'certified', 'the certification')
  t.equal((await apiRequest(second, 'POST', `/beneficial-owners/${owner}`, { token: again, body: {} })).statusCode, 400, 'the owner may still retry once')
  t.match((await apiRequest(second, 'GET', `/documents/${document}`, { token: again })).json(), { id: document, status: 'pending' }, 'the document')
  const duplicate = await upload(second, again, `/customers/${SEEDED.personalDocument}/documents`, file)
  t.equal(duplicate.json().code, 'DuplicateResource', 'its digest still finds a duplicate')
  t.equal((await apiRequest(second, 'GET', `/kba/${kba}`, { token: again })).statusCode, 200, 'the KBA session')
  second.mockDwolla.clock.advance(3 * 60 * 1000)
  const late = await apiRequest(second, 'POST', `/kba/${kba}`, { token: again, body: { answers: [] } })
  t.equal(late.json().message, 'The kba session has expired.', 'with the time its questions were read')
})

t.test('a corrupt verification record stops the start, naming where', async (t) => {
  const { path } = await tempFolder(t)
  const stateFile = join(path, 'state.json')
  const first = await buildServer({ stateFile })
  const token = await accessTokenFor(first)
  await createOwnerVia(first, token, await createLlcVia(first, token))
  await first.close()
  const saved = JSON.parse(await readFile(stateFile, 'utf8'))
  saved.applications[0].beneficialOwners[0].verificationStatus = 'maybe'
  saved.applications[0].documents = [{ id: 'x' }]
  await writeFile(stateFile, JSON.stringify(saved))
  await t.rejects(buildServer({ stateFile }), /at \/applications\/0\/beneficialOwners\/0: verificationStatus/, 'the bad owner is named')
  delete saved.applications[0].beneficialOwners
  await writeFile(stateFile, JSON.stringify(saved))
  await t.rejects(buildServer({ stateFile }), /at \/applications\/0\/documents\/0: id/, 'the bad document is named')
})
