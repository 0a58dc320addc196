/**
 * Redaction for logs and error reports
 *
 * AWS access key ids have a fixed shape (AKIA/ASIA + 16), and secrets are 40 characters
 * of base64. Anything that looks like either is masked before a line is written anywhere.
 */
const accessKeyId = /\b(AKIA|ASIA|AIDA|AROA)[A-Z0-9]{12,}\b/g
const secretLike = /(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g
/** The same 40 characters URL-encoded ("/" as %2F, "+" as %2B), as in a logged query or form body. */
const encodedSecretLike = /(?<![A-Za-z0-9%])(?:[A-Za-z0-9]|%2[BFbf]){40}(?![A-Za-z0-9%])/g
const namedSecret = /((?:secret|password|token|signature|credential)[^=:\s]*\s*[=:]\s*)("?)[^\s"&,;]+/gi

export function redactSecrets(text: string): string {
  return text
    .replace(namedSecret, '$1$2[redacted]')
    .replace(accessKeyId, (id) => `${id.slice(0, 4)}…${id.slice(-4)}`)
    .replace(secretLike, '[redacted]')
    .replace(encodedSecretLike, (match) => (/%2[BFbf]/.test(match) ? '[redacted]' : match))
}
