import { request } from 'node:http'
import { connect } from 'node:net'
import { Readable } from 'node:stream'
import t from 'tap'
import { DWOLLA_ERRORS, DWOLLA_MEDIA_TYPE, start } from '../../src/index.js'
import { PERSONAL } from '../customers/fields.js'
import { SEEDED } from '../helpers/customers.js'
import { MiB } from '../helpers/heap.js'
import { accessTokenFor, mockFor } from '../helpers/mock.js'
import { multipart, pngOf } from '../helpers/verification.js'

const error = (code: keyof typeof DWOLLA_ERRORS) => ({ code, message: DWOLLA_ERRORS[code].message })
const PATH = `/customers/${SEEDED.personalDocument}/documents`

t.test("bad multipart: each a 4xx in Dwolla's shape, never a document", async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const send = (contentType: string, payload: Buffer | string) =>
    app.inject({ method: 'POST', url: PATH, headers: { authorization: `Bearer ${token}`, accept: DWOLLA_MEDIA_TYPE, 'content-type': contentType }, payload })
  const many = multipart(Array.from({ length: 5000 }, (_, index) => ({ name: `f${index}`, value: 'x' })))
  const parts = await send(many.contentType, many.body)
  t.same([parts.statusCode, parts.json()], [400, error('BadRequest')], 'a huge part count')
  const noBoundary = await send('multipart/form-data', multipart([{ name: 'documentType', value: 'license' }]).body)
  t.same([noBoundary.statusCode, noBoundary.json()], [400, error('BadRequest')], 'a missing boundary')
  const { body, contentType } = multipart([
    { name: 'documentType', value: 'license' },
    { name: 'file', value: pngOf(), fileName: 'id.png', contentType: 'image/png' },
  ])
  const cut = await send(contentType, body.subarray(0, body.length - 40))
  t.same([cut.statusCode, cut.json()], [400, error('BadRequest')], 'a body cut short')
  const long = multipart([{ name: 'documentType', value: 'x'.repeat(5000) }])
  const longField = await send(long.contentType, long.body)
  t.same([longField.statusCode, longField.json()], [400, error('BadRequest')], 'a field past 1 KiB')
  const twoFiles = multipart([
    { name: 'documentType', value: 'license' },
    { name: 'file', value: pngOf(), fileName: 'a.png' },
    { name: 'file', value: pngOf(), fileName: 'b.png' },
  ])
  t.same((await send(twoFiles.contentType, twoFiles.body)).json(), error('BadRequest'), 'two files')
  const json = await app.inject({
    method: 'POST',
    url: PATH,
    headers: { authorization: `Bearer ${token}`, accept: DWOLLA_MEDIA_TYPE, 'content-type': 'application/json' },
    payload: JSON.stringify({ documentType: 'license', file: {} }),
  })
  t.same([json.statusCode, json.json()], [400, error('BadRequest')], 'JSON (dwolla-v2 without npm form-data): BadRequest')
  const exactly = multipart([
    { name: 'documentType', value: 'license' },
    { name: 'file', value: pngOf(10 * MiB), fileName: 'id.png' },
  ])
  t.equal((await send(exactly.contentType, exactly.body)).statusCode, 201, 'a file of exactly 10 MiB')
  const over = multipart([
    { name: 'documentType', value: 'license' },
    { name: 'file', value: pngOf(10 * MiB + 1), fileName: 'id.png' },
  ])
  const large = await send(over.contentType, over.body)
  t.same([large.statusCode, large.json()], [413, error('fileTooLarge')], 'one byte more: 413 fileTooLarge')
  const list = await app.inject({ method: 'GET', url: PATH, headers: { authorization: `Bearer ${token}`, accept: DWOLLA_MEDIA_TYPE } })
  t.equal(list.json().total, 1, 'only the good upload became a document')
})

t.test('a file streamed slowly is answered 408 RequestTimeout, and the server keeps serving', async (t) => {
  const server = await start({ requestTimeoutMs: 600, headersTimeoutMs: 300 })
  t.teardown(() => server.close())
  const token = await tokenOf(server.url)
  const { body, contentType } = multipart([
    { name: 'documentType', value: 'license' },
    { name: 'file', value: pngOf(2000), fileName: 'id.png' },
  ])
  const answer = await new Promise<string>((resolve) => {
    const socket = connect(server.port, '127.0.0.1')
    let received = ''
    let sent = 0
    const drip = setInterval(() => {
      if (sent < body.length && socket.writable) socket.write(body.subarray(sent, (sent += 10)))
    }, 50)
    socket.on('data', (chunk) => (received += chunk.toString('latin1')))
    socket.on('close', () => (clearInterval(drip), resolve(received)))
    socket.on('error', () => undefined)
    socket.write(
      `POST ${PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${token}\r\nAccept: ${DWOLLA_MEDIA_TYPE}\r\nContent-Type: ${contentType}\r\nContent-Length: ${body.length}\r\n\r\n`,
    )
  })
  t.match(answer, /^HTTP\/1\.1 408 /, '408')
  t.ok(answer.endsWith(JSON.stringify(error('RequestTimeout'))), "in Dwolla's shape")
  const after = await fetch(`${server.url}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'client_id=k&client_secret=s&grant_type=client_credentials',
  })
  t.equal(after.status, 200, 'the server keeps serving')
})

t.test('memory stays bounded while 20 uploads of 10 MiB stream at once', async (t) => {
  const server = await start()
  t.teardown(() => server.close())
  const token = await tokenOf(server.url)
  const used = () => {
    const { heapUsed, arrayBuffers } = process.memoryUsage()
    return heapUsed + arrayBuffers
  }
  const before = used()
  let peak = before
  const sampler = setInterval(() => (peak = Math.max(peak, used())), 5)
  const customers = await Promise.all(Array.from({ length: 20 }, (_, index) => documentCustomer(server.url, token, index)))
  const uploads = customers.map((customer) => streamedUpload(server.port, token, customer, 10 * MiB))
  const statuses = await Promise.all(uploads)
  clearInterval(sampler)
  t.same(new Set(statuses), new Set([201]), 'all 20 uploads became documents')
  const growth = peak - before
  // 200 MiB went through; a parser that buffered files would hold them all at once. Nothing is
  // collected on demand here, so the peak is what V8 lets pile up before it collects (2 to 51 MiB
  // measured on a loaded machine): the bound sits well under 200 MiB and well over that.
  t.ok(growth < 128 * MiB, `the heap and buffers grew by ${Math.round(growth / MiB)} MiB at most while 200 MiB streamed`)
})

async function tokenOf(url: string): Promise<string> {
  const response = await fetch(`${url}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'client_id=k&client_secret=s&grant_type=client_credentials',
  })
  return ((await response.json()) as { access_token: string }).access_token
}

/** A new personal customer in document, by its id. */
async function documentCustomer(url: string, token: string, index: number): Promise<string> {
  const response = await fetch(`${url}/customers`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, accept: DWOLLA_MEDIA_TYPE, 'content-type': 'application/json' },
    body: JSON.stringify({ ...PERSONAL, firstName: 'document', email: `memory-${index}@example.com` }),
  })
  return (response.headers.get('location') as string).split('/').pop() as string
}

/** One upload whose 10 MiB file is made as it is sent (the client holds one chunk at a time). */
function streamedUpload(port: number, token: string, customer: string, size: number): Promise<number> {
  const boundary = `----stream${Math.random().toString(16).slice(2)}`
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="documentType"\r\n\r\nlicense\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="id.png"\r\nContent-Type: image/png\r\n\r\n`,
  )
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`)
  const chunk = 64 * 1024
  async function* body(): AsyncGenerator<Buffer> {
    yield head
    yield pngOf(chunk)
    for (let sent = chunk; sent < size; sent += chunk) yield Buffer.alloc(Math.min(chunk, size - sent), sent % 251)
    yield tail
  }
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/customers/${customer}/documents`,
        headers: {
          authorization: `Bearer ${token}`,
          accept: DWOLLA_MEDIA_TYPE,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': head.length + size + tail.length,
        },
      },
      (response) => {
        response.resume()
        response.on('end', () => resolve(response.statusCode ?? 0))
      },
    )
    outgoing.on('error', reject)
    Readable.from(body()).pipe(outgoing)
  })
}
