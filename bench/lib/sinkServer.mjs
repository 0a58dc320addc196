// A multipart sink for the load scenario's 10 GiB sparse file: it speaks just enough S3
// (CreateMultipartUpload, UploadPart, CompleteMultipartUpload, AbortMultipartUpload, and
// the HEADs and region look-ups a client makes first), reads every body to the end and
// keeps none of it. So 10 GiB costs no disk on either side, and the server can count what
// the client alone can't prove: how many parts were in flight at once, and every byte.
// Not versitygw: it would write the 10 GiB (twice: parts, then the object).
import { createServer } from 'node:http'

export async function startSink() {
  const uploads = new Map()
  const stats = { partsInFlight: 0, maxPartsInFlight: 0, parts: 0, bodyBytes: 0, decodedBytes: 0, completed: 0, aborted: 0, unknown: [] }
  let next = 0
  const xml = (res, status, body) => {
    res.writeHead(status, { 'content-type': 'application/xml', 'x-amz-request-id': 'sink' })
    res.end(`<?xml version="1.0" encoding="UTF-8"?>\n${body}`)
  }
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://sink')
    const [, bucket = '', ...rest] = url.pathname.split('/')
    const key = decodeURIComponent(rest.join('/'))
    const q = url.searchParams
    let bytes = 0
    const isPart = req.method === 'PUT' && q.has('partNumber') && q.has('uploadId')
    if (isPart) {
      stats.partsInFlight++
      stats.maxPartsInFlight = Math.max(stats.maxPartsInFlight, stats.partsInFlight)
    }
    req.on('data', (chunk) => (bytes += chunk.length))
    req.on('end', () => {
      if (isPart) {
        stats.partsInFlight--
        stats.parts++
        stats.bodyBytes += bytes
        // aws-chunked bodies carry framing; the payload size is in this header.
        stats.decodedBytes += Number(req.headers['x-amz-decoded-content-length'] ?? bytes)
        // As S3 answers: an empty body with its length, not a chunked one (which the lean PUT
        // rightly refuses and sends again through the SDK, counting those parts twice here).
        res.writeHead(200, { etag: `"sink-${q.get('partNumber')}"`, 'x-amz-request-id': 'sink', 'content-length': '0' })
        res.end()
      } else if (req.method === 'POST' && q.has('uploads')) {
        const uploadId = `sink-upload-${++next}`
        uploads.set(uploadId, key)
        xml(res, 200, `<InitiateMultipartUploadResult><Bucket>${bucket}</Bucket><Key>${key}</Key><UploadId>${uploadId}</UploadId></InitiateMultipartUploadResult>`)
      } else if (req.method === 'POST' && q.has('uploadId')) {
        stats.completed++
        uploads.delete(q.get('uploadId'))
        xml(res, 200, `<CompleteMultipartUploadResult><Bucket>${bucket}</Bucket><Key>${key}</Key><ETag>"sink-complete"</ETag></CompleteMultipartUploadResult>`)
      } else if (req.method === 'DELETE' && q.has('uploadId')) {
        stats.aborted++
        uploads.delete(q.get('uploadId'))
        res.writeHead(204).end()
      } else if (req.method === 'GET' && q.has('location')) {
        xml(res, 200, '<LocationConstraint/>')
      } else if (req.method === 'GET' && q.has('uploads')) {
        xml(res, 200, `<ListMultipartUploadsResult><Bucket>${bucket}</Bucket><IsTruncated>false</IsTruncated></ListMultipartUploadsResult>`)
      } else if (req.method === 'HEAD' && key === '') {
        res.writeHead(200, { 'x-amz-bucket-region': 'us-east-1' }).end()
      } else if (req.method === 'HEAD' || (req.method === 'GET' && key !== '')) {
        res.writeHead(404, { 'x-amz-request-id': 'sink' }).end()
      } else if (req.method === 'GET' && key === '') {
        xml(res, 200, `<ListBucketResult><Name>${bucket}</Name><KeyCount>0</KeyCount><IsTruncated>false</IsTruncated></ListBucketResult>`)
      } else {
        stats.unknown.push(`${req.method} ${req.url}`)
        xml(res, 501, '<Error><Code>NotImplemented</Code><Message>The benchmark sink does not do this.</Message></Error>')
      }
    })
  })
  server.keepAliveTimeout = 60_000
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    endpoint: `http://127.0.0.1:${server.address().port}`,
    stats,
    openUploads: () => uploads.size,
    stop: () =>
      new Promise((resolve) => {
        server.close(resolve)
        server.closeAllConnections()
      }),
  }
}
