import { bridge } from '../../bridge/bridgeClient'

/**
 * Files only the page holds (all of them in browser mode; in Electron those not on
 * disk): the page keeps the File objects and sends each one's bytes when the engine asks
 * (`transfers/needBytes`), as a streamed PUT in browser mode and in ordered pieces over
 * the bridge in Electron, which has no request bodies. Keeping the File until the
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
  if (window.cubeta) {
    void sendInPieces(transferId, file)
    return
  }
  void fetch(`/api/upload/${encodeURIComponent(transferId)}`, {
    method: 'PUT',
    headers: { 'x-cubeta-bridge': '1', 'content-type': 'application/octet-stream' },
    credentials: 'same-origin',
    body: file,
  }).catch(() => {
    // The engine notices the missing bytes and reports the file as failed, in words.
  })
}

/** 4 MiB: few round trips, and little memory held per file while the engine takes each piece. */
const pieceBytes = 4 * 1024 * 1024

/** Each call answers once the engine has taken its piece, so the page never runs ahead of the upload. */
async function sendInPieces(transferId: string, file: File) {
  for (let offset = 0; ; ) {
    const end = Math.min(offset + pieceBytes, file.size)
    const bytes = new Uint8Array(await file.slice(offset, end).arrayBuffer())
    const last = end >= file.size
    const answer = await bridge['transfers/pageBytes']({ transferId, offset, bytes, last }).catch(() => null)
    // A refusal means the engine stopped waiting (cancelled, failed): it reports that itself.
    if (!answer?.ok || last) return
    offset = end
  }
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

/** Forget the files the queue will not ask for again (it says which, by id, in each snapshot). */
export function releaseFiles(ids: readonly string[]) {
  for (const id of ids) {
    files.delete(id)
    asked.delete(id)
  }
}
