import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import { callNames } from '../../src-main/contract/bridge'
import { AppError } from '../../src-main/core/appError'
import { createRouter } from '../../src-main/router/router'
import { firstNotPlainData } from '../../src-main/router/plainData'
import type { Handlers } from '../../src-main/core/handlers'
import { callSchemas } from '../../src-main/contract/bridge'

const handlersWith = (overrides: Partial<Handlers>): Handlers =>
  new Proxy(overrides as Handlers, {
    get: (target, name: string) => target[name as keyof Handlers] ?? (async () => ({ handled: name })),
  })

describe('the router', () => {
  it('has a schema for exactly the calls in the contract', () => {
    expect(Object.keys(callSchemas).sort()).toEqual([...callNames].sort())
  })

  it('validates before the handler runs, and names the bad field', async () => {
    const add = vi.fn()
    const router = createRouter(handlersWith({ 'profiles/add': add }))
    const result = await router.dispatch('profiles/add', { name: '', accessKeyId: 'AKIA', secretAccessKey: 's', region: 'eu-west-1', endpoint: null, forcePathStyle: false, secretStorage: 'keychain' })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', params: { field: 'name' } } })
    expect(add).not.toHaveBeenCalled()
  })

  it('refuses extra fields rather than ignoring them', async () => {
    const router = createRouter(handlersWith({}))
    expect(await router.dispatch('profiles/delete', { id: 'x', evil: true })).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    expect(await router.dispatch('profiles/delete', { id: 'x' })).toEqual({ ok: true, value: { handled: 'profiles/delete' } })
  })

  it('refuses unknown calls, including prototype names', async () => {
    const router = createRouter(handlersWith({}))
    for (const name of ['nope', '__proto__', 'constructor', 'toString']) {
      expect(await router.dispatch(name, {})).toMatchObject({ ok: false, error: { code: 'unknown-call' } })
    }
  })

  it('passes AppErrors through as data', async () => {
    const router = createRouter(handlersWith({ 'profiles/list': async () => { throw new AppError('some-code', 'Said plainly.', 'Do this.') } }))
    expect(await router.dispatch('profiles/list', {})).toEqual({ ok: false, error: { code: 'some-code', message: 'Said plainly.', hint: 'Do this.' } })
  })

  it('hides unexpected errors behind a generic message and logs them redacted', async () => {
    const log = vi.fn()
    const router = createRouter(handlersWith({ 'profiles/list': async () => { throw new Error('boom with AKIAABCDEFGHIJKLMNOP inside') } }), log)
    const result = await router.dispatch('profiles/list', {})
    expect(result).toMatchObject({ ok: false, error: { code: 'unexpected' } })
    expect(JSON.stringify(result)).not.toMatch(/boom|\sat \S+ \(|\.ts:\d/)
    expect(log.mock.calls[0]?.[0]).toContain('boom')
    expect(log.mock.calls[0]?.[0]).not.toContain('AKIAABCDEFGHIJKLMNOP')
  })

  it('logs the bug a service said as unexpected, and sends only the generic words', async () => {
    const log = vi.fn()
    const bug = new TypeError('flatMap is not a function')
    const router = createRouter(handlersWith({ 'profiles/list': async () => { throw Object.assign(new AppError('unexpected', 'Something went wrong inside Cubeta.', 'Try again.'), { cause: bug }) } }), log)
    expect(await router.dispatch('profiles/list', {})).toMatchObject({ ok: false, error: { code: 'unexpected' } })
    expect(log.mock.calls[0]?.[0]).toContain('flatMap is not a function')
  })

  it('refuses what JSON cannot hold before any schema rule meets it, naming where it was', async () => {
    const setCors = vi.fn()
    const router = createRouter(handlersWith({ 'bucketSettings/setCors': setCors }))
    const loop: unknown[] = []
    loop.push(loop)
    const rules = [[{ AllowedOrigins: ['*'], AllowedMethods: [10n] }], [new Map()], [{ AllowedOrigins: [new Date()], AllowedMethods: ['GET'] }], loop]
    for (const hostile of rules) {
      const result = await router.dispatch('bucketSettings/setCors', { profileId: 'p1', bucket: 'my-bucket', rules: hostile })
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', params: { field: expect.stringMatching(/^rules\.0/) } } })
    }
    expect(setCors).not.toHaveBeenCalled()
  })

  it('lets every JSON value through as plain data, and only values JSON can write', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(firstNotPlainData(value)).toBeNull()
      }),
    )
    const rich = fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withNullPrototype: true, withBoxedValues: true, withObjectString: true })
    fc.assert(
      fc.property(rich, (value) => {
        if (firstNotPlainData(value) === null) expect(() => JSON.stringify(value)).not.toThrow()
      }),
    )
  })
})
