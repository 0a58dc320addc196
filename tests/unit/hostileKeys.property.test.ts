import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { baseUrlFor, encodeKey, isDnsCompatibleBucket, objectUrl, preferredStyle } from '../../src-main/contract/rules/publicUrl'
import { copySourceFor } from '../../src-main/services/objects/copySource'
import { decodeListedKey, nameUnder } from '../../src-main/services/objects/listing'
import { displayName, htmlSnippet, markdownSnippet } from '../../src-main/services/objects/urlSnippets'
import { anyText, hostileSegment, objectKey, hasDotSegment, validBucket, hyphenBucket, legacyBucket, awsRegion, endpoint, keyBelow, basePath } from '../support/hostileInput'

/**
 * Hostile input, by property: object keys in every URL form and in folder names
 *
 * Names, keys, endpoints, regions and policies come from users, from other accounts'
 * uploads and from other tools' policies. Whatever arrives, the validators must answer
 * (never throw), agree with an independent statement of the rule, and the URL builders
 * must give back exactly the key they were handed. Runs are modest (2 cores, whole suite
 * well under a minute); a failure prints the shrunk counterexample and its seed.
 */
const runs = { numRuns: 300 }

// ---- Keys and URLs ----

describe('object keys in URLs', () => {
  it('are encoded into URL-safe characters, and decoding each segment gives the key back', () => {
    fc.assert(
      fc.property(objectKey, (key) => {
        const encoded = encodeKey(key)
        expect(encoded).toMatch(/^[A-Za-z0-9\-_.!~*'()%/]*$/)
        expect(encoded.split('/').map(decodeURIComponent).join('/')).toBe(key)
      }),
      runs,
    )
  })

  it('never make the encoder throw, even with a lone surrogate (which no S3 key can hold)', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(() => encodeKey(text)).not.toThrow()
        expect(() => baseUrlFor('https://cdn.example.com', text)).not.toThrow()
        expect(() => objectUrl({ bucket: text, key: text, region: 'eu-west-1', endpoint: null })).not.toThrow()
      }),
      runs,
    )
  })

  const browserSafeKey = objectKey.filter((key) => !hasDotSegment(key))

  it('round-trip through a virtual-hosted AWS URL, as a browser parses it', () => {
    fc.assert(
      fc.property(hyphenBucket, awsRegion, browserSafeKey, (bucket, region, key) => {
        expect(preferredStyle({ bucket, endpoint: null })).toBe('virtual-hosted')
        const url = new URL(objectUrl({ bucket, key, region, endpoint: null }))
        expect(url.hostname).toBe(`${bucket}.s3.${region}.amazonaws.com`)
        expect(url.search + url.hash).toBe('')
        expect(keyBelow(url.pathname, '/')).toBe(key)
      }),
      runs,
    )
  })

  it('round-trip through a path-style AWS URL, for any bucket name S3 has allowed', () => {
    fc.assert(
      fc.property(fc.oneof(validBucket, legacyBucket), awsRegion, browserSafeKey, (bucket, region, key) => {
        const url = new URL(objectUrl({ bucket, key, region, endpoint: null }, 'path'))
        expect(url.hostname).toBe(`s3.${region}.amazonaws.com`)
        expect(url.search + url.hash).toBe('')
        expect(keyBelow(url.pathname, `/${bucket}/`)).toBe(key)
      }),
      runs,
    )
  })

  it('use path style for every bucket name a host name would change (capitals, underscores, dots)', () => {
    fc.assert(
      fc.property(legacyBucket, awsRegion, browserSafeKey, (bucket, region, key) => {
        const url = new URL(objectUrl({ bucket, key, region, endpoint: null }))
        if (url.hostname === `s3.${region}.amazonaws.com`) {
          expect(keyBelow(url.pathname, `/${bucket}/`)).toBe(key)
        } else {
          // Virtual-hosted only where the host keeps the name exactly.
          expect(isDnsCompatibleBucket(bucket) && !bucket.includes('.')).toBe(true)
          expect(url.hostname).toBe(`${bucket}.s3.${region}.amazonaws.com`)
          expect(keyBelow(url.pathname, '/')).toBe(key)
        }
      }),
      runs,
    )
  })

  it('round-trip through a custom endpoint, path style and virtual-hosted, keeping the endpoint path', () => {
    fc.assert(
      fc.property(endpoint, fc.oneof(validBucket, legacyBucket), browserSafeKey, (base, bucket, key) => {
        const pathStyle = new URL(objectUrl({ bucket, key, region: 'auto', endpoint: base }))
        expect(pathStyle.host).toBe(new URL(base).host)
        expect(pathStyle.search + pathStyle.hash).toBe('')
        expect(keyBelow(pathStyle.pathname, `${basePath(base)}/${bucket}/`)).toBe(key)

        const virtual = new URL(objectUrl({ bucket, key, region: 'auto', endpoint: base }, 'virtual-hosted'))
        if (isDnsCompatibleBucket(bucket)) {
          expect(virtual.hostname).toBe(`${bucket}.${new URL(base).hostname}`)
          expect(keyBelow(virtual.pathname, `${basePath(base)}/`)).toBe(key)
        } else {
          expect(virtual.href).toBe(pathStyle.href)
        }
      }),
      runs,
    )
  })

  it('round-trip under a custom base URL, whose path, ?query and #fragment stay where they were', () => {
    const base = fc
      .tuple(
        fc.webUrl({ validSchemes: ['https'], withQueryParameters: false, withFragments: false }),
        fc.constantFrom('', '/', '//', '?v=1', '/?token=abc', '#top'),
      )
      .map(([url, tail]) => `${url}${tail}`)
    fc.assert(
      fc.property(base, browserSafeKey, (publicBaseUrl, key) => {
        const original = new URL(publicBaseUrl)
        const url = new URL(baseUrlFor(publicBaseUrl, key))
        expect(url.host).toBe(original.host)
        expect(url.search).toBe(original.search)
        expect(url.hash).toBe(original.hash)
        expect(keyBelow(url.pathname, `${basePath(publicBaseUrl)}/`)).toBe(key)
      }),
      runs,
    )
  })

  it('keep dot segments literally: the raw URL decodes back, though a browser would resolve them', () => {
    const dotted = fc.array(fc.oneof(hostileSegment, fc.constantFrom('.', '..')), { minLength: 1, maxLength: 6 }).map((parts) => [...parts, '..'].join('/'))
    fc.assert(
      fc.property(hyphenBucket, awsRegion, dotted, (bucket, region, key) => {
        const prefix = `https://${bucket}.s3.${region}.amazonaws.com/`
        const url = objectUrl({ bucket, key, region, endpoint: null })
        expect(keyBelow(url, prefix)).toBe(key)
      }),
      runs,
    )
    // The limit, pinned: a browser turns this key's URL into another object's.
    const url = objectUrl({ bucket: 'media', key: 'a/../b.png', region: 'eu-west-1', endpoint: null })
    expect(url).toBe('https://media.s3.eu-west-1.amazonaws.com/a/../b.png')
    expect(new URL(url).pathname).toBe('/b.png')
  })

  it('round-trip through the x-amz-copy-source header used by rename and set-headers', () => {
    fc.assert(
      fc.property(fc.oneof(validBucket, legacyBucket), objectKey, (bucket, key) => {
        const header = copySourceFor(bucket, key)
        expect(header.startsWith(`${bucket}/`)).toBe(true)
        expect(keyBelow(header, `${bucket}/`)).toBe(key)
      }),
      runs,
    )
  })

  it('stay inert inside the HTML and Markdown snippets', () => {
    fc.assert(
      fc.property(hyphenBucket, objectKey, (bucket, key) => {
        const url = objectUrl({ bucket, key, region: 'eu-west-1', endpoint: null })
        const html = htmlSnippet(url, key)
        // One element, whose quoted attributes no key can close.
        expect(html.match(/</g)?.length).toBe(html.startsWith('<img') ? 1 : 2)
        for (const [, value] of html.matchAll(/="([^"]*)"/g)) expect(value).not.toMatch(/[<>"]/)
        const markdown = markdownSnippet(url, key)
        // The target follows the last "](": the escaped text may hold "](" itself, the URL (no "(" in it) cannot.
        const target = markdown.endsWith(')') ? markdown.slice(markdown.lastIndexOf('](') + 2, -1) : undefined
        expect(target).toBeDefined()
        expect(target).not.toMatch(/[\s()<>]/)
      }),
      runs,
    )
  })
})

describe('keys split into folder names', () => {
  /** What S3 sends with EncodingType=url: form encoding, a space as +. */
  const s3ListEncode = (key: string) => encodeURIComponent(key).replace(/%20/g, '+').replace(/%2F/g, '/')

  it('decode from a listing exactly (EncodingType=url)', () => {
    fc.assert(
      fc.property(objectKey, (key) => {
        expect(decodeListedKey(s3ListEncode(key))).toBe(key)
      }),
      runs,
    )
  })

  it('show the name below the folder: a file its last part, a folder its part without "/"', () => {
    const prefix = fc.array(hostileSegment, { maxLength: 4 }).map((parts) => parts.map((p) => `${p.replace(/\//g, '')}/`).join(''))
    const name = hostileSegment.map((s) => s.replace(/\//g, ''))
    fc.assert(
      fc.property(prefix, name, (folder, leaf) => {
        expect(nameUnder(folder, `${folder}${leaf}`)).toBe(leaf)
        expect(nameUnder(folder, `${folder}${leaf}/`)).toBe(leaf)
        if (leaf !== '') expect(displayName(`${folder}${leaf}`)).toBe(leaf)
      }),
      runs,
    )
  })
})
