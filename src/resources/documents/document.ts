/**
 * A verification document as mock-dwolla keeps it: its metadata and the SHA-256 digest of its
 * bytes, never the bytes themselves. Fields and enums follow Dwolla's document resource
 * (documents/retrieve.mdx) and the `dwolla` SDK's schema (src/models/document.ts).
 */

export const DOCUMENT_TYPES = ['passport', 'license', 'idCard', 'other'] as const
export type DocumentType = (typeof DOCUMENT_TYPES)[number]

export const VERIFICATION_STATUSES = ['pending', 'accepted', 'rejected'] as const
export type DocumentVerificationStatus = (typeof VERIFICATION_STATUSES)[number]

/** Whose identity the document proves: a customer (or its business), or a beneficial owner. */
export type DocumentHolder = 'customer' | 'beneficial-owner'

export interface VerificationDocument {
  /** A lowercase UUID. */
  id: string
  holder: DocumentHolder
  /** The customer's or the owner's id. */
  holderId: string
  /** The customer concerned: the holder, or the owner's business (events and client tokens name it). */
  customerId: string
  type: DocumentType
  /** `pending` until reviewed; `documentVerificationStatus` says how. */
  verification: DocumentVerificationStatus
  /** A failure reason code of FAILURE_REASONS, once rejected. */
  failureReason?: string
  /** SHA-256 of the file's bytes, hex: how a second upload of the same file is known. */
  digest: string
  /** When it was uploaded, in milliseconds by the mock's clock. */
  created: number
}

/**
 * Dwolla's document failure reasons and their descriptions (personal and business
 * handle-verification-statuses.mdx).
 */
export const FAILURE_REASONS: Readonly<Record<string, string>> = {
  ScanNotReadable: 'Image blurry, too dark, or obscured by glare',
  ScanNotUploaded: 'Image not uploaded',
  ScanIdExpired: 'ID is expired',
  ScanIdTypeNotSupported: 'ID type is not supported',
  ScanIdUnrecognized: 'ID is unrecognized',
  ScanFailedOther: 'ID may be fraudulent or a generic example ID image',
  ScanNameMismatch: 'Name mismatch with name on the ID',
  ScanDobMismatch: 'Scan DOB does not match DOB on account',
  ForeignPassportNotAllowed: 'Foreign passports are not allowed',
  BusinessDocNotSupported: 'Business document is not supported',
  BusinessNameMismatch: 'Business name mismatch with name on the document',
  BusinessTypeMismatch: 'Business type mismatch with type on the document',
}
