/** One object as the index keeps it: what a recursive listing says, nothing more. */
export interface IndexedObject {
  key: string
  size: number
  /** Without the quotes S3 puts around it; null when the store sent none. */
  etag: string | null
  /** Milliseconds since the epoch, or null. */
  modified: number | null
  /** Null for STANDARD, which is almost every object, to keep the file small. */
  storageClass: string | null
}

/**
 * Keys as search compares them when case doesn't matter: accents and case folded, the
 * same way the folder's Filter box folds names, so "nino" finds "Niño".
 */
export function foldKey(key: string): string {
  // Most keys are ASCII, which is its own NFD, has no marks and lower-cases the same in
  // every locale: the full fold, on every key of a listing, cost more than the index writes.
  if (ascii.test(key)) return key.toLowerCase()
  return key.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('und')
}

// eslint-disable-next-line no-control-regex
const ascii = /^[\u0000-\u007f]*$/
