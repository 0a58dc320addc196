import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { reachableName, unreachableSegment } from '../../src-main/contract/rules/publicUrl'
import { doctorCheckIds, type DoctorReport } from '../../src-main/contract/calls/urlDoctor'
import { doctorEnglish, doctorText } from '../../src-main/contract/words/urlDoctor'
import type { AnonymousAnswer, BlockConfig, DoctorFacts, Read } from '../../src-main/services/urlDoctor/rules/doctorFacts'
import { browserAction, contentTypeProblem, inlineDisposition, visitorContext } from '../../src-main/services/urlDoctor/rules/browserBehaviour'
import { matchingCorsRule } from '../../src-main/services/urlDoctor/rules/judgeCors'
import { judgeAll } from '../../src-main/services/urlDoctor/rules/judgeReport'
import { editDistance, nearKeys } from '../../src-main/services/urlDoctor/rules/nearKeys'

const ok = <T>(value: T): Read<T> => ({ state: 'ok', value })
const answer = (status: number | null, extra: Partial<AnonymousAnswer> = {}): AnonymousAnswer => ({
  url: 'https://media.s3.eu-west-1.amazonaws.com/a.png',
  status,
  failure: null,
  contentType: 'image/png',
  contentDisposition: null,
  etag: '"abc"',
  location: null,
  bucketRegion: null,
  allowOrigin: null,
  errorCode: null,
  errorBucket: null,
  errorRegion: null,
  ...extra,
})
const open: BlockConfig = { BlockPublicAcls: false, IgnorePublicAcls: false, BlockPublicPolicy: false, RestrictPublicBuckets: false }
const publicPolicy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'Public', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::media/*' }] })

/** Every fact of a bucket whose object is public and fine; tests change one thing. */
function facts(change: Partial<DoctorFacts> = {}, question: Partial<DoctorFacts['question']> = {}): DoctorFacts {
  return {
    question: { profileId: 'p', bucket: 'media', key: 'a.png', form: 'public', origin: null, usage: 'page', ...question },
    bucketRegion: 'eu-west-1',
    isAws: true,
    checkedKey: 'a.png',
    url: 'https://media.s3.eu-west-1.amazonaws.com/a.png',
    request: answer(206),
    accountBlock: ok(null),
    bucketBlock: ok(open),
    policy: ok(publicPolicy),
    ownership: ok('BucketOwnerEnforced'),
    head: ok({ size: 3, etag: '"abc"', contentType: 'image/png', contentDisposition: null, encryption: 'AES256' }),
    cors: ok(null),
    requestPayment: ok('BucketOwner'),
    ...change,
  }
}
const report = (f: DoctorFacts) => judgeAll(f, true)
const causes = (r: ReturnType<typeof report>) => r.checks.flatMap((c) => c.findings.filter((x) => x.severity === 'cause').map((x) => x.code))

describe('the doctor’s judgement, from facts', () => {
  it('says a good URL works, with no cause', () => {
    const r = report(facts())
    expect(causes(r)).toEqual([])
    expect(r.conclusion?.code).toBe('conclusion.works')
    expect(r.checks.map((c) => c.id)).toEqual([...doctorCheckIds])
  })

  it('names Requester Pays, with a fix that says who pays after', () => {
    const r = report(facts({ requestPayment: ok('Requester'), request: answer(403, { errorCode: 'AccessDenied' }) }))
    expect(causes(r)).toEqual(['requester-pays.on'])
    expect(r.conclusion).toMatchObject({ code: 'requester-pays.on', fix: { kind: 'apply', id: 'requester-pays', caution: { code: 'fix.requester-pays-caution' } } })
    expect(r.plans.get('requester-pays')).toEqual({ kind: 'requester-pays', bucket: 'media' })
  })

  it('makes an IP-range statement the cause when the visitor was refused', () => {
    const office = JSON.stringify({ Statement: [{ Sid: 'Office', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::media/*', Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } }] })
    expect(causes(report(facts({ policy: ok(office), request: answer(403) })))).toEqual(['policy.ip-only'])
    expect(causes(report(facts({ policy: ok(office) })))).toEqual([])
  })

  it('never shows what it could not read as a pass, and the conclusion lists it', () => {
    const denied = (permission: string): Read<never> => ({ state: 'denied', permission })
    const r = report(facts({ request: answer(403), accountBlock: denied('s3:GetAccountPublicAccessBlock'), bucketBlock: denied('s3:GetBucketPublicAccessBlock'), policy: denied('s3:GetBucketPolicy'), ownership: denied('s3:GetBucketOwnershipControls'), head: denied('s3:GetObject'), requestPayment: denied('s3:GetBucketRequestPayment') }))
    for (const id of ['account-block', 'bucket-block', 'policy', 'ownership', 'object', 'requester-pays'] as const) expect(r.checks.find((c) => c.id === id)?.state, id).toBe('not-checked')
    expect(r.conclusion).toMatchObject({ code: 'conclusion.unexplained-unread', params: { status: 403, unread: expect.stringContaining('s3:GetBucketPolicy') } })
    // And a fix that needs the policy can't be offered blind.
    const missing = report(facts({ policy: denied('s3:GetBucketPolicy'), ownership: ok(null), acl: ok(true), bucketBlock: ok({ ...open, IgnorePublicAcls: true }) }))
    expect(missing.conclusion?.fix).toMatchObject({ kind: 'words', text: { code: 'not-checked.permission' } })
  })

  it('says "unexplained" when every readable setting allows it and visitors still get 403', () => {
    expect(report(facts({ request: answer(403, { errorCode: 'AccessDenied' }) })).conclusion).toMatchObject({ code: 'conclusion.unexplained', params: { status: 403 }, fix: { kind: 'words' } })
  })

  it('will not offer to add a public statement while the account blocks public policies', () => {
    const r = report(facts({ policy: ok(null), accountBlock: ok({ ...open, BlockPublicPolicy: true }) }))
    expect(causes(r)).toEqual(['policy.none'])
    expect(r.conclusion?.fix).toMatchObject({ kind: 'words', text: { code: 'fix.account-blocks-fix' } })
    expect(r.plans.size).toBe(0)
    expect(r.checks.find((c) => c.id === 'account-block')?.findings[0]).toMatchObject({ severity: 'warning', code: 'account-block.block-policy' })
  })

  it('relaxes only the policy flags, keeping the ACL ones as they were', () => {
    const blocked = { BlockPublicAcls: false, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true }
    const r = report(facts({ policy: ok(null), bucketBlock: ok(blocked) }))
    expect(causes(r)).toEqual(['bucket-block.restrict', 'policy.none'])
    expect(r.plans.get('public-policy')).toMatchObject({ blockAfter: { ...blocked, BlockPublicPolicy: false, RestrictPublicBuckets: false } })
  })

  it('leaves the bucket alone when a CDN serves the file: origin access control needs no public bucket', () => {
    const cdn = facts({ policy: ok(null), request: answer(200, { url: 'https://cdn.example/a.png' }), direct: answer(403) }, { form: 'custom-base' })
    const r = report(cdn)
    expect(causes(r)).toEqual([])
    expect(r.checks.find((c) => c.id === 'policy')?.findings.map((f) => f.code)).toEqual(['policy.none', 'policy.not-needed-cdn'])
    expect(r.plans.size).toBe(0)
  })

  it('names a wrong region from the 301 and builds the right URL for the form', () => {
    const moved = answer(301, { bucketRegion: 'sa-east-1', errorCode: 'PermanentRedirect', contentType: 'application/xml' })
    const r = report(facts({ request: moved }, { form: 'path-style' }))
    expect(causes(r)).toEqual(['request.wrong-region'])
    expect(r.conclusion?.fix).toMatchObject({ text: { params: { region: 'sa-east-1', url: 'https://s3.sa-east-1.amazonaws.com/media/a.png' } } })
  })

  it('skips what does not apply: CORS for a plain <img>, account settings off AWS', () => {
    const r = report(facts({ isAws: false, accountBlock: undefined }))
    expect(r.checks.find((c) => c.id === 'cors')?.state).toBe('skipped')
    expect(r.checks.find((c) => c.id === 'account-block')?.state).toBe('skipped')
    const noOrigin = report(facts({}, { usage: 'fetch' }))
    expect(noOrigin.checks.find((c) => c.id === 'cors')?.findings[0]?.code).toBe('cors.no-origin')
  })

  it('waits for facts it does not have yet, and has no conclusion until finished', () => {
    const early = judgeAll({ ...facts(), accountBlock: undefined, bucketBlock: undefined, policy: undefined, ownership: undefined, head: undefined, requestPayment: undefined, request: undefined }, false)
    expect(early.checks.map((c) => c.state)).toEqual(['waiting', 'waiting', 'waiting', 'waiting', 'waiting', 'waiting', 'skipped', 'waiting', 'skipped'])
    expect(early.conclusion).toBeNull()
  })
})

describe('browser behaviour and small rules', () => {
  it('knows what a browser shows and what it downloads', () => {
    expect(browserAction(200, 'image/png', null)).toBe('show')
    expect(browserAction(206, 'text/css; charset=utf-8', null)).toBe('show')
    expect(browserAction(200, 'image/png', 'attachment; filename=a.png')).toBe('download')
    expect(browserAction(200, 'binary/octet-stream', null)).toBe('download')
    expect(browserAction(200, 'application/zip', null)).toBe('download')
    expect(browserAction(301, null, null)).toBe('redirect')
    expect(browserAction(403, 'application/xml', null)).toBe('error')
    expect(browserAction(null, null, null)).toBe('error')
  })

  it('expects the type from the name, and only flags types that keep the browser from using the file', () => {
    expect(contentTypeProblem('a/b.png', 'binary/octet-stream')).toEqual({ kind: 'download', expected: 'image/png' })
    expect(contentTypeProblem('a/b.png', null)).toEqual({ kind: 'download', expected: 'image/png' })
    expect(contentTypeProblem('site.css', 'text/plain')).toEqual({ kind: 'text', expected: 'text/css; charset=utf-8' })
    expect(contentTypeProblem('app.js', 'text/plain; charset=utf-8')?.kind).toBe('text')
    expect(contentTypeProblem('a.png', 'image/png')).toBeNull()
    expect(contentTypeProblem('backup.zip', 'binary/octet-stream')).toBeNull()
    expect(contentTypeProblem('README', 'binary/octet-stream')).toBeNull()
    expect(contentTypeProblem('a.jpg', 'image/png')).toBeNull()
    expect(inlineDisposition('attachment; filename="a b.png"')).toBe('inline; filename="a b.png"')
  })

  it('asks as a visitor: https from the URL, a Referer only for the site’s pages, no VPC endpoint, IP unknown', () => {
    const direct = visitorContext('http://x/a', null)
    expect([direct('aws:SecureTransport'), direct('aws:Referer'), direct('aws:SourceVpce'), direct('aws:SourceIp'), direct('aws:PrincipalType')]).toEqual([['false'], 'absent', 'absent', 'unknown', ['Anonymous']])
    expect(visitorContext('https://x/a', 'https://blog.example')('AWS:REFERER')).toEqual(['https://blog.example/'])
  })

  it('offers near keys: case, + for a space, a missing folder, a typo; nothing far off', () => {
    const existing = ['media/fotos/Gato feliz.png', 'static/css/site.css', 'media/fotos/perro.png', 'media/', 'otra/cosa.txt']
    expect(nearKeys('media/fotos/gato+feliz.png', existing)[0]).toBe('media/fotos/Gato feliz.png')
    expect(nearKeys('css/site.css', existing)).toEqual(['static/css/site.css'])
    expect(nearKeys('media/fotos/pero.png', existing)).toEqual(['media/fotos/perro.png'])
    expect(nearKeys('nada-que-ver.bin', existing)).toEqual([])
    expect(editDistance('kitten', 'sitting', 9)).toBe(3)
    expect(editDistance('a', 'abcdef', 3)).toBe(3)
  })

  it('matches CORS rules by origin (one * wildcard) and method, in order', () => {
    const rules = [{ ID: 'put', AllowedOrigins: ['*'], AllowedMethods: ['PUT'] }, { ID: 'site', AllowedOrigins: ['https://*.blog.example'], AllowedMethods: ['GET', 'HEAD'] }]
    expect(matchingCorsRule(rules, 'https://www.blog.example')?.rule.ID).toBe('site')
    expect(matchingCorsRule(rules, 'https://evil.example')).toBeNull()
    expect(matchingCorsRule(rules, 'https://www.blog.example', 'DELETE')).toBeNull()
  })

  it('finds the dot segments no URL can reach, and a reachable name for any key', () => {
    expect(unreachableSegment('dots/./x.txt')).toBe('.')
    expect(unreachableSegment('a/../b')).toBe('..')
    expect(unreachableSegment('a/.hidden/..x/%2E/b')).toBeNull()
    expect(reachableName('dots/./x.txt')).toBe('dots/x.txt')
    expect(reachableName('../')).toBe('renamed/')
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom('.', '..', ''), fc.stringMatching(/^[a-z.]{1,4}$/)), { maxLength: 6 }), fc.boolean(), (segments, folder) => {
        const key = segments.join('/') + (folder ? '/' : '')
        if (key === '') return
        const name = reachableName(key)
        expect(unreachableSegment(name)).toBeNull()
        expect(name.endsWith('/')).toBe(key.endsWith('/'))
        expect(name.length).toBeGreaterThan(0)
      }),
    )
  })
})

describe('the doctor’s words', () => {
  it('fills every placeholder it is given, and every code has an English sentence', () => {
    expect(doctorText('object.content-type', { actual: 'binary/octet-stream', expected: 'image/png' }).message).toBe(
      'Its Content-Type is binary/octet-stream, so a browser downloads it instead of showing it; a file with this name should be image/png.',
    )
    for (const [code, template] of Object.entries(doctorEnglish)) expect(template.length, code).toBeGreaterThan(5)
  })

  it('sends only codes it has words for, with every placeholder filled', () => {
    const all = [
      facts(),
      facts({ policy: ok(null), bucketBlock: ok({ ...open, RestrictPublicBuckets: true }) }),
      facts({ head: ok(null), nearKeys: ['b.png'] }),
      facts({ requestPayment: ok('Requester'), cors: ok([]) }, { usage: 'canvas', origin: 'https://blog.example' }),
    ].map(report)
    const texts = all.flatMap((r) => r.checks.flatMap((c) => c.findings.flatMap((f) => [f, ...(f.fix?.kind === 'words' ? [f.fix.text] : f.fix?.kind === 'apply' ? [f.fix.title, ...f.fix.changes.map((ch) => ch.label)] : [])])))
    for (const text of texts) {
      expect(doctorEnglish, text.code).toHaveProperty([text.code])
      expect(text.message, text.code).not.toMatch(/\{\{/)
    }
  })
})

// Keeps the report type honest for the window: everything in it is plain data.
export type _Report = DoctorReport
