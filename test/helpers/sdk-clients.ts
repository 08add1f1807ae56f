import dwolla from 'dwolla-v2'
import { Dwolla } from 'dwolla'

/** dwolla-v2 has no base-URL option: apiUrl and tokenUrl are plain properties it reads per call. */
export function dwollaV2For(url: string, key = 'key', secret = 'secret') {
  const client = new dwolla.Client({ key, secret, environment: 'sandbox' }) as dwolla.Client & { apiUrl: string; tokenUrl: string }
  client.apiUrl = url
  client.tokenUrl = `${url}/token`
  return client
}

/** The `dwolla` SDK takes a serverURL and resolves /token against its root. */
export function dwollaSdkFor(url: string, clientID = 'key', clientSecret = 'secret'): Dwolla {
  return new Dwolla({ serverURL: url, security: { clientID, clientSecret } })
}
