/** A fresh access token for `application` (any secret: the CLI lists no applications) from a server under test. */
export async function tokenFor(url: string, application: string): Promise<string> {
  const response = await fetch(`${url}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: `client_id=${application}&client_secret=s&grant_type=client_credentials`,
  })
  return ((await response.json()) as { access_token: string }).access_token
}

/**
 * Runs `action` back to back on `connections` connections at once until the server stops
 * answering (a request that throws: the process was killed). An error whose message starts with
 * "unexpected" is a wrong answer from a live server, and rejects instead.
 */
export async function untilKilled(connections: number, action: () => Promise<void>): Promise<void> {
  const worker = async (): Promise<void> => {
    for (;;) {
      try {
        await action()
      } catch (error) {
        if ((error as Error).message.startsWith('unexpected')) throw error
        return // the server is gone
      }
    }
  }
  await Promise.all(Array.from({ length: connections }, () => worker()))
}
