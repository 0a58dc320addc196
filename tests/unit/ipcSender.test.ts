import { describe, expect, it } from 'vitest'
import { appEntryUrl, isAppUrl } from '../../src-main/services/security/appOrigin'
import { isTrustedSender, untrustedSenderError } from '../../src-main/services/security/ipcSender'

/** Only the main frame on app://cubeta may call the bridge. */
describe('isTrustedSender', () => {
  it('trusts the main frame on our own origin', () => {
    expect(isTrustedSender({ url: appEntryUrl, isMainFrame: true })).toBe(true)
    expect(isTrustedSender({ url: 'app://cubeta/index.html#/buckets', isMainFrame: true })).toBe(true)
  })

  it.each([
    ['a subframe', { url: appEntryUrl, isMainFrame: false }],
    ['a frame that is gone', { url: null, isMainFrame: true }],
    ['another host', { url: 'app://cubeta.evil/index.html', isMainFrame: true }],
    ['a port', { url: 'app://cubeta:8080/index.html', isMainFrame: true }],
    ['credentials', { url: 'app://x@cubeta/index.html', isMainFrame: true }],
    ['file', { url: 'file:///app/out/renderer/index.html', isMainFrame: true }],
    ['the web', { url: 'https://cubeta/index.html', isMainFrame: true }],
    ['the dev server', { url: 'http://localhost:5173/', isMainFrame: true }],
    ['about:blank', { url: 'about:blank', isMainFrame: true }],
    ['garbage', { url: 'not a url', isMainFrame: true }],
  ])('refuses %s', (_label, sender) => {
    expect(isTrustedSender(sender)).toBe(false)
  })

  it('refuses with a plain, stable error', () => {
    expect(untrustedSenderError.code).toBe('untrusted-sender')
    expect(untrustedSenderError.message).toMatch(/own window/)
    expect(untrustedSenderError.hint).not.toBe('')
  })
})

describe('isAppUrl', () => {
  it('is case-insensitive in scheme and host, as URLs are', () => {
    expect(isAppUrl('APP://CUBETA/index.html')).toBe(true)
    expect(isAppUrl('app://cubeta')).toBe(true)
    expect(isAppUrl('app:cubeta/index.html')).toBe(false)
  })
})
