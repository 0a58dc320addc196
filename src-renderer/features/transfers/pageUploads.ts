import { bridge } from '../../bridge/bridgeClient'

/**
 * Browser mode: the page holds the File objects and sends each one's bytes when the
 * engine asks (`transfers/needBytes`), as a streamed PUT. Keeping the File until the
 * transfer is cleared lets "Retry failed" send it again.
 *
 * The engine may ask before the page has learned the transfer ids (the event can
 * overtake the call's answer), so early requests wait in `asked` until the files arrive.
 */
const files = new Map<string, File>()
const asked = new Set<string>()

function send(transferId: string) {
  const file = files.get(transferId)
  if (!file) {
    asked.add(transferId)
    return
  }
  asked.delete(transferId)
  void fetch(`/api/upload/${encodeURIComponent(transferId)}`, {
    method: 'PUT',
    headers: { 'x-cubeta-bridge': '1', 'content-type': 'application/octet-stream' },
    credentials: 'same-origin',
    body: file,
  }).catch(() => {
    // The engine notices the missing bytes and reports the file as failed, in words.
  })
}

/** Start answering the engine; returns the unsubscribe. */
export function answerByteRequests(): () => void {
  return bridge.on('transfers/needBytes', ({ transferId }) => send(transferId))
}

export function holdFiles(transferIds: string[], picked: File[]) {
  transferIds.forEach((id, index) => {
    const file = picked[index]
    if (file) files.set(id, file)
  })
  for (const id of transferIds) if (asked.has(id)) send(id)
}

/** Forget files whose transfers left the queue. */
export function releaseFiles(keep: Set<string>) {
  for (const id of files.keys()) if (!keep.has(id)) files.delete(id)
}
