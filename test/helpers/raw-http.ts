import { connect } from 'node:net'

export interface RawResponse {
  status: number
  headers: Record<string, string>
  body: string
  /** Everything received, as text. */
  raw: string
}

/**
 * Sends exactly these bytes over a fresh TCP connection and reads until the server closes it
 * (requests carry `Connection: close`) or a complete response with Content-Length has arrived.
 */
export function sendRaw(port: number, bytes: string | Buffer, timeoutMs = 5000): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    const chunks: Buffer[] = []
    const timer = setTimeout(() => {
      socket.destroy()
      reject(new Error(`no complete answer within ${timeoutMs} ms; got: ${Buffer.concat(chunks).toString('latin1').slice(0, 200)}`))
    }, timeoutMs)
    const finish = (): void => {
      clearTimeout(timer)
      socket.destroy()
      resolve(parseResponse(Buffer.concat(chunks)))
    }
    socket.on('data', (chunk) => {
      chunks.push(chunk)
      if (isComplete(Buffer.concat(chunks))) finish()
    })
    socket.on('end', finish)
    socket.on('error', (error) => {
      clearTimeout(timer)
      // A reset after a complete answer is the server closing a bad connection: still an answer.
      if (chunks.length > 0) resolve(parseResponse(Buffer.concat(chunks)))
      else reject(error)
    })
    socket.write(bytes)
  })
}

function isComplete(data: Buffer): boolean {
  const text = data.toString('latin1')
  const end = text.indexOf('\r\n\r\n')
  if (end === -1) return false
  const length = /\r\ncontent-length:\s*(\d+)/i.exec(text.slice(0, end))
  return length !== null && data.length >= end + 4 + Number(length[1])
}

function parseResponse(data: Buffer): RawResponse {
  const raw = data.toString('utf8')
  const end = raw.indexOf('\r\n\r\n')
  const head = end === -1 ? raw : raw.slice(0, end)
  const [statusLine = '', ...lines] = head.split('\r\n')
  const headers: Record<string, string> = {}
  for (const line of lines) {
    const colon = line.indexOf(':')
    if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim()
  }
  // The first response only: a server may answer a broken connection's leftover bytes as well.
  const rest = end === -1 ? Buffer.alloc(0) : data.subarray(Buffer.byteLength(raw.slice(0, end + 4)))
  const length = headers['content-length']
  const body = (length === undefined ? rest : rest.subarray(0, Number(length))).toString('utf8')
  return { status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0), headers, body, raw }
}

/** A complete HTTP/1.1 request with `Connection: close` and a correct Content-Length. */
export function rawRequest(method: string, path: string, headers: Record<string, string>, body = ''): Buffer {
  const payload = Buffer.from(body)
  const lines = [`${method} ${path} HTTP/1.1`, 'Host: 127.0.0.1', 'Connection: close', ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)]
  if (payload.length > 0 || method === 'POST') lines.push(`Content-Length: ${payload.length}`)
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), payload])
}

/**
 * A request whose body is sent with `Transfer-Encoding: chunked` in chunks of `chunkSize` bytes:
 * no Content-Length tells the server how large it is.
 */
export function chunkedRequest(method: string, path: string, headers: Record<string, string>, body: string, chunkSize = 1024): Buffer {
  const payload = Buffer.from(body)
  const lines = [
    `${method} ${path} HTTP/1.1`,
    'Host: 127.0.0.1',
    'Connection: close',
    'Transfer-Encoding: chunked',
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
  ]
  const parts = [Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1')]
  for (let offset = 0; offset < payload.length; offset += chunkSize) {
    const chunk = payload.subarray(offset, offset + chunkSize)
    parts.push(Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n'))
  }
  parts.push(Buffer.from('0\r\n\r\n'))
  return Buffer.concat(parts)
}
