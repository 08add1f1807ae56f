import multipart from '@fastify/multipart'
import type { FastifyInstance } from 'fastify'
import type { OperationEntry } from './operation-table.js'

/** The media type of Dwolla's document uploads (documents/create-document-for-customer.mdx). */
export const MULTIPART_MEDIA_TYPE = 'multipart/form-data'

/** "Document requests are limited to 10 MiB" (create-document-for-customer.mdx): the file part's bound. */
export const UPLOAD_FILE_LIMIT = 10 * 1024 * 1024

/** The operations whose document lists multipart bodies: only their routes read multipart. */
export function takesMultipart(operation: OperationEntry): boolean {
  return operation.mediaTypes.includes(MULTIPART_MEDIA_TYPE)
}

/**
 * Registers @fastify/multipart in the (encapsulated) context of the upload routes only, bounded
 * so that no request can make it hold more than one file part's chunk and a few short fields: one
 * file of at most 10 MiB (streamed by the handler, never buffered), at most 8 fields of 1 KiB,
 * 10 parts in all, 20 header lines a part. Its content-type parser only marks the request: the
 * handler reads the parts as they stream (`request.parts()`).
 */
export async function registerMultipart(uploads: FastifyInstance): Promise<void> {
  await uploads.register(multipart, {
    limits: { fieldNameSize: 100, fieldSize: 1024, fields: 8, fileSize: UPLOAD_FILE_LIMIT, files: 1, parts: 10, headerPairs: 20 },
    throwFileSizeLimit: true,
    // Busboy takes a part without a file name for a field (held in memory, cut at fieldSize) unless
    // it is application/octet-stream; the part named `file` is a file however it is sent.
    isPartAFile: (fieldName, contentType, fileName) => fieldName === 'file' || contentType === 'application/octet-stream' || fileName !== undefined,
  })
}
