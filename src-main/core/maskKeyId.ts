/** Shows only the last 4 characters of an access key id: enough to recognise it, not to use it. */
export function maskKeyId(accessKeyId: string): string {
  const visible = accessKeyId.slice(-4)
  return `${'•'.repeat(Math.max(4, Math.min(16, accessKeyId.length - 4)))}${visible}`
}
