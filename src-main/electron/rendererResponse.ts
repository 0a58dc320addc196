import { readFile } from 'node:fs/promises'
import { contentSecurityPolicy } from '../services/security/contentSecurityPolicy'
import { appHost } from '../services/security/appOrigin'
import { rendererContentType, resolveRendererPath } from '../services/security/rendererPath'

/**
 * The answer to one `app://cubeta/...` request
 *
 * Every response, a 404 included, carries the CSP and `nosniff`, so no page the app
 * shows can run inline or remote script. Only our own host is served. No electron
 * import: the protocol handler in appProtocol.ts is a one-line adapter over this, and
 * tests call it directly.
 */
export async function answerRendererRequest(rendererDir: string, requestUrl: string): Promise<Response> {
  const url = new URL(requestUrl)
  if (url.hostname.toLowerCase() !== appHost) return notFound()
  const file = resolveRendererPath(rendererDir, url.pathname)
  if (file === null) return notFound()
  let body: Buffer
  try {
    body = await readFile(file)
  } catch {
    return notFound()
  }
  return new Response(new Uint8Array(body), {
    status: 200,
    headers: { ...securityHeaders(), 'Content-Type': rendererContentType(file) },
  })
}

export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
  }
}

function notFound(): Response {
  return new Response('Not found', {
    status: 404,
    headers: { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' },
  })
}
