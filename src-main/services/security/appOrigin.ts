/**
 * Where the app's own pages live
 *
 * The renderer is served from `app://cubeta/`, never from `file://` (Electron's security
 * checklist, item 18). Navigation, IPC senders and the protocol handler all ask this one
 * file what counts as "ours". Node's URL gives custom schemes an opaque origin ("null"),
 * so the check compares scheme and host instead of `URL.origin`; and, unlike Chromium, it
 * leaves such hosts in their original case, so the host is compared case-insensitively.
 */
export const appScheme = 'app'
export const appHost = 'cubeta'
export const appOrigin = `${appScheme}://${appHost}`
export const appEntryUrl = `${appOrigin}/index.html`

/** True only for `app://cubeta/...`: no other host, no credentials, no port. */
export function isAppUrl(url: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  return (
    parsed.protocol === `${appScheme}:` &&
    parsed.hostname.toLowerCase() === appHost &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  )
}
