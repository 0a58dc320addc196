/**
 * Redaction for logs and error reports
 *
 * Two nets. By value: every secret this process has held (a profile's secret, admin
 * keys, a key the setup created, a session token) is remembered here and masked wherever
 * it appears, also URL-encoded or JSON-escaped, whatever its shape (R2's 64 hex
 * characters, a short MinIO secret). By shape, for secrets it never saw: AWS access key
 * ids (AKIA/ASIA + 16) and 40-character base64 secrets.
 */
const accessKeyId = /\b(AKIA|ASIA|AIDA|AROA)[A-Z0-9]{12,}\b/g
const secretLike = /(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g
/** The same 40 characters URL-encoded ("/" as %2F, "+" as %2B), as in a logged query or form body. */
const encodedSecretLike = /(?<![A-Za-z0-9%])(?:[A-Za-z0-9]|%2[BFbf]){40}(?![A-Za-z0-9%])/g
const namedSecret = /((?:secret|password|token|signature|credential)[^=:\s]*\s*[=:]\s*)("?)[^\s"&,;]+/gi

/** Shorter values are too likely to be ordinary words; no store issues secrets that short. */
export const minRememberedLength = 8
const known = new Set<string>()
let forms: string[] = []

/** Masks this value from now on, in every form it may take in a log line or an error. */
export function rememberSecret(secret: string | null | undefined): void {
  if (!secret || secret.length < minRememberedLength || known.has(secret)) return
  known.add(secret)
  // A lone surrogate has no URL form (encodeURIComponent throws): such a secret is masked as typed and JSON-escaped.
  const encoded = !/\p{Cs}/u.test(secret) ? [encodeURIComponent(secret), encodeURIComponent(secret).replace(/%20/g, '+')] : []
  const variants = new Set([secret, JSON.stringify(secret).slice(1, -1), ...encoded])
  // Longest first, so a secret that contains another is masked whole.
  forms = [...new Set([...forms, ...variants])].filter((f) => f.length >= minRememberedLength).sort((a, b) => b.length - a.length)
}

/** Only the values this process knows: safe for words meant for the user (object keys stay as they are). */
export function redactKnownSecrets(text: string): string {
  let out = text
  for (const form of forms) if (out.includes(form)) out = out.split(form).join('[redacted]')
  return out
}

export function redactSecrets(text: string): string {
  return redactKnownSecrets(text)
    .replace(namedSecret, '$1$2[redacted]')
    .replace(accessKeyId, (id) => `${id.slice(0, 4)}…${id.slice(-4)}`)
    .replace(secretLike, '[redacted]')
    .replace(encodedSecretLike, (match) => (/%2[BFbf]/.test(match) ? '[redacted]' : match))
}
