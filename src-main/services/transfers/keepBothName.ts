/**
 * "Keep both": the n-th free variant of a key, as desktop file managers name it
 *
 * `fotos/gato.png` → `fotos/gato (1).png`; a name without an extension, or a dotfile,
 * gets the number at the end. Only the last path segment changes.
 */
export function keepBothName(key: string, n: number): string {
  const slash = key.lastIndexOf('/')
  const folder = key.slice(0, slash + 1)
  const name = key.slice(slash + 1)
  const dot = name.lastIndexOf('.')
  if (dot <= 0) return `${folder}${name} (${n})`
  return `${folder}${name.slice(0, dot)} (${n})${name.slice(dot)}`
}
