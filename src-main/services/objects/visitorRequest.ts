/** What a browser with no keys got from a URL. */
export interface AnonymousAnswer {
  url: string
  /** Null when nothing answered (DNS, refused connection, timeout). */
  status: number | null
  failure: string | null
  contentType: string | null
  contentDisposition: string | null
  etag: string | null
  location: string | null
  /** x-amz-bucket-region, which S3 sends with wrong-region answers. */
  bucketRegion: string | null
  allowOrigin: string | null
  /** From an S3 XML error body. */
  errorCode: string | null
  errorBucket: string | null
  errorRegion: string | null
}


/**
 * The URL asked the way a visitor's browser asks it: no keys, no signature
 *
 * A GET of one byte (Range: bytes=0-0), not a HEAD: some servers (moto among them) judge
 * HEAD by another permission, and a HEAD carries no error body to read. Redirects are not
 * followed: a 301 is the answer (S3's wrong-region PermanentRedirect). `origin` asks as a
 * page of that site would: its Referer, and its Origin for reads that need CORS.
 */
export async function askAsVisitor(url: string, fetchImpl: typeof fetch, options: { origin?: string | null; cors?: boolean } = {}): Promise<AnonymousAnswer> {
  const headers: Record<string, string> = { Range: 'bytes=0-0', 'Cache-Control': 'no-cache' }
  if (options.origin) {
    headers.Referer = `${options.origin}/`
    if (options.cors) headers.Origin = options.origin
  }
  let response: Response
  try {
    response = await fetchImpl(url, { headers, redirect: 'manual', signal: AbortSignal.timeout(15_000) })
  } catch (error) {
    return { ...nothing(url), failure: failureOf(error) }
  }
  const body = response.status >= 300 ? await readSome(response) : (await response.body?.cancel().catch(() => undefined), '')
  const header = (name: string) => response.headers.get(name)
  return {
    url,
    status: response.status,
    failure: null,
    contentType: header('content-type'),
    contentDisposition: header('content-disposition'),
    etag: header('etag'),
    location: header('location'),
    bucketRegion: header('x-amz-bucket-region'),
    allowOrigin: header('access-control-allow-origin'),
    errorCode: xmlField(body, 'Code'),
    errorBucket: xmlField(body, 'BucketName') ?? xmlField(body, 'Bucket'),
    errorRegion: xmlField(body, 'Region'),
  }
}

function nothing(url: string): AnonymousAnswer {
  return { url, status: null, failure: null, contentType: null, contentDisposition: null, etag: null, location: null, bucketRegion: null, allowOrigin: null, errorCode: null, errorBucket: null, errorRegion: null }
}

/** "connection refused", "host not found"...: the cause's code, in words a user reads. */
function failureOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string } })?.cause
  const code = cause?.code ?? (error as { name?: string })?.name ?? ''
  const known: Record<string, string> = {
    ECONNREFUSED: 'connection refused',
    ENOTFOUND: 'host not found',
    EAI_AGAIN: 'host not found',
    ECONNRESET: 'connection reset',
    ETIMEDOUT: 'timed out',
    TimeoutError: 'timed out',
    UND_ERR_CONNECT_TIMEOUT: 'timed out',
    CERT_HAS_EXPIRED: 'its TLS certificate has expired',
    ERR_TLS_CERT_ALTNAME_INVALID: 'its TLS certificate is for another name',
    DEPTH_ZERO_SELF_SIGNED_CERT: 'its TLS certificate is self-signed',
  }
  return known[code] ?? (code || 'no answer')
}

/** An S3 error body is small; a CDN's HTML error page may not be, so read at most 64 KiB. */
async function readSome(response: Response): Promise<string> {
  const reader = response.body?.getReader()
  if (!reader) return ''
  const chunks: Uint8Array[] = []
  let size = 0
  try {
    while (size < 65_536) {
      const { done, value } = await reader.read()
      if (done) break
      chunks.push(value)
      size += value.byteLength
    }
  } catch {
    // A body cut short still tells what arrived.
  } finally {
    await reader.cancel().catch(() => undefined)
  }
  return Buffer.concat(chunks).toString('utf8')
}

function xmlField(xml: string, name: string): string | null {
  const match = new RegExp(`<${name}>([^<]{1,1024})</${name}>`).exec(xml)
  return match ? match[1]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'") : null
}
