/* Pure and dependency-free: storage classes, which of them need a restore, and the restore state. */

/** The classes a copy may choose (REDUCED_REDUNDANCY is retired; OUTPOSTS and EXPRESS_ONEZONE need their own buckets). */
export const storageClasses = ['STANDARD', 'INTELLIGENT_TIERING', 'STANDARD_IA', 'ONEZONE_IA', 'GLACIER_IR', 'GLACIER', 'DEEP_ARCHIVE'] as const
export type StorageClass = (typeof storageClasses)[number]

export const restoreTiers = ['Expedited', 'Standard', 'Bulk'] as const
export type RestoreTier = (typeof restoreTiers)[number]

/** A restored copy stays this many days at most in Cubeta's form (S3 itself sets no small limit). */
export const maxRestoreDays = 365

/** An Intelligent-Tiering object's tier when its bytes are offline (HeadObject's x-amz-archive-status). */
export const archiveTiers = ['ARCHIVE_ACCESS', 'DEEP_ARCHIVE_ACCESS'] as const
export type ArchiveTier = (typeof archiveTiers)[number]

/**
 * Where an object's bytes are offline, if they are: the Glacier Flexible Retrieval or Deep
 * Archive class, or one of Intelligent-Tiering's archive tiers. GLACIER_IR is online.
 */
export type Archive = 'GLACIER' | 'DEEP_ARCHIVE' | ArchiveTier

export function archiveOf(storageClass: string | null | undefined, archiveStatus?: string | null): Archive | null {
  if (storageClass === 'GLACIER' || storageClass === 'DEEP_ARCHIVE') return storageClass
  if (storageClass === 'INTELLIGENT_TIERING' && (archiveTiers as readonly string[]).includes(archiveStatus ?? '')) return archiveStatus as ArchiveTier
  return null
}

/** Archived bytes are offline: reading or copying them needs a restore first. */
export function isArchived(storageClass: string | null | undefined, archiveStatus?: string | null): boolean {
  return archiveOf(storageClass, archiveStatus) !== null
}

/** The restore tiers S3 accepts: the deep archives have no Expedited; online objects none. */
export function restoreTiersFor(storageClass: string | null | undefined, archiveStatus?: string | null): RestoreTier[] {
  const archive = archiveOf(storageClass, archiveStatus)
  if (archive === 'GLACIER' || archive === 'ARCHIVE_ACCESS') return ['Expedited', 'Standard', 'Bulk']
  if (archive === 'DEEP_ARCHIVE' || archive === 'DEEP_ARCHIVE_ACCESS') return ['Standard', 'Bulk']
  return []
}

/**
 * A Glacier restore is a temporary copy for some days; an Intelligent-Tiering restore
 * moves the object back to its Frequent Access tier for good, and S3 refuses a request
 * for it that names days.
 */
export function restoreTakesDays(storageClass: string | null | undefined, archiveStatus?: string | null): boolean {
  const archive = archiveOf(storageClass, archiveStatus)
  return archive === 'GLACIER' || archive === 'DEEP_ARCHIVE'
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
