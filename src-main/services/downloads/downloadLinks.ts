import { randomBytes } from 'node:crypto'
import type { ObjectRef } from '../../contract/bridge'

/** An object, or one version of it (versions/download). */
export type DownloadRef = ObjectRef & { versionId?: string }

/**
 * One-time download links for browser mode
 *
 * The page can't stream a download through a JSON call, so it gets a short-lived,
 * single-use token that the local server exchanges for the object's bytes.
 */
export function createDownloadLinks(lifetimeMs = 60_000) {
  const links = new Map<string, { ref: DownloadRef; expires: number }>()
  return {
    create(ref: DownloadRef): string {
      const token = randomBytes(18).toString('base64url')
      links.set(token, { ref, expires: Date.now() + lifetimeMs })
      return `/api/download/${token}`
    },
    take(token: string): DownloadRef | null {
      const link = links.get(token)
      links.delete(token)
      return link && link.expires > Date.now() ? link.ref : null
    },
  }
}

export type DownloadLinks = ReturnType<typeof createDownloadLinks>
