import type { CacheRule } from '../../contract/bridge'
import { compileGlob } from '../search/globPattern'

/** A hashed static name (app.3f9a2c.css, main.3f9a2c1b4d5e.js) never changes: cache it for a year. */
export const defaultCacheRules: CacheRule[] = [{ pattern: '*.{hash}.*', cacheControl: 'public, max-age=31536000, immutable' }]

/**
 * Cache-Control for one file of a sync: the first rule whose glob matches wins; a
 * pattern without "/" is matched against the name, one with "/" against the path below
 * the synced folder. Null when no rule matches (S3 then sends none).
 */
export function cacheControlFor(path: string, rules: readonly CacheRule[]): string | null {
  const name = path.slice(path.lastIndexOf('/') + 1)
  for (const rule of rules) {
    const glob = compileGlob(rule.pattern)
    if (glob.regexp.test(glob.matchesPaths ? path : name)) return rule.cacheControl
  }
  return null
}
