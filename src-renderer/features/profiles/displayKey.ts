/**
 * A masked key id, short enough for a header: "••••••••••••••••MPLE" → "••••MPLE".
 * The mask's length says nothing useful, and shortening it reveals nothing more.
 */
export function compactMask(keyIdMasked: string): string {
  return keyIdMasked.replace(/•{4,}/g, '••••')
}

/**
 * The server explains why an AWS CLI profile cannot be imported in an English phrase.
 * The known phrases get a translation key; an unknown one is shown as it came.
 */
const reasonKeys: Record<string, string> = {
  'uses AWS SSO sign-in, which has no long-term key': 'sso',
  'assumes a role, which has no long-term key': 'role',
  'gets its keys from a program, which Cubeta does not run': 'process',
  'holds temporary keys that expire within hours': 'temporary',
  'has no access key ID and secret': 'noKeys',
}

export const unsupportedReasonKey = (reason: string): string | null => reasonKeys[reason] ?? null
