import t from 'tap'
import * as owners from '../../src/resources/beneficial-owners/owner-transitions.js'
import { OwnerProblems, readOwnerFields } from '../../src/resources/beneficial-owners/validate-owner.js'
import { fileTypeAccepted, kindOf } from '../../src/resources/documents/file-kind.js'
import { FAIL_SAMPLE_DIGEST, reviewOnUpload, SUCCESS_SAMPLE_DIGEST } from '../../src/resources/documents/review.js'
import { answersPass, expired, KBA_QUESTIONS } from '../../src/resources/kba/kba-session.js'
import { NOW } from '../customers/fields.js'
import { OWNER, pngOf } from '../helpers/verification.js'

t.test('owner transitions, without a server', async (t) => {
  const fields = readOwnerFields(OWNER, NOW)
  t.same(Object.keys(fields), ['firstName', 'lastName', 'address'], 'only what Dwolla answers back is kept')
  const created = owners.createOwner('id', 'customer', { ...fields, firstName: ' DOCUMENT ' }, NOW)
  t.same(
    [created.owner.verificationStatus, created.topics],
    ['document', ['customer_beneficial_owner_created', 'customer_beneficial_owner_verification_document_needed']],
    'magic names, any case',
  )
  t.throws(() => owners.updateOwner(created.owner, fields), { code: 'InvalidResourceState' }, 'a document owner is not updated')
  const incomplete = owners.createOwner('id', 'customer', { ...fields, firstName: 'incomplete' }, NOW).owner
  const retried = owners.updateOwner(incomplete, fields)
  t.same([retried.owner.verificationStatus, retried.owner.retried], ['verified', true], 'one retry to verified')
  t.throws(() => owners.updateOwner({ ...retried.owner, verificationStatus: 'incomplete' }, fields), { code: 'InvalidResourceState' }, 'never twice')
  t.same(owners.setOwnerStatus(retried.owner, 'verified').topics, [], 'the same status raises nothing')
  t.same(
    ['uncertified', 'certified', 'recertify'].map((status) => owners.ownershipAfterOwnerChange(status as 'certified')),
    ['uncertified', 'recertify', 'recertify'],
    'a change recertifies only what was certified',
  )
  t.same(
    [owners.certify('certified'), owners.certify('uncertified'), owners.certify(undefined)],
    ['certified', undefined, undefined],
    'only certified may be asked for',
  )
  t.same(
    ['recertify', 'certified'].map((status) => owners.ageRecertification(status as 'recertify')),
    ['uncertified', 'certified'],
    'ageing',
  )
  t.throws(() => readOwnerFields({ ...OWNER, dateOfBirth: '2020-02-30' }, NOW), OwnerProblems, 'an impossible date')
  t.throws(() => readOwnerFields('not an object', NOW), OwnerProblems, 'not an object')
})

t.test('file kinds and the sandbox review, without a server', async (t) => {
  t.same(
    [kindOf(pngOf(16)), kindOf(Buffer.from([0xff, 0xd8, 0xff, 0xdb])), kindOf(Buffer.from('%PDF-1.7')), kindOf(Buffer.from('GIF89a'))],
    ['png', 'jpeg', 'pdf', 'other'],
    'by signature',
  )
  t.ok(fileTypeAccepted(pngOf(16), 'ID.PNG', false), 'extensions in any case')
  t.ok(fileTypeAccepted(Buffer.from([0xff, 0xd8, 0xff, 0xdb]), 'photo.jpg', false), '.jpg is a JPEG')
  t.notOk(fileTypeAccepted(Buffer.from('%PDF'), 'a.pdf', false), 'a PDF only where allowed')
  t.ok(fileTypeAccepted(Buffer.from('%PDF'), 'a.pdf', true), 'and there it is')
  t.ok(fileTypeAccepted(pngOf(16), 'blob', false), 'a name without an extension: the bytes decide')
  t.same(
    [
      // The digests of Dwolla's two sample images (their bytes are Dwolla's, not shipped here; Dwolla's own SDK suite uploads them).
      reviewOnUpload(SUCCESS_SAMPLE_DIGEST, 'x.png'),
      reviewOnUpload(FAIL_SAMPLE_DIGEST, 'success.png'),
      reviewOnUpload('0', 'Upload-SUCCESS.png'),
      reviewOnUpload('0', 'failed.png'),
      reviewOnUpload('0', undefined),
    ],
    ['accepted', 'rejected', 'accepted', 'rejected', 'pending'],
    'the samples by their bytes first, then the name',
  )
})

t.test('KBA answers and expiry, without a server', async (t) => {
  const none = KBA_QUESTIONS.map((question) => ({ questionId: question.id, answerId: question.noneId }))
  t.ok(answersPass(none), 'all four none')
  t.ok(answersPass(none.slice(0, 3)), 'three of four')
  t.notOk(answersPass([...none.slice(0, 2), ...none.slice(0, 2)]), 'the same question twice counts once')
  t.notOk(answersPass([]), 'no answers')
  t.same(
    [
      expired({ id: 'k', customerId: 'c', created: 0 }, 10 ** 9),
      expired({ id: 'k', customerId: 'c', created: 0, readAt: 0 }, 120_000),
      expired({ id: 'k', customerId: 'c', created: 0, readAt: 0 }, 120_001),
    ],
    [false, false, true],
    'two minutes from the first read, none before it',
  )
})
