/** The reserved prefix of the test double's routes: Dwolla has no path starting with `__`, so nothing can collide. */
export const ADMIN_PREFIX = '/__mock'

/** Whether a request URL is under the admin prefix (the request pipeline answers those as the mock's own, not Dwolla's). */
export function isAdminPath(url: string): boolean {
  return url.startsWith(ADMIN_PREFIX) && (url.length === ADMIN_PREFIX.length || '/?'.includes(url.charAt(ADMIN_PREFIX.length)))
}
