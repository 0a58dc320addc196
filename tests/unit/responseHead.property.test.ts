import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { dechunk, maxHeadBytes, parseResponseHead, rangeBodyBytes, type AskedRange } from '../../src-main/services/leanHttp/responseHead'

const asked: AskedRange = { start: 8_388_608, end: 16_777_215, total: 20_971_525, etag: '"5d41402abc4b2a76b9719d911017c592"' }
const goodHead = (extra = '') =>
  `HTTP/1.1 206 Partial Content\r\nAccept-Ranges: bytes\r\nContent-Length: 8388608\r\nContent-Range: bytes 8388608-16777215/20971525\r\nETag: ${asked.etag}\r\nLast-Modified: Tue, 01 Dec 2026 23:00:00 GMT\r\n${extra}\r\n`
const bytesOf = (text: string) => Buffer.from(text, 'latin1')

describe('the lean GET’s response head', () => {
  it('reads S3’s answer to a range, and takes exactly the range’s bytes', () => {
    const parsed = parseResponseHead(Buffer.concat([bytesOf(goodHead()), Buffer.alloc(10, 7)]))
    expect(parsed).toMatchObject({ kind: 'head', status: 206, headBytes: goodHead().length })
    if (parsed.kind !== 'head') throw new Error('no head')
    expect(rangeBodyBytes(parsed, asked)).toEqual({ bytes: 8_388_608 })
  })

  it('is incomplete at every cut before the blank line, and the same head at every cut after it', () => {
    const full = bytesOf(goodHead())
    for (let cut = 0; cut < full.length; cut++) expect(parseResponseHead(full.subarray(0, cut)).kind).toBe('incomplete')
    expect(parseResponseHead(full)).toMatchObject({ kind: 'head', headBytes: full.length })
  })

  it.each([
    ['a chunked body', goodHead('Transfer-Encoding: chunked\r\n')],
    ['a compressed body', goodHead('Content-Encoding: gzip\r\n')],
    ['a second Content-Length', goodHead('Content-Length: 5\r\n')],
    ['a Content-Length that is not the range', goodHead().replace('Content-Length: 8388608', 'Content-Length: 8388609')],
    ['a negative Content-Length', goodHead().replace('Content-Length: 8388608', 'Content-Length: -1')],
    ['another range', goodHead().replace('bytes 8388608-16777215', 'bytes 8388607-16777214')],
    ['another total', goodHead().replace('/20971525', '/20971526')],
    ['an unknown total', goodHead().replace('/20971525', '/*')],
    ['another ETag', goodHead().replace(asked.etag, '"0000"')],
    ['a 200', goodHead().replace('206 Partial Content', '200 OK')],
    ['a 100 Continue', goodHead().replace('206 Partial Content', '100 Continue')],
    ['a redirect', goodHead().replace('206 Partial Content', '307 Temporary Redirect')],
    ['HTTP/1.0', goodHead().replace('HTTP/1.1', 'HTTP/1.0')],
    ['a folded header', goodHead('X-Folded: a\r\n  b\r\n')],
    ['a bare LF', goodHead('X-Bare: a\nb\r\n')],
    ['a header without a colon', goodHead('Nonsense\r\n')],
    ['a control character', goodHead('X-Bad: a\u0001b\r\n')],
  ])('hands %s to the SDK', (_, head) => {
    const parsed = parseResponseHead(bytesOf(head))
    const verdict = parsed.kind === 'head' ? rangeBodyBytes(parsed, asked) : parsed
    expect(verdict).not.toHaveProperty('bytes')
    expect(verdict).not.toMatchObject({ kind: 'incomplete' })
  })

  it('gives up on a head that never ends', () => {
    expect(parseResponseHead(bytesOf(`HTTP/1.1 206 OK\r\n${'X-Long: a\r\n'.repeat(maxHeadBytes / 11 + 1)}`))).toMatchObject({ kind: 'unexpected' })
  })

  it('never throws on random or damaged heads, and accepts only the exact range', () => {
    const damaged = fc.tuple(fc.nat(goodHead().length), fc.nat(goodHead().length), fc.uint8Array({ maxLength: 8 })).map(([at, cut, noise]) => {
      const head = bytesOf(goodHead())
      return Buffer.concat([head.subarray(0, at), noise, head.subarray(at, Math.max(at, cut))])
    })
    const random = fc.uint8Array({ maxLength: 600 })
    const lines = fc.array(fc.string({ maxLength: 40 }), { maxLength: 12 }).map((ls) => bytesOf(`HTTP/1.1 206 X\r\n${ls.join('\r\n')}\r\n\r\n`))
    fc.assert(
      fc.property(fc.oneof(damaged, random, lines), (bytes) => {
        const parsed = parseResponseHead(bytes)
        if (parsed.kind !== 'head') return
        expect(parsed.headBytes).toBeLessThanOrEqual(bytes.length)
        const verdict = rangeBodyBytes(parsed, asked)
        if ('bytes' in verdict) expect(verdict.bytes).toBe(asked.end - asked.start + 1)
      }),
      { numRuns: 3000 },
    )
  })
})

describe('a chunked error body', () => {
  const chunked = (pieces: string[], end = '0\r\n\r\n') => bytesOf(pieces.map((piece) => `${piece.length.toString(16)}\r\n${piece}\r\n`).join('') + end)

  it('is the chunks joined, and the bytes it took, once the last chunk is there', () => {
    const whole = chunked(['<Error><Code>Internal', 'Error</Code></Error>'])
    expect(dechunk(whole)).toEqual({ body: bytesOf('<Error><Code>InternalError</Code></Error>'), bytes: whole.length })
    expect(dechunk(Buffer.concat([whole, bytesOf('HTTP/1.1')]))).toEqual({ body: bytesOf('<Error><Code>InternalError</Code></Error>'), bytes: whole.length })
  })

  it('is incomplete at every cut before its end', () => {
    const whole = chunked(['<Error>', '<Code>SlowDown</Code>', '</Error>'])
    for (let cut = 0; cut < whole.length; cut++) expect(dechunk(whole.subarray(0, cut))).toEqual({ incomplete: true })
  })

  it.each([
    ['a size that is not hex', bytesOf('zz\r\nabc\r\n0\r\n\r\n')],
    ['a chunk longer than its size', bytesOf('2\r\nabc\r\n0\r\n\r\n')],
    ['trailers', chunked(['abc'], '0\r\nX-Trailer: 1\r\n\r\n')],
    ['a size line that never ends', bytesOf('1'.repeat(300))],
  ])('is unexpected with %s', (_, bytes) => {
    expect(dechunk(bytes)).toHaveProperty('unexpected')
  })

  it('never throws on random bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => void dechunk(Buffer.from(bytes))))
  })
})
