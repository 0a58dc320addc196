import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { callSchemas } from '../../src-main/contract/bridge'
import { aclsOn, kmsKeyProblem, websiteProblems, type WebsiteChoice } from '../../src-main/contract/rules/bucketSettings/simpleSettings'

const site: WebsiteChoice = { mode: 'documents', indexDocument: 'index.html', errorDocument: 'error.html', redirectHost: '', redirectProtocol: 'https' }

describe('Object Ownership', () => {
  it('counts a bucket never set as ACLs on, like S3 did before 2023', () => {
    expect([aclsOn('BucketOwnerEnforced'), aclsOn('BucketOwnerPreferred'), aclsOn('ObjectWriter'), aclsOn(null)]).toEqual([false, true, true, true])
  })
})

describe('default encryption', () => {
  it('takes key ids, aliases and their ARNs, and empty for aws/s3', () => {
    for (const key of ['', '1234abcd-12ab-34cd-56ef-1234567890ab', 'mrk-1234abcd12ab34cd56ef1234567890ab', 'alias/mi-clave', 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab', 'arn:aws:kms:eu-west-1:123456789012:alias/mi-clave']) {
      expect(kmsKeyProblem(key)).toBe(null)
    }
    for (const key of ['mi-clave', 'alias/', 'arn:aws:s3:::bucket', '1234abcd']) expect(kmsKeyProblem(key)).toBe('kms-key-malformed')
  })

  it('main side refuses a malformed key only when KMS is chosen', () => {
    const input = (algorithm: string, kmsKeyId: string) => callSchemas['bucketSettings/setEncryption'].safeParse({ profileId: 'p1', bucket: 'b-1', algorithm, kmsKeyId, bucketKey: true }).success
    expect([input('aws:kms', 'mi-clave'), input('AES256', 'mi-clave'), input('aws:kms', 'alias/mi-clave')]).toEqual([false, true, true])
  })
})

describe('static website hosting', () => {
  it('names what S3 would refuse', () => {
    expect(websiteProblems(site)).toEqual([])
    expect(websiteProblems({ ...site, indexDocument: '' })).toEqual(['website-no-index'])
    expect(websiteProblems({ ...site, indexDocument: 'docs/index.html' })).toEqual(['website-index-slash'])
    expect(websiteProblems({ ...site, errorDocument: '/404.html' })).toEqual(['website-bad-error-key'])
    expect(websiteProblems({ ...site, mode: 'redirect', redirectHost: 'https://www.mi-sitio.com' })).toEqual(['website-bad-host'])
    expect(websiteProblems({ ...site, mode: 'redirect', redirectHost: 'www.mi-sitio.com' })).toEqual([])
    expect(websiteProblems({ ...site, mode: 'off', indexDocument: '' })).toEqual([])
  })

  it('refuses any redirect host with a scheme, path or space in it', () => {
    fc.assert(
      fc.property(fc.domain(), fc.constantFrom('https://', 'http://', ''), fc.constantFrom('/ruta', ' x', '?q=1', ''), (host, scheme, tail) => {
        fc.pre(scheme !== '' || tail !== '')
        expect(websiteProblems({ ...site, mode: 'redirect', redirectHost: `${scheme}${host}${tail}` })).toEqual(['website-bad-host'])
      }),
    )
    fc.assert(
      fc.property(fc.domain(), (host) => {
        expect(websiteProblems({ ...site, mode: 'redirect', redirectHost: host })).toEqual([])
      }),
    )
  })
})
