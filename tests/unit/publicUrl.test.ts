import { describe, expect, it } from 'vitest'
import { baseUrlFor, encodeKey, objectUrl, preferredStyle } from '../../src-main/contract/rules/publicUrl'

describe('public URLs', () => {
  it('encodes per path segment: space %20, + %2B, UTF-8, slashes kept', () => {
    expect(encodeKey('año 2024/foto niño+1 #2.png')).toBe('a%C3%B1o%202024/foto%20ni%C3%B1o%2B1%20%232.png')
    expect(encodeKey('a b+c%d?.txt')).toBe('a%20b%2Bc%25d%3F.txt')
    expect(encodeKey('dir//x/')).toBe('dir//x/')
  })

  it('builds virtual-hosted AWS URLs by default', () => {
    expect(objectUrl({ bucket: 'blog', key: 'a b.png', region: 'eu-west-1', endpoint: null })).toBe('https://blog.s3.eu-west-1.amazonaws.com/a%20b.png')
  })

  it('uses path style for dotted names and custom endpoints', () => {
    expect(preferredStyle({ bucket: 'media.blog', endpoint: null })).toBe('path')
    expect(objectUrl({ bucket: 'media.blog', key: 'x', region: 'sa-east-1', endpoint: null })).toBe('https://s3.sa-east-1.amazonaws.com/media.blog/x')
    expect(objectUrl({ bucket: 'b', key: 'k+1', region: 'auto', endpoint: 'http://127.0.0.1:9000/' })).toBe('http://127.0.0.1:9000/b/k%2B1')
    expect(objectUrl({ bucket: 'b', key: 'k', region: 'auto', endpoint: 'https://minio.local:9000' }, 'virtual-hosted')).toBe('https://b.minio.local:9000/k')
  })
})

/** Found by tests/unit/hostileInput.property.test.ts; each was a wrong URL or a throw. */
describe('public URLs for hostile names', () => {
  it('uses path style for legacy names a host name would lowercase or refuse', () => {
    expect(preferredStyle({ bucket: 'My_Bucket', endpoint: null })).toBe('path')
    expect(objectUrl({ bucket: 'My_Bucket', key: 'a', region: 'us-east-1', endpoint: null })).toBe('https://s3.us-east-1.amazonaws.com/My_Bucket/a')
    expect(objectUrl({ bucket: 'Media', key: 'a', region: 'auto', endpoint: 'https://minio.local' }, 'virtual-hosted')).toBe('https://minio.local/Media/a')
  })

  it('keeps the ?query and #fragment of a base URL after the key instead of swallowing it', () => {
    expect(baseUrlFor('https://cdn.example.com/media?v=1', 'a b.png')).toBe('https://cdn.example.com/media/a%20b.png?v=1')
    expect(baseUrlFor('https://cdn.example.com/#top', 'x')).toBe('https://cdn.example.com/x#top')
  })

  it('reads a custom endpoint as a browser does, so its path never eats the bucket', () => {
    expect(objectUrl({ bucket: 'b', key: 'k', region: 'auto', endpoint: 'http://h//.' })).toBe('http://h/b/k')
  })

  it('never throws on a lone surrogate, which no S3 key can hold', () => {
    expect(encodeKey('a\uD800/b')).toBe('a%EF%BF%BD/b')
  })
})
