import { bridge } from '../../bridge/bridgeClient'

/**
 * Browser mode: the page holds the File objects and sends each one's bytes when the
 * engine asks (`transfers/needBytes`), as a streamed PUT. Keeping the File until the
 * transfer is cleared lets "Retry failed" send it again.
 */
const files = new Map<string, File>()
let listening = false

export function holdFiles(transferIds: string[], picked: File[]) {
  transferIds.forEach((id, index) => {
    const file = picked[index]
    if (file) files.set(id, file)
  })
  if (listening) return
  listening = true
  bridge.on('transfers/needBytes', ({ transferId }) => {
    const file = files.get(transferId)
    if (!file) return
    void fetch(`/api/upload/${encodeURIComponent(transferId)}`, {
      method: 'PUT',
      headers: { 'x-cubeta-bridge': '1', 'content-type': 'application/octet-stream' },
      credentials: 'same-origin',
      body: file,
    }).catch(() => {
      // The engine notices the missing bytes and reports the file as failed, in words.
    })
  })
}

/** Forget files whose transfers left the queue. */
export function releaseFiles(keep: Set<string>) {
  for (const id of files.keys()) if (!keep.has(id)) files.delete(id)
}
