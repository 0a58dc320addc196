import { describe, expect, it } from 'vitest'
import { checkProfileForm, formFromProfile, toEdit } from '../../../src-renderer/features/profiles/profileForm'
import { sampleProfile } from '../../support/profileView'

const profile = sampleProfile

describe('the public base URL in Edit profile', () => {
  it('is sent only when it changed, trimmed, and cleared to null', () => {
    const values = formFromProfile(profile)
    expect(toEdit(profile, { ...values, publicBaseUrl: ' https://d111.cloudfront.net ' }, false)).toEqual({ id: 'p1', publicBaseUrl: 'https://d111.cloudfront.net' })
    const withCdn = { ...profile, publicBaseUrl: 'https://d111.cloudfront.net' }
    expect(toEdit(withCdn, formFromProfile(withCdn), false)).toEqual({ id: 'p1' })
    expect(toEdit(withCdn, { ...formFromProfile(withCdn), publicBaseUrl: '' }, false)).toEqual({ id: 'p1', publicBaseUrl: null })
  })

  it('must be an http(s) URL without credentials or a query', () => {
    const check = (publicBaseUrl: string) => checkProfileForm({ ...formFromProfile(profile), publicBaseUrl }, { withKeys: false }).publicBaseUrl?.key
    expect(check('')).toBeUndefined()
    expect(check('https://cdn.example.com/media')).toBeUndefined()
    expect(check('cdn.example.com')).toBe('baseUrl')
    expect(check('https://u:p@cdn.example.com')).toBe('baseUrl')
    expect(check('https://cdn.example.com/?v=1')).toBe('baseUrl')
  })
})
