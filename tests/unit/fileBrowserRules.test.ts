import type { S3Client } from '@aws-sdk/client-s3'
import { describe, expect, it } from 'vitest'
import { baseUrlFor } from '../../src-main/contract/rules/publicUrl'
import { toAppError } from '../../src-main/services/aws/awsErrors'
import { createBucketRegionCache, regionFromError } from '../../src-main/services/objects/bucketRegionCache'
import { planCopyParts } from '../../src-main/services/objects/copyObject'
import { copySourceFor } from '../../src-main/services/objects/copySource'
import { decodeListedKey, nameUnder, toListingPage } from '../../src-main/services/objects/listing'
import { headersFromHead, propertiesFromHead } from '../../src-main/services/objects/objectHeaders'
import { previewTypeFor } from '../../src-main/services/objects/preview'
import { createProgressReporter } from '../../src-main/services/objects/progressReporter'
import { targetKeyFor } from '../../src-main/services/objects/renameObjects'
import { mapWithConcurrency } from '../../src-main/core/async/workerPool'
import { chunk, expandSelection } from '../../src-main/services/objects/selection'
import { displayName, escapeHtml, escapeMarkdownText, htmlSnippet, isImageName, markdownSnippet, markdownUrl } from '../../src-main/services/objects/urlSnippets'

const MiB = 1024 ** 2

describe('URL snippets', () => {
  it('escapes HTML in attributes and text', () => {
    expect(escapeHtml(`a&b<c>"d"'e'`)).toBe('a&amp;b&lt;c&gt;&quot;d&quot;&#39;e&#39;')
    expect(htmlSnippet('https://x/a.png?x=1&y=2', 'fotos/"><script>.png')).toBe('<img src="https://x/a.png?x=1&amp;y=2" alt="&quot;&gt;&lt;script&gt;.png">')
    expect(htmlSnippet('https://x/informe.pdf', 'docs/informe <final>.pdf')).toBe('<a href="https://x/informe.pdf">informe &lt;final&gt;.pdf</a>')
  })

  it('makes Markdown images for images and links for the rest, with safe URLs and text', () => {
    expect(markdownSnippet('https://x/gato%20(1).png', 'fotos/gato (1).png')).toBe('![gato (1).png](https://x/gato%20%281%29.png)')
    expect(markdownSnippet('https://x/a.txt', 'a [b]_*c*.txt')).toBe('[a \\[b\\]\\_\\*c\\*.txt](https://x/a.txt)')
    expect(markdownUrl('https://x/a (b)<c>')).toBe('https://x/a%20%28b%29%3Cc%3E')
    expect(escapeMarkdownText('\\`')).toBe('\\\\\\`')
  })

  it('knows images by extension and names by their last segment', () => {
    expect(['a.png', 'b.JPG', 'c.webp', 'd.svg', 'e.avif', 'f.gif'].every(isImageName)).toBe(true)
    expect(['a.txt', 'b.pdf', 'noext', 'png'].some(isImageName)).toBe(false)
    expect(displayName('a/b/c.png')).toBe('c.png')
    expect(displayName('a/b/')).toBe('b')
    expect(displayName('solo')).toBe('solo')
  })

  it('puts keys under a base URL, keeping its path and encoding the key', () => {
    expect(baseUrlFor('https://cdn.example.com/media/', 'año 2024/a+b.png')).toBe('https://cdn.example.com/media/a%C3%B1o%202024/a%2Bb.png')
    expect(baseUrlFor('https://cdn.example.com', 'x')).toBe('https://cdn.example.com/x')
  })
})

describe('CopySource', () => {
  it('encodes each segment of the key and keeps the slashes', () => {
    expect(copySourceFor('blog', 'año 2024/foto niño+1 #2.png')).toBe('blog/a%C3%B1o%202024/foto%20ni%C3%B1o%2B1%20%232.png')
    expect(copySourceFor('blog', 'a b+c%d?.txt')).toBe('blog/a%20b%2Bc%25d%3F.txt')
    expect(copySourceFor('blog', '📷/gato 🐱.jpg')).toBe('blog/%F0%9F%93%B7/gato%20%F0%9F%90%B1.jpg')
  })
})

describe('selection expansion and batches', () => {
  const tree: Record<string, string[]> = {
    'fotos/': ['fotos/', 'fotos/a.png', 'fotos/sub/b.png'],
    'fotos/sub/': ['fotos/sub/b.png'],
    'docs/': ['docs/x.pdf'],
  }

  it('expands folders, lists nested selected folders once, and never repeats a key', async () => {
    const listed: string[] = []
    const listUnder = async (prefix: string) => {
      listed.push(prefix)
      return tree[prefix] ?? []
    }
    const keys = await expandSelection(['fotos/a.png', 'fotos/', 'fotos/sub/', 'docs/', 'fotos/', 'suelto.txt'], listUnder)
    expect(keys.sort()).toEqual(['docs/x.pdf', 'fotos/', 'fotos/a.png', 'fotos/sub/b.png', 'suelto.txt'])
    expect(listed).toEqual(['fotos/', 'docs/'])
  })

  it('leaves plain keys alone and lists nothing for them', async () => {
    const keys = await expandSelection(['a', 'b/c'], async () => {
      throw new Error('should not list')
    })
    expect(keys).toEqual(['a', 'b/c'])
  })

  it('splits into batches of at most 1,000', () => {
    const items = Array.from({ length: 2500 }, (_, i) => i)
    expect(chunk(items, 1000).map((b) => b.length)).toEqual([1000, 1000, 500])
    expect(chunk(items, 1000).flat()).toEqual(items)
    expect(chunk([], 1000)).toEqual([])
    expect(() => chunk(items, 0)).toThrow(RangeError)
  })

  it('maps keys under a moved folder to the new prefix', () => {
    expect(targetKeyFor('fotos/', 'imágenes/', 'fotos/')).toBe('imágenes/')
    expect(targetKeyFor('fotos/', 'imágenes/', 'fotos/sub/a b.png')).toBe('imágenes/sub/a b.png')
    expect(targetKeyFor('a.txt', 'b.txt', 'a.txt')).toBe('b.txt')
    expect(() => targetKeyFor('fotos/', 'x/', 'otras/a')).toThrow(RangeError)
  })
})

describe('listing answers', () => {
  it('maps prefixes to folders and contents to objects, skipping the folder marker, decoding S3 url encoding', () => {
    const page = toListingPage('año 2024/', {
      EncodingType: 'url',
      IsTruncated: true,
      NextContinuationToken: 'tok',
      CommonPrefixes: [{ Prefix: 'a%C3%B1o+2024/sub+1/' }],
      Contents: [
        { Key: 'a%C3%B1o+2024/', Size: 0 },
        { Key: 'a%C3%B1o+2024/foto+ni%C3%B1o%2B1+%232.png', Size: 5, LastModified: new Date('2024-05-01T00:00:00Z'), StorageClass: 'STANDARD' },
      ],
    })
    expect(page).toEqual({
      nextToken: 'tok',
      entries: [
        { key: 'año 2024/sub 1/', name: 'sub 1', kind: 'folder', size: null, lastModified: null, storageClass: null },
        { key: 'año 2024/foto niño+1 #2.png', name: 'foto niño+1 #2.png', kind: 'object', size: 5, lastModified: '2024-05-01T00:00:00.000Z', storageClass: 'STANDARD' },
      ],
    })
  })

  it('takes keys literally when the server did not encode them, and ends on the last page', () => {
    const page = toListingPage('', { IsTruncated: false, NextContinuationToken: 'ignored', Contents: [{ Key: 'a+b %41.txt', Size: 1 }] })
    expect(page.entries.map((e) => e.key)).toEqual(['a+b %41.txt'])
    expect(page.nextToken).toBeNull()
  })

  it('decodes form encoding, and survives malformed escapes', () => {
    expect(decodeListedKey('a+b%2Bc%25d%3F.txt')).toBe('a b+c%d?.txt')
    expect(decodeListedKey('bad%E0%A4%A')).toBe('bad%E0%A4%A')
    expect(nameUnder('a/', 'a/b/')).toBe('b')
  })
})

describe('multipart copy plan', () => {
  it('covers every byte once, in order, with inclusive ends', () => {
    const parts = planCopyParts(11 * MiB, 5 * MiB)
    expect(parts).toEqual([
      { partNumber: 1, start: 0, end: 5 * MiB - 1 },
      { partNumber: 2, start: 5 * MiB, end: 10 * MiB - 1 },
      { partNumber: 3, start: 10 * MiB, end: 11 * MiB - 1 },
    ])
  })

  it('uses 256 MiB parts, growing them to stay within 10,000 parts', () => {
    expect(planCopyParts(6 * 1024 ** 3)).toHaveLength(24)
    const huge = planCopyParts(5 * 1024 ** 4)
    expect(huge.length).toBeLessThanOrEqual(10_000)
    expect(huge.at(-1)!.end).toBe(5 * 1024 ** 4 - 1)
    expect(() => planCopyParts(20 * MiB, MiB)).toThrow(RangeError)
    expect(() => planCopyParts(100_001 * 5 * MiB, 5 * MiB)).toThrow(RangeError)
  })
})

describe('object headers', () => {
  it('keeps what a rewrite must resend and leaves out the defaults', () => {
    const head = {
      $metadata: {},
      ContentType: 'image/png',
      CacheControl: 'max-age=60',
      ContentDisposition: 'inline',
      ContentLanguage: 'es',
      Metadata: { autor: 'ana' },
      StorageClass: 'STANDARD' as const,
      ServerSideEncryption: 'AES256' as const,
    }
    expect(headersFromHead(head)).toEqual({ ContentType: 'image/png', CacheControl: 'max-age=60', ContentDisposition: 'inline', ContentLanguage: 'es', Metadata: { autor: 'ana' } })
    expect(headersFromHead({ $metadata: {}, StorageClass: 'STANDARD_IA', ServerSideEncryption: 'aws:kms', SSEKMSKeyId: 'arn:k' })).toEqual({
      StorageClass: 'STANDARD_IA',
      ServerSideEncryption: 'aws:kms',
      SSEKMSKeyId: 'arn:k',
    })
    expect(propertiesFromHead('k', { $metadata: {}, ContentLength: 3 })).toEqual({
      key: 'k', size: 3, etag: null, contentType: null, cacheControl: null, lastModified: null, storageClass: 'STANDARD', metadata: {}, archiveTier: null, restore: null,
    })
  })
})

describe('preview type', () => {
  it('trusts an image/* type, else the extension; SVG is always image/svg+xml', () => {
    expect(previewTypeFor('image/png', 'a.bin')).toBe('image/png')
    expect(previewTypeFor('binary/octet-stream', 'año/foto.JPG')).toBe('image/jpeg')
    expect(previewTypeFor('text/xml', 'dibujo.svg')).toBe('image/svg+xml')
    expect(previewTypeFor('image/svg', 'x')).toBe('image/svg+xml')
    expect(previewTypeFor('image/webp; charset=binary', 'x')).toBe('image/webp')
    expect(previewTypeFor('text/plain', 'notas.txt')).toBeNull()
    expect(previewTypeFor(null, 'sin-extension')).toBeNull()
    expect(previewTypeFor(null, 'fotos/png')).toBeNull()
    // Nothing odd gets into the data: URL's type.
    expect(previewTypeFor('image/png"><x', 'a.gif')).toBe('image/gif')
  })
})

describe('progress reporter', () => {
  it('throttles updates but always sends the first, a new total and the finish', () => {
    let t = 0
    const sent: unknown[] = []
    const p = createProgressReporter((e) => sent.push(e), { operationId: 'op', kind: 'delete' }, { intervalMs: 100, now: () => t })
    p.report(0, null)
    p.report(0, 3000)
    p.report(1000, 3000)
    t = 150
    p.report(2000, 3000)
    p.finish(3000, 3000)
    p.finish(3000, 3000)
    p.report(1, 1)
    expect(sent).toEqual([
      { operationId: 'op', kind: 'delete', done: 0, total: null, finished: false },
      { operationId: 'op', kind: 'delete', done: 0, total: 3000, finished: false },
      { operationId: 'op', kind: 'delete', done: 2000, total: 3000, finished: false },
      { operationId: 'op', kind: 'delete', done: 3000, total: 3000, finished: true },
    ])
  })
})

describe('bucket region', () => {
  const s3 = {} as S3Client
  const aws = { region: 'us-east-1', endpoint: null }

  it('reads x-amz-bucket-region from an error (a 301 or 403 from HeadBucket)', () => {
    expect(regionFromError({ name: 'PermanentRedirect', $response: { headers: { 'x-amz-bucket-region': 'sa-east-1' } } })).toBe('sa-east-1')
    expect(regionFromError({ name: 'NotFound', $response: { headers: {} } })).toBeNull()
    expect(regionFromError({ $response: { headers: { 'x-amz-bucket-region': 'evil/../x' } } })).toBeNull()
  })

  it('asks once per profile and bucket, shares concurrent asks, and caches only answers', async () => {
    const asked: string[] = []
    const answers: Record<string, string | null> = { media: 'eu-west-1', nueva: null }
    const cache = createBucketRegionCache(async (_s3, bucket) => {
      asked.push(bucket)
      return answers[bucket] ?? null
    })
    const both = await Promise.all([cache.regionFor('p1', aws, 'media', s3), cache.regionFor('p1', aws, 'media', s3)])
    expect(both).toEqual(['eu-west-1', 'eu-west-1'])
    expect(await cache.regionFor('p1', aws, 'media', s3)).toBe('eu-west-1')
    expect(await cache.regionFor('p2', aws, 'media', s3)).toBe('eu-west-1')
    expect(await cache.regionFor('p1', aws, 'nueva', s3)).toBe('us-east-1')
    expect(await cache.regionFor('p1', aws, 'nueva', s3)).toBe('us-east-1')
    expect(asked).toEqual(['media', 'media', 'nueva', 'nueva'])
  })

  it('uses a custom endpoint profile’s region as is, without asking', async () => {
    const cache = createBucketRegionCache(async () => {
      throw new Error('should not ask')
    })
    expect(await cache.regionFor('p', { region: 'auto', endpoint: 'http://minio:9000' }, 'b', s3)).toBe('auto')
  })

  it('falls back to the profile region when the question itself fails', async () => {
    const cache = createBucketRegionCache(async () => {
      throw new Error('ECONNRESET')
    })
    expect(await cache.regionFor('p', aws, 'b', s3)).toBe('us-east-1')
  })
})

describe('mapWithConcurrency stops after a failure', () => {
  it('stops starting new work after a failure and rethrows it', async () => {
    const started: number[] = []
    const run = mapWithConcurrency([1, 2, 3, 4, 5, 6], 2, async (n) => {
      started.push(n)
      await new Promise((r) => setTimeout(r, n === 2 ? 1 : 5))
      if (n === 2) throw new Error('part 2 failed')
      return n
    })
    await expect(run).rejects.toThrow('part 2 failed')
    expect(started).toEqual([1, 2])
  })

  it('keeps the input order of results', async () => {
    expect(await mapWithConcurrency([30, 10, 20], 3, async (n) => new Promise((r) => setTimeout(() => r(n), n)))).toEqual([30, 10, 20])
  })
})

describe('AWS errors the file browser meets', () => {
  it.each([
    ['NoSuchKey', 'object-not-found'],
    ['NoSuchBucket', 'bucket-not-found'],
    ['InvalidObjectState', 'object-archived'],
  ])('%s → %s', (name, code) => {
    const error = toAppError(Object.assign(new Error('raw'), { name }), { action: 'read it' })
    expect(error.code).toBe(code)
    expect(error.hint.length).toBeGreaterThan(10)
    expect(error.message).not.toContain('raw')
  })
})
