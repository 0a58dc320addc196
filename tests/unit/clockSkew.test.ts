import { describe, expect, it } from 'vitest'
import { skewMinutes, toAppError } from '../../src-main/services/aws/awsErrors'

/** RequestTimeTooSkewed as S3 sends it, and a bare 403 to a HEAD, said in plain words. */
const context = { action: 'upload foto.png', endpoint: null }

describe('a clock far from the server’s', () => {
  it('says how many minutes off it is, from the times S3 puts in the error', () => {
    const error = Object.assign(new Error('The difference between the request time and the current time is too large.'), {
      name: 'RequestTimeTooSkewed',
      RequestTime: '20260115T093000Z',
      ServerTime: '2026-01-15T09:47:00Z',
      $metadata: { httpStatusCode: 403 },
    })
    const shown = toAppError(error, context)
    expect(shown.toBridge()).toEqual({
      code: 'clock-skew-minutes',
      message: "Your computer's clock is 17 minutes off, so the server refuses its requests.",
      hint: 'Turn on automatic date and time in your system settings, then try again.',
      params: { minutes: 17 },
    })
  })

  it('reads a HEAD’s bare 403 by the server’s Date header', () => {
    const now = Date.parse('2026-01-15T09:30:00Z')
    expect(skewMinutes({ ServerTime: 'Thu, 15 Jan 2026 08:58:00 GMT' }, now)).toBe(32)
    const head = Object.assign(new Error('UnknownError'), { name: 'Unknown', $metadata: { httpStatusCode: 403 }, $response: { headers: { date: new Date(Date.now() + 40 * 60_000).toUTCString() } } })
    expect(toAppError(head, context)).toMatchObject({ code: 'clock-skew-minutes', params: { minutes: 40 } })
    // A 403 from a server whose clock agrees with ours is what it says: access denied.
    const denied = Object.assign(new Error('Access Denied'), { name: 'AccessDenied', $metadata: { httpStatusCode: 403 }, $response: { headers: { date: new Date().toUTCString() } } })
    expect(toAppError(denied, context).code).toBe('access-denied')
  })

  it('falls back to the general sentence when the error carries no time', () => {
    expect(toAppError(Object.assign(new Error('x'), { name: 'RequestTimeTooSkewed' }), context).code).toBe('clock-skew')
    expect(skewMinutes({ ServerTime: 'not a date' })).toBeNull()
  })
})
