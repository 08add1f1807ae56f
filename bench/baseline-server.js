// The baseline as a process, started the same way as the mock's CLI and printing the same ready line.
import { buildBaseline } from './baseline-app.js'

const app = await buildBaseline()
await app.listen({ host: '127.0.0.1', port: 0 })
process.stdout.write(`MOCK_DWOLLA_URL=http://127.0.0.1:${app.server.address().port}\n`)
const stop = () => app.close().then(() => process.exit(0))
process.once('SIGTERM', stop)
process.once('SIGINT', stop)
