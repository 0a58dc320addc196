import { describe, expect, it } from 'vitest'
import { isSafeExternalUrl } from '../../src-main/services/security/externalLink'

/** Links that may be handed to the OS: plain https, nothing else. */
describe('isSafeExternalUrl', () => {
  it('allows plain https links', () => {
    expect(isSafeExternalUrl('https://docs.aws.amazon.com/IAM/latest/UserGuide/')).toBe(true)
    expect(isSafeExternalUrl('https://console.aws.amazon.com/iam/home?region=eu-west-1#/users')).toBe(true)
  })

  it.each([
    ['http', 'http://example.com/'],
    ['file', 'file:///etc/passwd'],
    ['smb share', 'smb://attacker/share'],
    ['javascript', 'javascript:alert(1)'],
    ['data', 'data:text/html,<script>alert(1)</script>'],
    ['a custom app scheme', 'vscode://file/etc/passwd'],
    ['our own scheme', 'app://cubeta/index.html'],
    ['credentials', 'https://user:secret@example.com/'],
    ['a username alone', 'https://user@example.com/'],
    ['not a URL', 'example.com'],
    ['empty', ''],
  ])('refuses %s', (_label, url) => {
    expect(isSafeExternalUrl(url)).toBe(false)
  })
})
