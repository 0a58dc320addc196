/**
 * The head of an HTTP/1.1 response, read strictly
 *
 * The lean ranged GET (downloads/leanRangedGet.ts) and the lean PUT (transfers/leanPut.ts)
 * understand only the plain answers S3 gives them: a status line, headers, a
 * `Content-Length` body. Anything outside that subset is `unexpected`, and the caller
 * hands the request to the SDK, which knows the rest of HTTP; guessing here could write
 * bytes that are not the object's, or take a PUT for stored when it is not.
 */
export type ResponseHead =
  | { kind: 'incomplete' }
  | { kind: 'unexpected'; reason: string }
  | { kind: 'head'; status: number; headers: ReadonlyMap<string, string>; headBytes: number }

/** S3's answers carry well under 2 KiB of headers; a head larger than this is not one of them. */
export const maxHeadBytes = 16 * 1024

const statusLine = /^HTTP\/1\.1 ([1-5]\d\d)(?: [\t\x20-\x7e\x80-\xff]*)?$/
const headerLine = /^([!#$%&'*+\-.^_`|~0-9A-Za-z]+):[\t ]*([\t\x20-\x7e\x80-\xff]*?)[\t ]*$/
/** The headers an answer is judged by: one of each, or the answer is not understood. */
const single = new Set(['content-length', 'content-range', 'etag', 'transfer-encoding', 'content-encoding', 'x-amz-checksum-crc32'])

/** Reads the head from the first bytes of a response; never throws. */
export function parseResponseHead(bytes: Uint8Array): ResponseHead {
  const end = headEnd(bytes)
  if (end < 0) return bytes.length >= maxHeadBytes ? { kind: 'unexpected', reason: 'head too large' } : { kind: 'incomplete' }
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, end).toString('latin1')
  const lines = text.split('\r\n')
  // A lone CR or LF inside a line is how responses get smuggled: not ours to interpret.
  if (lines.some((line) => line.includes('\r') || line.includes('\n'))) return { kind: 'unexpected', reason: 'bare CR or LF' }
  const status = statusLine.exec(lines[0] ?? '')
  if (!status) return { kind: 'unexpected', reason: 'status line' }
  const pairs: [string, string][] = []
  for (const line of lines.slice(1)) {
    const header = headerLine.exec(line)
    if (!header) return { kind: 'unexpected', reason: 'header line' }
    pairs.push([header[1]!, header[2]!])
  }
  const headers = collectHeaders(pairs)
  if ('unexpected' in headers) return { kind: 'unexpected', reason: headers.unexpected }
  return { kind: 'head', status: Number(status[1]), headers, headBytes: end + 4 }
}

/**
 * Headers by lower-case name, repeats joined with ", " as HTTP allows; two of a header
 * the answer is judged by is not understood. The lean PUT reads node:http's raw header
 * list through this too, so both lean paths judge headers by the same rules.
 */
export function collectHeaders(pairs: Iterable<readonly [string, string]>): Map<string, string> | { unexpected: string } {
  const headers = new Map<string, string>()
  for (const [raw, value] of pairs) {
    const name = raw.toLowerCase()
    const before = headers.get(name)
    if (before !== undefined && single.has(name)) return { unexpected: `two ${name} headers` }
    headers.set(name, before === undefined ? value : `${before}, ${value}`)
  }
  return headers
}

/** Index of the CRLFCRLF that ends the head, within maxHeadBytes; -1 if not there (yet). */
function headEnd(bytes: Uint8Array): number {
  const limit = Math.min(bytes.length, maxHeadBytes) - 3
  for (let i = 0; i < limit; i++) {
    if (bytes[i] === 13 && bytes[i + 1] === 10 && bytes[i + 2] === 13 && bytes[i + 3] === 10) return i
  }
  return -1
}

export interface AskedRange {
  start: number
  end: number
  total: number
  etag: string
}

/**
 * How many body bytes to take, if the head is exactly the answer to this range
 *
 * 206, `Content-Range: bytes start-end/total` as asked, a `Content-Length` that agrees,
 * the same ETag, no transfer or content coding. Otherwise the reason it is not.
 */
export function rangeBodyBytes(head: Extract<ResponseHead, { kind: 'head' }>, asked: AskedRange): { bytes: number } | { unexpected: string } {
  const h = head.headers
  if (head.status !== 206) return { unexpected: `status ${head.status}` }
  if (h.has('transfer-encoding')) return { unexpected: 'transfer-encoding' }
  const coding = h.get('content-encoding')
  if (coding !== undefined && coding !== '' && coding.toLowerCase() !== 'identity') return { unexpected: 'content-encoding' }
  const length = h.get('content-length')
  if (length === undefined || !/^\d{1,15}$/.test(length)) return { unexpected: 'content-length' }
  const range = /^bytes (\d{1,15})-(\d{1,15})\/(\d{1,15})$/.exec(h.get('content-range') ?? '')
  if (!range || Number(range[1]) !== asked.start || Number(range[2]) !== asked.end || Number(range[3]) !== asked.total) return { unexpected: 'content-range' }
  const bytes = asked.end - asked.start + 1
  if (Number(length) !== bytes) return { unexpected: 'content-length does not match the range' }
  const etag = h.get('etag')
  if (etag !== undefined && etag !== asked.etag) return { unexpected: 'etag' }
  return { bytes }
}

/** An error answer's body, read whole, is at most this: S3's XML errors are a few hundred bytes. */
export const maxErrorBodyBytes = 64 * 1024

/**
 * What a PUT's answer says, if it is exactly one the lean PUT understands
 *
 * 200 with an ETag, a `Content-Length` body (S3 sends none) and no transfer coding, and,
 * if the server names the CRC32 it computed, the one that was sent: `stored`. A 5xx,
 * 408 or 429 is the server refusing this request for now (SlowDown, InternalError):
 * `refused`, its XML (at most maxErrorBodyBytes, chunked as some gateways send errors)
 * read by the caller and retried. Anything else is not understood.
 */
export function putAnswer(head: { status: number; headers: ReadonlyMap<string, string> }, sentCrc32: string): { stored: string } | { refused: number } | { unexpected: string } {
  const h = head.headers
  const length = h.get('content-length')
  if (length !== undefined && (!/^\d{1,15}$/.test(length) || Number(length) > maxErrorBodyBytes)) return { unexpected: 'content-length' }
  if (head.status >= 500 || head.status === 408 || head.status === 429) return { refused: head.status }
  if (head.status !== 200) return { unexpected: `status ${head.status}` }
  if (h.has('transfer-encoding')) return { unexpected: 'transfer-encoding' }
  if (length === undefined) return { unexpected: 'content-length' }
  const etag = h.get('etag')
  if (!etag) return { unexpected: 'etag' }
  const crc = h.get('x-amz-checksum-crc32')
  if (crc !== undefined && crc !== sentCrc32) return { unexpected: 'x-amz-checksum-crc32' }
  return { stored: etag }
}

const chunkSizeLine = /^([0-9A-Fa-f]{1,8})(?:;[\t\x20-\x7e]*)?$/

/**
 * A chunked body (as some gateways send their XML errors), decoded once its last chunk
 * has arrived; `incomplete` until then. Trailers are not in the subset: unexpected.
 */
export function dechunk(bytes: Buffer): { body: Buffer; bytes: number } | { incomplete: true } | { unexpected: string } {
  const pieces: Buffer[] = []
  let at = 0
  for (;;) {
    const lineEnd = bytes.indexOf('\r\n', at, 'latin1')
    if (lineEnd < 0) return bytes.length - at > 256 ? { unexpected: 'chunk size line' } : { incomplete: true }
    const size = chunkSizeLine.exec(bytes.toString('latin1', at, lineEnd))
    if (!size) return { unexpected: 'chunk size line' }
    const length = parseInt(size[1]!, 16)
    const start = lineEnd + 2
    if (bytes.length < start + length + 2) return { incomplete: true }
    if (bytes[start + length] !== 13 || bytes[start + length + 1] !== 10) return { unexpected: 'chunk end' }
    if (length === 0) return { body: Buffer.concat(pieces), bytes: start + 2 }
    pieces.push(bytes.subarray(start, start + length))
    at = start + length + 2
  }
}

/** The answer's `Connection` header says the server closes after it: the connection can't be kept. */
export function asksToClose(headers: ReadonlyMap<string, string>): boolean {
  return /(^|,)\s*close\s*(,|$)/i.test(headers.get('connection') ?? '')
}
