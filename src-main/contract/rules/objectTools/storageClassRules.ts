/* Pure and dependency-free: storage classes, which of them need a restore, and the restore state. */

/** The classes a copy may choose (REDUCED_REDUNDANCY is retired; OUTPOSTS and EXPRESS_ONEZONE need their own buckets). */
export const storageClasses = ['STANDARD', 'INTELLIGENT_TIERING', 'STANDARD_IA', 'ONEZONE_IA', 'GLACIER_IR', 'GLACIER', 'DEEP_ARCHIVE'] as const
export type StorageClass = (typeof storageClasses)[number]

export const restoreTiers = ['Expedited', 'Standard', 'Bulk'] as const
export type RestoreTier = (typeof restoreTiers)[number]

/** A restored copy stays this many days at most in Cubeta's form (S3 itself sets no small limit). */
export const maxRestoreDays = 365

/** Archived classes keep bytes offline: reading or copying them needs a restore first. GLACIER_IR is online. */
export function isArchived(storageClass: string | null | undefined): boolean {
  return storageClass === 'GLACIER' || storageClass === 'DEEP_ARCHIVE'
}

/** The restore tiers S3 accepts for a class: Deep Archive has no Expedited; online classes none. */
export function restoreTiersFor(storageClass: string | null | undefined): RestoreTier[] {
  if (storageClass === 'GLACIER') return ['Expedited', 'Standard', 'Bulk']
  if (storageClass === 'DEEP_ARCHIVE') return ['Standard', 'Bulk']
  return []
}

export type RestoreState = { state: 'in-progress' } | { state: 'ready'; until: string | null }

/**
 * HeadObject's `x-amz-restore`: `ongoing-request="true"` while it runs, then
 * `ongoing-request="false", expiry-date="Fri, 21 Dec 2012 00:00:00 GMT"`. Null when
 * no restore was asked for (or the header says nothing Cubeta can read).
 */
export function parseRestoreHeader(header: string | null | undefined): RestoreState | null {
  if (!header) return null
  const ongoing = /ongoing-request\s*=\s*"(true|false)"/i.exec(header)
  if (!ongoing) return null
  if (ongoing[1]!.toLowerCase() === 'true') return { state: 'in-progress' }
  const expiry = /expiry-date\s*=\s*"([^"]*)"/i.exec(header)
  const time = expiry ? Date.parse(expiry[1]!) : Number.NaN
  return { state: 'ready', until: Number.isNaN(time) ? null : new Date(time).toISOString() }
}
