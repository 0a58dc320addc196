import type { ProfileView } from '../../../src-main/contract/bridge'

/**
 * Which profile is active after the list changed: the same one if it still exists,
 * otherwise the first, otherwise none (which shows the welcome screen).
 */
export function pickActiveProfile(profiles: readonly ProfileView[], wanted: string | null): string | null {
  if (wanted !== null && profiles.some((p) => p.id === wanted)) return wanted
  return profiles[0]?.id ?? null
}
