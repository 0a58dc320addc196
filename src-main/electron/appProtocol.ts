import { protocol } from 'electron'
import { appScheme } from '../services/security/appOrigin'
import { answerRendererRequest } from './rendererResponse'

/**
 * The `app://cubeta/` protocol that serves the built renderer
 *
 * A custom standard, secure scheme instead of `file://` (Electron's security checklist,
 * item 18): the page gets a real origin, file URLs can't reach the rest of the disk, and
 * every response carries our CSP header.
 */

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ])
}

/** Run once the app is ready; `rendererDir` is the built `out/renderer` folder. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(appScheme, (request) => answerRendererRequest(rendererDir, request.url))
}
