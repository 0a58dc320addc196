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
  return key.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('und')
}
