// The benchmark's data: deterministic (seeded), generated once into bench/.cache/data and
// reused while its manifest matches.
//
//   large-<bytes>.bin   1 GiB of AES-256-CTR keystream (incompressible), with its SHA-256
//   small-<n>/small/    n files of 4–256 KiB (log-uniform: many small, few big, like a
//                       site's assets), in nested folders, with web file extensions so each
//                       gets a real Content-Type
//   list keys           <n> empty objects under bench-list/huge-<n>/, written to the server
//                       once through the S3 API
import { createCipheriv, createHash } from 'node:crypto'
import { createReadStream, createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { once } from 'node:events'
import { PutObjectCommand } from '@aws-sdk/client-s3'
import { fmtBytes, log } from './util.mjs'

const formatVersion = 1
const seed = 'cubeta-bench-2026'

/** A deterministic stream of incompressible bytes, one per name. */
function keystream(name) {
  const key = createHash('sha256').update(`${seed}/${name}`).digest()
  return createCipheriv('aes-256-ctr', key, Buffer.alloc(16))
}

/** Small deterministic PRNG (mulberry32) for sizes. */
function prng(n) {
  let a = n >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const readManifest = (path) => {
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    return null
  }
}

export async function sha256File(path) {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path, { highWaterMark: 4 * 1024 * 1024 })) hash.update(chunk)
  return hash.digest('hex')
}

export async function largeFile(dataDir, bytes) {
  const path = join(dataDir, `large-${bytes}`, 'large.bin')
  const manifestPath = join(dataDir, `large-${bytes}`, 'manifest.json')
  const manifest = readManifest(manifestPath)
  if (manifest?.formatVersion === formatVersion && manifest.bytes === bytes && existsSync(path)) return { path, ...manifest }
  log(`generating ${fmtBytes(bytes)} of seeded data in ${path}…`)
  mkdirSync(dirname(path), { recursive: true })
  const cipher = keystream('large')
  const hash = createHash('sha256')
  const out = createWriteStream(path)
  const zeros = Buffer.alloc(8 * 1024 * 1024)
  for (let left = bytes; left > 0; left -= zeros.length) {
    const chunk = cipher.update(left >= zeros.length ? zeros : zeros.subarray(0, left))
    hash.update(chunk)
    if (!out.write(chunk)) await once(out, 'drain')
  }
  out.end()
  await once(out, 'finish')
  const made = { formatVersion, bytes, sha256: hash.digest('hex'), seed }
  writeFileSync(manifestPath, JSON.stringify(made, null, 2))
  return { path, ...made }
}

// Extensions whose Content-Type every tool should know (the check is that it is set, and
// not application/octet-stream).
export const smallExtensions = ['jpg', 'png', 'webp', 'gif', 'svg', 'css', 'js', 'html', 'json', 'txt', 'pdf', 'mp4', 'csv', 'xml']

export function smallFileList(count) {
  const random = prng(0x5eed)
  const files = []
  for (let i = 0; i < count; i++) {
    const ext = smallExtensions[i % smallExtensions.length]
    const size = Math.round(4096 * 64 ** random())
    // Three levels: section / batch / file, and every 7th file one level up.
    const section = `assets-${String(i % 10).padStart(2, '0')}`
    const folder = i % 7 === 0 ? section : `${section}/batch-${String(Math.floor(i / 10) % 20).padStart(2, '0')}`
    files.push({ relativePath: `small/${folder}/file-${String(i).padStart(5, '0')}.${ext}`, size, ext })
  }
  return files
}

export async function smallFolder(dataDir, count) {
  const base = join(dataDir, `small-${count}`)
  const folder = join(base, 'small')
  const manifestPath = join(base, 'manifest.json')
  const files = smallFileList(count)
  const totalBytes = files.reduce((sum, f) => sum + f.size, 0)
  const manifest = readManifest(manifestPath)
  if (manifest?.formatVersion === formatVersion && manifest.count === count && manifest.totalBytes === totalBytes && existsSync(folder)) {
    return { folder, files, ...manifest }
  }
  log(`generating ${count.toLocaleString('en')} files (${fmtBytes(totalBytes)}) in ${folder}…`)
  rmSync(base, { recursive: true, force: true })
  for (const file of files) {
    const path = join(base, file.relativePath)
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, keystream(file.relativePath).update(Buffer.alloc(file.size)))
  }
  const made = { formatVersion, count, totalBytes, seed }
  writeFileSync(manifestPath, JSON.stringify(made, null, 2))
  return { folder, files, ...made }
}

export const listPrefix = (count) => `huge-${count}/`
export const listKey = (count, i) => `${listPrefix(count)}key-${String(i).padStart(6, '0')}.txt`

/** Writes the listing keys through the S3 API, unless the server's folder already has them all. */
export async function seedListing(server, bucket, count) {
  const dir = join(server.root, bucket, listPrefix(count))
  const present = existsSync(dir) ? readdirSync(dir).filter((n) => n.startsWith('key-')).length : 0
  if (present === count) return { seeded: false }
  log(`writing ${count.toLocaleString('en')} keys to ${bucket}/${listPrefix(count)} (once; they stay in bench/.cache/server)…`)
  server.removePrefix(bucket, listPrefix(count))
  let next = 0
  const worker = async () => {
    while (next < count) {
      const i = next++
      await server.s3.send(new PutObjectCommand({ Bucket: bucket, Key: listKey(count, i), Body: '' }))
    }
  }
  await Promise.all(Array.from({ length: 64 }, worker))
  return { seeded: true }
}
