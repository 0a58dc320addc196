import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { rendererContentType, resolveRendererPath } from '../../src-main/services/security/rendererPath'

/** URL paths map into the renderer folder, and nothing can climb out of it. */
const root = resolve('/app/out/renderer')

describe('resolveRendererPath', () => {
  it('maps the root to index.html and paths to files inside the folder', () => {
    expect(resolveRendererPath(root, '/')).toBe(join(root, 'index.html'))
    expect(resolveRendererPath(root, '')).toBe(join(root, 'index.html'))
    expect(resolveRendererPath(root, '/index.html')).toBe(join(root, 'index.html'))
    expect(resolveRendererPath(root, '/assets/index-Ab12.js')).toBe(join(root, 'assets', 'index-Ab12.js'))
    expect(resolveRendererPath(root, '/assets/my%20font.woff2')).toBe(join(root, 'assets', 'my font.woff2'))
  })

  it.each([
    ['a parent segment', '/../main/index.js'],
    ['a nested parent segment', '/assets/../../main/index.js'],
    ['an encoded parent', '/%2e%2e/main/index.js'],
    ['an upper-case encoded parent', '/%2E%2E/%2E%2E/etc/passwd'],
    ['an encoded slash', '/..%2fmain%2findex.js'],
    ['a backslash parent', '/..\\main\\index.js'],
    ['an encoded backslash parent', '/..%5cmain%5cindex.js'],
    ['a drive letter', '/C:/Windows/win.ini'],
    ['an encoded drive letter', '/C%3A%5CWindows%5Cwin.ini'],
    ['a NUL byte', '/index.html%00.png'],
    ['a broken escape', '/%E0%A4%A'],
  ])('refuses %s', (_label, path) => {
    expect(resolveRendererPath(root, path)).toBeNull()
  })

  it('keeps absolute-looking paths inside the folder', () => {
    expect(resolveRendererPath(root, '//etc/passwd')).toBe(join(root, 'etc', 'passwd'))
    expect(resolveRendererPath(root, '/%2Fetc%2Fpasswd')).toBe(join(root, 'etc', 'passwd'))
  })
})

describe('rendererContentType', () => {
  it('names the types the renderer build produces, and falls back to inert bytes', () => {
    expect(rendererContentType('/x/index.html')).toBe('text/html; charset=utf-8')
    expect(rendererContentType('/x/a.JS')).toBe('text/javascript; charset=utf-8')
    expect(rendererContentType('/x/a.css')).toBe('text/css; charset=utf-8')
    expect(rendererContentType('/x/a.exe')).toBe('application/octet-stream')
  })
})
