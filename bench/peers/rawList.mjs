// The listing baseline: a bare ListObjectsV2 pagination loop with the JS SDK, one client,
// the same request the browser makes for a folder (Prefix, Delimiter "/", 1,000 keys a
// page), keys counted and dropped. Timed from the first request, as the app's listing is.
// With `recursive` (the search scenario's baseline): no Delimiter, every key below the prefix.
// Input: one JSON argument {endpoint, region, credentials, bucket, prefix, recursive?}.
import { performance } from 'node:perf_hooks'
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'

const job = JSON.parse(process.argv[2])
const s3 = new S3Client({ endpoint: job.endpoint, region: job.region, forcePathStyle: true, credentials: job.credentials })

const start = performance.now()
let firstPageMs = null
let count = 0
// The search scenario's check: how many keys end with this text (null: not counted).
let matches = job.endsWith ? 0 : null
let pages = 0
let token
do {
  const page = await s3.send(new ListObjectsV2Command({ Bucket: job.bucket, Prefix: job.prefix, Delimiter: job.recursive ? undefined : '/', MaxKeys: 1000, ContinuationToken: token }))
  if (firstPageMs === null) firstPageMs = performance.now() - start
  count += (page.Contents?.length ?? 0) + (page.CommonPrefixes?.length ?? 0)
  if (matches !== null) for (const o of page.Contents ?? []) if (o.Key.endsWith(job.endsWith)) matches++
  pages++
  token = page.IsTruncated ? page.NextContinuationToken : undefined
} while (token)
const totalMs = performance.now() - start
process.stdout.write(`BENCH-RESULT ${JSON.stringify({ firstPageMs, totalMs, count, pages, matches })}\n`)
process.exit(0)
