/** The error a promise rejects with; fails (throws) if it resolves instead. */
export async function rejectionOf<E = unknown>(promise: Promise<unknown>): Promise<E> {
  try {
    await promise
  } catch (error) {
    return error as E
  }
  throw new Error('expected a rejection, but the promise resolved')
}
