/**
 * Folder paths as the user sees them
 *
 * S3 has no folders: a "folder" is a key prefix ending in "/". These helpers turn a
 * prefix into breadcrumbs and find its parent, without ever touching the network.
 */
export interface Crumb {
  /** What the crumb shows: the bucket's name, then one folder name each. */
  label: string
  /** The prefix the crumb opens; "" is the bucket's top. */
  prefix: string
}

/** "fotos/2024/" in bucket "media" → media › fotos › 2024. An empty segment ("a//b/", which S3 allows) is a crumb of its own. */
export function breadcrumbsFor(bucket: string, prefix: string): Crumb[] {
  const crumbs: Crumb[] = [{ label: bucket, prefix: '' }]
  let walked = ''
  for (const segment of folderSegments(prefix)) {
    walked += `${segment}/`
    crumbs.push({ label: segment, prefix: walked })
  }
  return crumbs
}

/** The prefix one level up, or null at the bucket's top. */
export function parentPrefix(prefix: string): string | null {
  if (prefix === '') return null
  const segments = folderSegments(prefix)
  segments.pop()
  return segments.length === 0 ? '' : `${segments.join('/')}/`
}

/** "a/b/" → ["a", "b"]; a prefix that does not end in "/" keeps its last part as a folder too. */
function folderSegments(prefix: string): string[] {
  if (prefix === '') return []
  const trimmed = prefix.endsWith('/') ? prefix.slice(0, -1) : prefix
  return trimmed.split('/')
}

/**
 * The crumbs a narrow path bar shows: all (level 0); the bucket, then the last two
 * folders (level 1); the bucket and the current folder (level 2). The rest are hidden
 * behind "…", in order. Paths too short to gain anything stay whole.
 */
export function elideCrumbs(crumbs: Crumb[], level: number): { shown: Crumb[]; hidden: Crumb[] } {
  const keep = level <= 0 ? crumbs.length : level === 1 ? 3 : 2
  if (crumbs.length <= keep) return { shown: crumbs, hidden: [] }
  const tail = keep - 1
  return { shown: [crumbs[0]!, ...crumbs.slice(crumbs.length - tail)], hidden: crumbs.slice(1, crumbs.length - tail) }
}
