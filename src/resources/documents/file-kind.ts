/** What a file really is, by its first bytes: the kinds Dwolla accepts, or something else. */
export type FileKind = 'png' | 'jpeg' | 'pdf' | 'other'

/** The bytes read from a file's start to tell its kind. */
export const SNIFF_BYTES = 8

/** PNG, JPEG and PDF by their signatures (PNG 89 50 4E 47 0D 0A 1A 0A, JPEG FF D8 FF, PDF %PDF). */
export function kindOf(head: Buffer): FileKind {
  if (head.length >= 8 && head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png'
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg'
  if (head.length >= 4 && head.subarray(0, 4).toString('latin1') === '%PDF') return 'pdf'
  return 'other'
}

const KIND_BY_EXTENSION: Readonly<Record<string, FileKind>> = { png: 'png', jpg: 'jpeg', jpeg: 'jpeg', pdf: 'pdf' }

/**
 * Whether Dwolla takes this file for this document (create-document-for-customer.mdx): colour
 * images (.jpg, .jpeg, .png) for IDs, and a .pdf too for a business's `other` documents; owners
 * send images only. The bytes decide what the file is; a file name with another extension than
 * its bytes (a text file named `id.png`) is refused too. `pdfAllowed`: a business's `other` document. A part without a file name (dwolla-v2's
 * form-data without one) is judged by its bytes alone.
 */
export function fileTypeAccepted(head: Buffer, fileName: string | undefined, pdfAllowed: boolean): boolean {
  const kind = kindOf(head)
  if (kind === 'other') return false
  const extension = fileName?.includes('.') === true ? fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase() : undefined
  if (extension !== undefined && KIND_BY_EXTENSION[extension] !== kind) return false
  return kind !== 'pdf' || pdfAllowed
}
