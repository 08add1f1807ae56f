/** JSON pointers (RFC 6901), as fixture rules, fixture-file messages and validation errors use them. */

/** The decoded reference tokens of a pointer: `/_links/a~1b` → `['_links', 'a/b']`; `''` → `[]`. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return []
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'))
}

/** The pointer to a property of what `pointer` points at. */
export function childPointer(pointer: string, property: string): string {
  return `${pointer}/${property.replaceAll('~', '~0').replaceAll('/', '~1')}`
}
