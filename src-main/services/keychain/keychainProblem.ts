import { AppError } from '../../core/appError'

/**
 * Why the keychain failed, in words a user can act on
 *
 * On Linux keytar talks to the Secret Service over D-Bus; without a desktop session
 * (SSH, containers, WSL) there is none, and libsecret reports "Cannot autolaunch D-Bus
 * without X11 $DISPLAY". The fix differs per platform, so the hint does too.
 */
const notBuilt = 'the keychain library is not built for this system'

export function describeKeychainFailure(error: unknown, platform = process.platform): AppError {
  const detail = String((error as Error)?.message ?? error)
  const reason = /D-?Bus|DISPLAY|org\.freedesktop/i.test(detail)
    ? 'no Secret Service is running on this desktop'
    : /cannot find module|\.node|NODE_MODULE_VERSION|invalid ELF/i.test(detail)
      ? notBuilt
      : /lock|denied|cancel/i.test(detail)
        ? 'the keychain is locked or refused access'
        : 'the keychain did not answer'
  const hint =
    reason === notBuilt
      ? // Only a source checkout gets here (a packaged app carries its build): keytar is an
        // optional dependency that npm skips when libsecret's headers are missing.
        platform === 'linux'
        ? 'In a source checkout, install libsecret (Debian and Ubuntu: sudo apt-get install libsecret-1-dev), then run npm install again. Until then, choose "Keep for this session only".'
        : 'In a source checkout, run npm install again with a C++ build toolchain installed. Until then, choose "Keep for this session only".'
      : platform === 'linux'
        ? 'Install and unlock a Secret Service keyring (gnome-keyring or KWallet) and run Cubeta inside your desktop session, or in a terminal: dbus-run-session -- bash, then gnome-keyring-daemon --unlock. Until then, choose "Keep for this session only".'
        : platform === 'darwin'
          ? 'Unlock your login keychain in Keychain Access and try again, or choose "Keep for this session only".'
          : 'Check that Windows Credential Manager is available for your account, or choose "Keep for this session only".'
  return new AppError(
    'keychain-unavailable',
    `Cubeta cannot use the OS keychain: ${reason}. Secrets are never written to disk instead.`,
    hint,
    { reason },
  )
}
