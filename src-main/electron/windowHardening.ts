import type { Session, WebContents } from 'electron'
import { isAppUrl } from '../services/security/appOrigin'
import { isSafeExternalUrl } from '../services/security/externalLink'

/**
 * Deny-by-default handlers for every web contents and session
 *
 * SECURITY: do not loosen any of these without reading Electron's security checklist
 * (https://www.electronjs.org/docs/latest/tutorial/security), items 5, 12, 13 and 14.
 * - every permission request and check is denied (camera, notifications, clipboard...);
 * - the page may not navigate or be redirected away from `app://cubeta`;
 * - it may not open windows: a safe https link goes to the user's browser instead;
 * - it may not attach a <webview>.
 * Type-only electron import, and `openExternal` is injected, so tests drive these
 * handlers with fakes.
 */
export interface HardeningDeps {
  /** `shell.openExternal` in the app; only ever called with URLs that passed the check. */
  openExternal(url: string): Promise<void>
  log?(line: string): void
}

export type HardenableSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>

export type HardenableContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'> & { session: HardenableSession }

export function hardenSession(session: HardenableSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
}

export function hardenWebContents(contents: HardenableContents, deps: HardeningDeps): void {
  const log = deps.log ?? console.warn
  hardenSession(contents.session)

  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) {
      event.preventDefault()
      log(`[cubeta] blocked navigation to ${describe(event.url)}`)
    }
  })
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault()
  })
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())

  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) {
      deps.openExternal(url).catch(() => log(`[cubeta] could not open ${describe(url)} in the browser`))
    }
    return { action: 'deny' }
  })
}

/** Only the origin goes to the log: a URL's path or query may carry a presigned signature. */
function describe(url: string): string {
  try {
    const parsed = new URL(url)
    return `${parsed.protocol}//${parsed.host}`
  } catch {
    return 'an invalid URL'
  }
}
