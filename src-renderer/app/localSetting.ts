/**
 * Small preferences in localStorage. Storage can be unavailable (private windows, a
 * locked-down profile); Cubeta then simply forgets between launches.
 */
export function readSetting(key: string): string | null {
  try {
    return window.localStorage.getItem(key)
  } catch {
    return null
  }
}

export function writeSetting(key: string, value: string | null): void {
  try {
    if (value === null) window.localStorage.removeItem(key)
    else window.localStorage.setItem(key, value)
  } catch {
    // Forgetting a preference is harmless.
  }
}

export const settingKeys = {
  language: 'cubeta.language',
  activeProfile: 'cubeta.activeProfileId',
  theme: 'cubeta.theme',
  columnWidths: 'cubeta.columnWidths',
} as const
