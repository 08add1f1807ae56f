/**
 * What HTTP allows in a header, as Node's http module enforces it when a response is written:
 * a name is a token (RFC 9110 §5.1, §5.6.2), a value holds no control characters but tab
 * (§5.5) and, in Node, nothing past U+00FF. Checked when a fixture rule is loaded, so a rule
 * can never make a response fail half-written.
 */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/
const FIELD_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/

export function headerNameProblem(name: string): string | undefined {
  return TOKEN.test(name) ? undefined : "not a valid header name (letters, digits and !#$%&'*+-.^_`|~ only)"
}

export function headerValueProblem(value: string): string | undefined {
  return FIELD_VALUE.test(value) ? undefined : 'a header value cannot hold control characters (CR, LF, NUL…) or characters past U+00FF'
}
