import { describe, expect, it } from 'vitest'
import { initiatedWindowMs, pickStartedUpload } from '../../src-main/services/transfers/multipartIntent'

const at = Date.parse('2026-12-01T23:30:00Z')

describe('which open upload a journaled intent was (pickStartedUpload)', () => {
  it('takes the upload of that key initiated nearest the intent', () => {
    const uploads = [
      { key: 'big/video.bin', uploadId: 'later', initiatedMs: at + 9_000 },
      { key: 'big/video.bin', uploadId: 'ours', initiatedMs: at + 400 },
      { key: 'big/video.bin.bak', uploadId: 'other-key', initiatedMs: at },
    ]
    expect(pickStartedUpload(uploads, 'big/video.bin', at)).toBe('ours')
  })

  it('leaves alone uploads of the key from another time, and those with no date', () => {
    const uploads = [
      { key: 'k', uploadId: 'yesterday', initiatedMs: at - 24 * 3600_000 },
      { key: 'k', uploadId: 'undated', initiatedMs: null },
      { key: 'k', uploadId: 'just-outside', initiatedMs: at + initiatedWindowMs + 1 },
    ]
    expect(pickStartedUpload(uploads, 'k', at)).toBeNull()
  })

  it('allows the server clock to be behind ours (a skew S3 still accepts)', () => {
    expect(pickStartedUpload([{ key: 'k', uploadId: 'skewed', initiatedMs: at - 14 * 60_000 }], 'k', at)).toBe('skewed')
  })
})
