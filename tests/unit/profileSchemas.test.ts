import { describe, expect, it } from 'vitest'
import { callSchemas } from '../../src-main/contract/bridge'

const draft = {
  name: 'Personal',
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  region: 'eu-west-1',
  endpoint: null,
  forcePathStyle: false,
  secretStorage: 'keychain',
}
const add = (over: Record<string, unknown>) => callSchemas['profiles/add'].safeParse({ ...draft, ...over })
const firstIssue = (over: Record<string, unknown>) => {
  const result = add(over)
  return result.success ? null : { path: result.error.issues[0]?.path.join('.'), message: result.error.issues[0]?.message }
}

describe('profile input rules', () => {
  it('accepts a normal AWS profile', () => {
    expect(add({}).success).toBe(true)
  })

  it('requires a commercial AWS region when there is no custom endpoint', () => {
    expect(firstIssue({ region: 'mars-1' })).toEqual({ path: 'region', message: 'choose one of the AWS regions in the list' })
    expect(firstIssue({ region: 'EU West' })?.path).toBe('region')
  })

  it('lets custom endpoints use their own region names', () => {
    expect(add({ region: 'auto', endpoint: 'https://abc.r2.cloudflarestorage.com', forcePathStyle: true }).success).toBe(true)
  })

  it('refuses endpoints that are not http(s) origins, or carry credentials', () => {
    expect(firstIssue({ endpoint: 'ftp://x' })?.message).toMatch(/https:\/\//)
    expect(firstIssue({ endpoint: 'not a url' })?.message).toMatch(/URL/)
    expect(firstIssue({ endpoint: 'https://user:pw@minio.local' })?.message).toMatch(/user name and password/)
  })

  it('refuses secrets with surrounding spaces, a common paste mistake', () => {
    expect(firstIssue({ secretAccessKey: ` ${draft.secretAccessKey}` })?.path).toBe('secretAccessKey')
  })

  it('refuses an unknown storage choice', () => {
    expect(firstIssue({ secretStorage: 'plaintext' })?.path).toBe('secretStorage')
  })

  it('wants new keys as a pair when editing', () => {
    const update = callSchemas['profiles/update']
    expect(update.safeParse({ id: 'a', accessKeyId: 'AKIAIOSFODNN7EXAMPLE' }).success).toBe(false)
    expect(update.safeParse({ id: 'a', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'x' }).success).toBe(true)
    expect(update.safeParse({ id: 'a', name: 'New name' }).success).toBe(true)
  })
})
