import { describe, expect, it } from 'vitest'
import type { ProfileView } from '../../../src-main/contract/bridge'
import {
  checkProfileForm,
  emptyProfileForm,
  formFromProfile,
  hasChanges,
  toDraft,
  toEdit,
  type ProfileFormValues,
} from '../../../src-renderer/features/profiles/profileForm'
import { pickActiveProfile } from '../../../src-renderer/features/profiles/pickActiveProfile'
import { compactMask, unsupportedReasonKey } from '../../../src-renderer/features/profiles/displayKey'
import { sampleProfile } from '../../support/profileView'

const filled = (patch: Partial<ProfileFormValues> = {}): ProfileFormValues => ({
  ...emptyProfileForm('keychain'),
  name: ' Work ',
  accessKeyId: ' AKIAEXAMPLE1234 ',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG',
  ...patch,
})

const profile = sampleProfile

describe('checkProfileForm', () => {
  it('accepts a complete AWS profile', () => {
    expect(checkProfileForm(filled(), { withKeys: true })).toEqual({})
  })

  it('names every missing required field', () => {
    const problems = checkProfileForm(emptyProfileForm('session'), { withKeys: true })
    expect(problems).toEqual({
      name: { key: 'required' },
      accessKeyId: { key: 'required' },
      secretAccessKey: { key: 'required' },
    })
  })

  it('does not ask for keys when they are not being replaced', () => {
    expect(checkProfileForm(filled({ accessKeyId: '', secretAccessKey: '' }), { withKeys: false })).toEqual({})
  })

  it('refuses spaces around the secret and odd characters in the key id', () => {
    const problems = checkProfileForm(filled({ secretAccessKey: ' abc', accessKeyId: 'AKIA 123' }), { withKeys: true })
    expect(problems.secretAccessKey?.key).toBe('secretSpaces')
    expect(problems.accessKeyId?.key).toBe('keyIdChars')
  })

  it.each([
    ['minio.local:9000', 'endpointUrl'],
    ['ftp://minio.local', 'endpointUrl'],
    ['https://user:pw@minio.local', 'endpointCredentials'],
    ['https://minio.local/?x=1', 'endpointUrl'],
  ])('refuses the endpoint %s', (endpoint, key) => {
    expect(checkProfileForm(filled({ endpoint }), { withKeys: true }).endpoint?.key).toBe(key)
  })

  it('allows "auto" as a region only with a custom endpoint', () => {
    expect(checkProfileForm(filled({ region: 'auto' }), { withKeys: true }).region?.key).toBe('awsRegion')
    expect(checkProfileForm(filled({ region: 'auto', endpoint: 'https://r2.example.com' }), { withKeys: true })).toEqual({})
  })
})

describe('toDraft', () => {
  it('trims names and key ids, keeps the secret as typed, and drops path-style without an endpoint', () => {
    expect(toDraft(filled({ forcePathStyle: true }))).toEqual({
      name: 'Work',
      accessKeyId: 'AKIAEXAMPLE1234',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG',
      region: 'us-east-1',
      endpoint: null,
      forcePathStyle: false,
      secretStorage: 'keychain',
    })
  })

  it('keeps path-style with an endpoint', () => {
    const draft = toDraft(filled({ endpoint: ' http://localhost:9000 ', forcePathStyle: true }))
    expect(draft.endpoint).toBe('http://localhost:9000')
    expect(draft.forcePathStyle).toBe(true)
  })
})

describe('toEdit', () => {
  it('sends nothing but the id when nothing changed', () => {
    const edit = toEdit(profile, formFromProfile(profile), false)
    expect(edit).toEqual({ id: 'p1' })
    expect(hasChanges(edit)).toBe(false)
  })

  it('sends only the changed fields', () => {
    const values = { ...formFromProfile(profile), name: 'Work 2', region: 'eu-west-3' }
    expect(toEdit(profile, values, false)).toEqual({ id: 'p1', name: 'Work 2', region: 'eu-west-3' })
  })

  it('sends the key pair together when replacing keys', () => {
    const values = { ...formFromProfile(profile), accessKeyId: ' AKIANEW ', secretAccessKey: 'new-secret' }
    expect(toEdit(profile, values, true)).toEqual({ id: 'p1', accessKeyId: 'AKIANEW', secretAccessKey: 'new-secret' })
  })

  it('clears an endpoint to null, and path-style with it', () => {
    const minio: ProfileView = { ...profile, endpoint: 'http://localhost:9000', forcePathStyle: true, region: 'us-east-1' }
    const values = { ...formFromProfile(minio), endpoint: '' }
    expect(toEdit(minio, values, false)).toEqual({ id: 'p1', endpoint: null, forcePathStyle: false })
  })
})

describe('pickActiveProfile', () => {
  const list = [profile, { ...profile, id: 'p2', name: 'Home' }]

  it('keeps the wanted profile while it exists', () => {
    expect(pickActiveProfile(list, 'p2')).toBe('p2')
  })

  it('falls back to the first profile when the wanted one is gone', () => {
    expect(pickActiveProfile(list, 'deleted')).toBe('p1')
    expect(pickActiveProfile(list, null)).toBe('p1')
  })

  it('has none when there are no profiles', () => {
    expect(pickActiveProfile([], 'p1')).toBeNull()
  })
})

describe('compactMask', () => {
  it('shortens the mask but keeps the last four characters', () => {
    expect(compactMask('••••••••••••••••MPLE')).toBe('••••MPLE')
    expect(compactMask('••••ABCD')).toBe('••••ABCD')
  })
})

describe('unsupportedReasonKey', () => {
  it('knows the phrases the AWS file reader uses, and nothing else', () => {
    expect(unsupportedReasonKey('holds temporary keys that expire within hours')).toBe('temporary')
    expect(unsupportedReasonKey('uses AWS SSO sign-in, which has no long-term key')).toBe('sso')
    expect(unsupportedReasonKey('something new')).toBeNull()
  })
})
