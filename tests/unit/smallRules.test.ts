import { describe, expect, it } from 'vitest'
import { defaultDataDir } from '../../src-main/services/dataFiles/dataDir'
import { regionFromLocationConstraint } from '../../src-main/services/buckets/bucketRegion'
import { mapWithConcurrency } from '../../src-main/core/async/workerPool'
import { maskKeyId } from '../../src-main/core/maskKeyId'
import { normalizeEndpoint } from '../../src-main/contract/rules/endpointRule'
import { describeKeychainFailure } from '../../src-main/services/keychain/keychainProblem'

describe('small rules', () => {
  it('masks a key id except its last 4 characters', () => {
    const masked = maskKeyId('AKIAIOSFODNN7EXAMPLE')
    expect(masked.endsWith('MPLE')).toBe(true)
    expect(masked).not.toMatch(/AKIA|IOSF/)
    expect(maskKeyId('ABCD')).toBe('••••ABCD')
  })

  it('reads GetBucketLocation answers as regions', () => {
    expect(regionFromLocationConstraint(undefined)).toBe('us-east-1')
    expect(regionFromLocationConstraint('')).toBe('us-east-1')
    expect(regionFromLocationConstraint('EU')).toBe('eu-west-1')
    expect(regionFromLocationConstraint('ap-south-1')).toBe('ap-south-1')
  })

  it('keeps order and the concurrency limit', async () => {
    let inFlight = 0
    let peak = 0
    const result = await mapWithConcurrency([5, 1, 4, 2, 3], 2, async (n) => {
      inFlight++
      peak = Math.max(peak, inFlight)
      await new Promise((r) => setTimeout(r, n))
      inFlight--
      return n * 10
    })
    expect(result).toEqual([50, 10, 40, 20, 30])
    expect(peak).toBe(2)
  })

  it('strips trailing slashes from endpoints', () => {
    expect(normalizeEndpoint(' https://minio.local:9000// ')).toBe('https://minio.local:9000')
  })

  it('uses the same data folder as Electron on each platform', () => {
    expect(defaultDataDir({}, 'linux', '/home/ana')).toBe('/home/ana/.config/Cubeta')
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/x' }, 'linux', '/home/ana')).toBe('/x/Cubeta')
    expect(defaultDataDir({}, 'darwin', '/Users/ana')).toBe('/Users/ana/Library/Application Support/Cubeta')
    expect(defaultDataDir({ CUBETA_DATA_DIR: '/tmp/d' }, 'linux', '/home/ana')).toBe('/tmp/d')
  })

  it('explains a missing Secret Service with the Linux fix', () => {
    const error = describeKeychainFailure(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY'), 'linux')
    expect(error.code).toBe('keychain-unavailable')
    expect(error.message).toMatch(/no Secret Service/)
    expect(error.hint).toMatch(/gnome-keyring/)
    expect(describeKeychainFailure(new Error('x'), 'darwin').hint).toMatch(/Keychain Access/)
  })

  it('tells a source checkout without a keytar build how to build it', () => {
    const missing = new Error("Cannot find module 'keytar'")
    expect(describeKeychainFailure(missing, 'linux').hint).toMatch(/libsecret-1-dev.*npm install/)
    expect(describeKeychainFailure(missing, 'win32').hint).toMatch(/npm install/)
    expect(describeKeychainFailure(missing, 'win32').hint).not.toMatch(/libsecret/)
  })
})
