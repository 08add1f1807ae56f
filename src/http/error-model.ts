/** Which error dialect a route speaks: Dwolla's `{code, message}` or OAuth's `{error}`. */
export type ErrorModel = 'dwolla' | 'oauth'
