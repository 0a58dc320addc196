import { describe, expect, it, vi } from 'vitest'
import { hardenWebContents, type HardenableContents } from '../../src-main/electron/windowHardening'

/**
 * The hardening handlers, driven through fakes
 *
 * The fake web contents and session record whatever handler is registered; the tests
 * then fire them the way Electron would and check that each one denies.
 */
type Listener = (event: { url?: string; preventDefault(): void }, ...rest: unknown[]) => void

function fakeContents() {
  const listeners = new Map<string, Listener>()
  const registered: {
    windowOpen?: (details: { url: string }) => { action: string }
    permissionRequest?: (contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void
    permissionCheck?: (contents: unknown, permission: string, origin: string, details: unknown) => boolean
  } = {}
  const contents = {
    on(name: string, listener: Listener) {
      listeners.set(name, listener)
      return contents
    },
    setWindowOpenHandler(handler: NonNullable<typeof registered.windowOpen>) {
      registered.windowOpen = handler
    },
    session: {
      setPermissionRequestHandler(handler: typeof registered.permissionRequest) {
        registered.permissionRequest = handler
      },
      setPermissionCheckHandler(handler: typeof registered.permissionCheck) {
        registered.permissionCheck = handler
      },
    },
  }
  const fire = (name: string, url?: string) => {
    const event = { url, preventDefault: vi.fn() }
    const listener = listeners.get(name)
    if (!listener) throw new Error(`no ${name} listener`)
    listener(event, url)
    return event.preventDefault.mock.calls.length > 0
  }
  return { contents: contents as unknown as HardenableContents, registered, fire }
}

function hardened() {
  const fake = fakeContents()
  const openExternal = vi.fn(async (_url: string) => undefined)
  hardenWebContents(fake.contents, { openExternal, log: () => undefined })
  return { ...fake, openExternal }
}

describe('hardenWebContents', () => {
  it('prevents navigation away from app://cubeta', () => {
    const { fire } = hardened()
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://other/index.html', 'http://127.0.0.1:9/', 'javascript:alert(1)']) {
      expect(fire('will-navigate', url), url).toBe(true)
      expect(fire('will-frame-navigate', url), url).toBe(true)
      expect(fire('will-redirect', url), url).toBe(true)
    }
  })

  it('lets the app navigate within its own origin (a reload)', () => {
    const { fire } = hardened()
    expect(fire('will-navigate', 'app://cubeta/index.html')).toBe(false)
    expect(fire('will-redirect', 'app://cubeta/index.html')).toBe(false)
  })

  it('denies every window.open, and sends only safe https links to the browser', async () => {
    const { registered, openExternal } = hardened()
    expect(registered.windowOpen?.({ url: 'https://docs.aws.amazon.com/s3/' })).toEqual({ action: 'deny' })
    expect(openExternal).toHaveBeenCalledWith('https://docs.aws.amazon.com/s3/')
    for (const url of ['file:///etc/passwd', 'http://example.com/', 'smb://host/share', 'https://user:pw@example.com/', 'app://cubeta/index.html']) {
      expect(registered.windowOpen?.({ url })).toEqual({ action: 'deny' })
    }
    expect(openExternal).toHaveBeenCalledTimes(1)
  })

  it('survives a failing openExternal', async () => {
    const { registered, openExternal } = hardened()
    openExternal.mockRejectedValueOnce(new Error('no browser'))
    expect(registered.windowOpen?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' })
    await new Promise((resolve) => setTimeout(resolve, 0))
  })

  it('prevents attaching a <webview>', () => {
    const { fire } = hardened()
    expect(fire('will-attach-webview')).toBe(true)
  })

  it('denies every permission request and check', () => {
    const { registered } = hardened()
    for (const permission of ['media', 'notifications', 'clipboard-read', 'geolocation', 'openExternal', 'unknown']) {
      const callback = vi.fn()
      registered.permissionRequest?.(null, permission, callback, {})
      expect(callback).toHaveBeenCalledExactlyOnceWith(false)
      expect(registered.permissionCheck?.(null, permission, 'app://cubeta', {})).toBe(false)
    }
  })
})
