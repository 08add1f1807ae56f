import type { DocumentVerificationStatus } from './document.js'

/**
 * The SHA-256 digests of Dwolla's two sandbox sample images (dev-portal
 * assets/images/content-images/test-document-upload-success.png, 3,453 bytes, and
 * test-document-upload-fail.png, 3,636 bytes; balance/testing/customers.mdx asks testers to
 * upload them as they are).
 */
export const SUCCESS_SAMPLE_DIGEST = '09b0a717c6a92a1e510ece276a859248c73f3e39d2e9b031768f6585cc525586'
export const FAIL_SAMPLE_DIGEST = 'bb8eff80ab107c6b6211f5b7860bc3eadf4b029a8d47a892f68d68ad427e2daf'

/** The reason a failed sample is rejected with (inferred: Dwolla documents none). */
export const SAMPLE_FAILURE_REASON = 'ScanNotReadable'

/**
 * How the sandbox reviews an upload at once (inferred from balance/testing/customers.mdx, which
 * names the two samples and no rule): the success sample, or a file name with `success`, is
 * accepted; the fail sample, or a name with `fail`, is rejected; anything else waits for the test
 * double's review. The sample's bytes win over its name; `success` wins over `fail` in a name.
 */
export function reviewOnUpload(digest: string, fileName: string | undefined): DocumentVerificationStatus {
  if (digest === SUCCESS_SAMPLE_DIGEST) return 'accepted'
  if (digest === FAIL_SAMPLE_DIGEST) return 'rejected'
  const name = fileName?.toLowerCase() ?? ''
  if (name.includes('success')) return 'accepted'
  if (name.includes('fail')) return 'rejected'
  return 'pending'
}
