/**
 * The known name closest to a mistyped one, for "did you mean" hints: the smallest edit
 * distance (insertions, deletions, substitutions, and swaps of two neighbours, compared without
 * case), if it is small enough to be a likely typo. Undefined when nothing is close.
 */
export function closestName(given: string, known: readonly string[]): string | undefined {
  const typed = given.toLowerCase()
  let best: { name: string; distance: number } | undefined
  for (const name of known) {
    const distance = editDistance(typed, name.toLowerCase())
    if (best === undefined || distance < best.distance) best = { name, distance }
  }
  // A third of the name's length, at least 2: "aplications" → applications, not "x" → now.
  const tolerance = Math.max(2, Math.floor(typed.length / 3))
  return best !== undefined && best.distance <= tolerance ? best.name : undefined
}

/** Optimal string alignment distance: Levenshtein plus transposition of adjacent characters. */
function editDistance(a: string, b: string): number {
  const rows = a.length + 1
  const cols = b.length + 1
  const d = new Array<number>(rows * cols).fill(0)
  for (let i = 0; i < rows; i++) d[i * cols] = i
  for (let j = 0; j < cols; j++) d[j] = j
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let value = Math.min((d[(i - 1) * cols + j] as number) + 1, (d[i * cols + j - 1] as number) + 1, (d[(i - 1) * cols + j - 1] as number) + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (d[(i - 2) * cols + j - 2] as number) + 1)
      d[i * cols + j] = value
    }
  }
  return d[rows * cols - 1] as number
}
