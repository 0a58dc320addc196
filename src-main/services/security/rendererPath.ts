import { extname, isAbsolute, relative, resolve } from 'node:path'

/**
 * Which file a request for the renderer may read
 *
 * The `app://cubeta/` protocol maps URL paths onto the built renderer folder. Anything
 * that could escape that folder is refused: `..` segments (also percent-encoded), NUL
 * bytes, absolute or drive-letter paths, undecodable escapes. Pure (string work only,
 * no file system), so every case is unit-tested.
 */
export function resolveRendererPath(rendererDir: string, urlPathname: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPathname)
  } catch {
    return null
  }
  if (decoded.includes('\0')) return null
  const segments = decoded.split(/[\\/]+/).filter((segment) => segment !== '')
  if (segments.some((segment) => segment === '..' || segment.includes(':'))) return null

  const root = resolve(rendererDir)
  const file = segments.length === 0 ? resolve(root, 'index.html') : resolve(root, ...segments)
  const inside = relative(root, file)
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null
  return file
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
}

/** Served with `nosniff`, so an unknown type is sent as inert bytes, never guessed. */
export function rendererContentType(file: string): string {
  return contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream'
}
