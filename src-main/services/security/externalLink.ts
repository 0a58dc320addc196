/**
 * Which links may leave the app for the user's browser
 *
 * `shell.openExternal` hands a URL to the OS, which will run whatever handler the scheme
 * names (file:, smb:, custom app schemes...). So only plain https links are let through,
 * and never ones that carry credentials. Pure, so it is unit-tested; the Electron shell
 * is the only caller of `shell.openExternal`.
 */
export function isSafeExternalUrl(url: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  return parsed.protocol === 'https:' && parsed.hostname !== '' && parsed.username === '' && parsed.password === ''
}
