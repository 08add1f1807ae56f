import { createHash } from 'node:crypto'
import type { FastifyRequest } from 'fastify'
import { DwollaError } from '../../errors.js'
import { SNIFF_BYTES } from './file-kind.js'

/** The file part of an upload, as it streamed by: never its bytes, only what is needed of them. */
export interface UploadedFile {
  /** SHA-256 of the bytes, hex. */
  digest: string
  size: number
  /** The first bytes, which tell what the file is. */
  head: Buffer
  /** The part's file name, if it had one. */
  fileName: string | undefined
}

/** What a multipart upload held: the `documentType` field and the `file` part, each if present. */
export interface Upload {
  documentType: string | undefined
  file: UploadedFile | undefined
}

/**
 * Reads a `multipart/form-data` upload as it streams (@fastify/multipart, bounded in
 * http/multipart.ts): the `file` part is hashed chunk by chunk, so memory holds one chunk
 * whatever its size. Other parts are read and dropped. A file over 10 MiB is Dwolla's
 * `413 fileTooLarge`; malformed multipart (no boundary, a part cut short, too many parts or
 * fields, a field too long) is `400 BadRequest` ("The request body contains bad syntax or is
 * incomplete.", as dwolla-v2-csharp#16 quotes it for a bad upload).
 */
export async function readUpload(request: FastifyRequest): Promise<Upload> {
  const upload: Upload = { documentType: undefined, file: undefined }
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        if (part.valueTruncated || part.fieldnameTruncated) throw new DwollaError('BadRequest')
        if (part.fieldname === 'documentType' && typeof part.value === 'string') upload.documentType = part.value
        continue
      }
      const read = await digestOf(part.file)
      if (part.file.truncated) throw new DwollaError('fileTooLarge')
      if (part.fieldname === 'file') upload.file = { ...read, fileName: part.filename === '' ? undefined : part.filename }
    }
  } catch (error) {
    if (error instanceof DwollaError) throw error
    const code = (error as { code?: unknown }).code
    throw new DwollaError(code === 'FST_REQ_FILE_TOO_LARGE' ? 'fileTooLarge' : 'BadRequest')
  }
  return upload
}

async function digestOf(stream: AsyncIterable<Buffer>): Promise<Omit<UploadedFile, 'fileName'>> {
  const hash = createHash('sha256')
  let size = 0
  let head = Buffer.alloc(0)
  for await (const chunk of stream) {
    hash.update(chunk)
    if (head.length < SNIFF_BYTES) head = Buffer.concat([head, chunk.subarray(0, SNIFF_BYTES - head.length)])
    size += chunk.length
  }
  return { digest: hash.digest('hex'), size, head }
}
