/**
 * The renderer's Content Security Policy
 *
 * One policy for both shells: the Electron protocol handler and the browser-mode server
 * send it as a header. No inline script, no eval, no remote code; the page may talk only
 * to its own origin. Do not loosen it without reading Electron's security checklist.
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ')
