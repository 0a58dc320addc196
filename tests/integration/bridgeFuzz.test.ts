import { request as httpRequest } from 'node:http'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBrowserServer, type BrowserServer } from '../../src-main/browserMode/browserServer'
import { callNames, type BridgeResult, type CallInput, type CallName } from '../../src-main/contract/bridge'
import { callSchemas } from '../../src-main/contract/bridge'
import { addSessionProfile, makeBackend } from '../support/backendHarness'
import { resetMoto, seedAccount, useMoto, type Moto } from '../support/moto'

/**
 * Bridge fuzzing: every call in the contract, fed what a compromised or buggy window
 * could send
 *
 * The calls go through the real router into the real handlers of the composition root,
 * with a real profile on moto, so input that happens to be valid reaches S3 for real.
 * Whatever arrives, the answer is a BridgeResult: invalid shapes get the router's
 * `invalid-input` with a code, a message and a hint; nothing is ever `unexpected` (the
 * router's word for "a handler threw something it did not mean to") and nothing is
 * logged as a failure. Inputs pass through structuredClone first, as Electron's IPC does.
 * The calls are iterated from `callNames`, so a new call is fuzzed without a change
 * here; `baseline` must name a valid input for it (the type makes that a compile error).
 */
let moto: Moto
let h: Awaited<ReturnType<typeof makeBackend>>
let profileId = 'no-such-profile'
const bucket = 'fuzz-media'

beforeAll(async () => {
  moto = await useMoto()
  await resetMoto(moto.endpoint)
  const keys = await seedAccount(moto.endpoint, [{ name: bucket, region: 'eu-west-1' }])
  h = await makeBackend(moto.endpoint)
  profileId = (await addSessionProfile(h, keys, 'eu-west-1')).id
})
afterAll(async () => {
  await h?.dispose()
  await moto?.stop()
})

/** One valid input per call, every nullable field given its non-null form, optional fields left out. */
const baseline = (): { [K in CallName]: CallInput<K> } => {
  const ref = { profileId, bucket, key: 'a.png' }
  return {
    'app/info': {},
    'keychain/status': {},
    'profiles/list': {},
    'profiles/add': { name: 'Blog', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'secret', region: 'eu-west-1', endpoint: 'http://127.0.0.1:9', forcePathStyle: true, secretStorage: 'session' },
    'profiles/update': { id: profileId },
    'profiles/delete': { id: 'no-such-profile' },
    'profiles/removeOrphanedSecrets': {},
    'profiles/scanAwsFiles': {},
    'profiles/importAwsFiles': { names: ['default'], secretStorage: 'session' },
    'buckets/list': { profileId },
    'setup/start': { admin: { source: 'profile', profileId: 'no-such-profile' } },
    'setup/run': {
      sessionId: 's1',
      plan: { userName: 'django-media', userMode: 'new', policy: 'least-privilege', bucket: 'mi-blog-media', region: 'eu-west-1', cors: false, keepTestObject: false, deleteAccessKeyRef: 'ref' },
    },
    'setup/rollback': { sessionId: 's1' },
    'setup/finish': { sessionId: 's1', profileName: 'Blog' },
    'setup/revealEnv': { sessionId: 's1' },
    'setup/close': { sessionId: 's1' },
    'setup/pending': {},
    'setup/adoptPending': { sessionId: 's1' },
    'clipboard/writeText': { text: 'hola' },
    'objects/listPage': { profileId, bucket, prefix: 'a/', token: 'token' },
    'objects/createFolder': { profileId, bucket, prefix: 'a/', name: 'b' },
    'objects/delete': { profileId, bucket, keys: ['gone.png'], operationId: 'op1' },
    'objects/rename': { profileId, bucket, from: 'a.png', to: 'b.png', operationId: 'op2' },
    'objects/properties': ref,
    'objects/setHeaders': { ...ref, contentType: 'image/png', cacheControl: 'no-cache' },
    'objects/preview': ref,
    'objects/checkPublic': ref,
    'urls/build': { profileId, bucket, keys: ['a.png'], form: 'public', expiresInSeconds: 3600 },
    'objects/download': { profileId, bucket, keys: ['a.png'] },
    'objects/downloadLink': ref,
    'transfers/uploadPaths': { profileId, bucket, prefix: '', files: [{ fileId: 'f1', relativePath: 'a.png' }], cacheControl: 'no-cache' },
    'transfers/uploadDeclared': { profileId, bucket, prefix: '', files: [{ relativePath: 'a.png', size: 3 }], cacheControl: 'no-cache' },
    'transfers/pageBytes': { transferId: 't1', offset: 0, bytes: new Uint8Array(), last: true },
    'transfers/resolveConflict': { batchId: 'b1', transferId: 't1', choice: 'skip', applyToAll: false },
    'transfers/cancel': { ids: ['t1'] },
    'transfers/resume': { ids: ['t1'] },
    'transfers/retryFailed': {},
    'transfers/clearFinished': {},
    'transfers/list': {},
    'transfers/window': { offset: 0, limit: 50 },
    'index/status': { profileId, bucket },
    'index/refresh': { profileId, bucket },
    'index/cancel': { profileId, bucket },
    'search/start': { searchId: 's1', profileId, bucket, scope: 'a/', query: '*.png', caseSensitive: true, minSize: 1, maxSize: 10, modifiedAfter: '2024-01-01T00:00:00Z', modifiedBefore: '2025-01-01T00:00:00Z', type: 'image' },
    'search/cancel': { searchId: 's1' },
    'sync/pairs': {},
    'sync/savePair': { id: 'p1', profileId, bucket, prefix: 'a/', folder: 'static', folderFromPage: true, direction: 'upload', rule: 'quick', cacheRules: [{ pattern: '*.css', cacheControl: 'no-cache' }] },
    'sync/deletePair': { id: 'no-such-pair' },
    'sync/chooseFolder': {},
    'sync/preview': { pairId: 'no-such-pair', files: [{ path: 'a.png', size: 3, modifiedMs: 1 }] },
    'sync/run': { previewId: 'no-such-preview', deleteCount: 0, overwriteNewer: false },
    'sync/cancel': { runId: 'no-such-run' },
    'sync/zipLink': { profileId, bucket, prefix: 'a/' },
    'urlDoctor/run': { runId: 'r1', profileId, bucket, key: 'a.png', form: 'public', origin: 'https://blog.example', usage: 'fetch' },
    'urlDoctor/applyFix': { runId: 'r1', fixId: 'public-policy', nextRunId: 'r2' },
    'buckets/create': { profileId, bucket: 'fuzz-new-bucket', region: 'eu-west-1', publicRead: false },
    'buckets/measure': { profileId, bucket, operationId: 'op3' },
    // Never the real name: the fuzz must not delete its own bucket.
    'buckets/delete': { profileId, bucket, confirmName: 'not-the-name', operationId: 'op4' },
    'operations/cancel': { operationId: 'op3' },
    'versions/status': { profileId, bucket },
    'versions/listPage': { profileId, bucket, prefix: 'a/', keyMarker: 'a/b.png', versionIdMarker: 'v1' },
    'versions/restore': { ...ref, versionId: 'v1' },
    'versions/undelete': { profileId, bucket, markers: [{ key: 'a.png', versionId: 'v1' }] },
    'versions/deletePermanently': { profileId, bucket, versions: [{ key: 'gone.png', versionId: 'v1' }] },
    'versions/presign': { ...ref, versionId: 'v1', expiresInSeconds: 3600 },
    'versions/download': { ...ref, versionId: 'v1' },
    'bucketSettings/read': { profileId, bucket },
    'bucketSettings/setVersioning': { profileId, bucket, status: 'suspended', acknowledgedOneWay: false },
    'uploads/listIncomplete': { profileId, bucket },
    'uploads/abort': { profileId, bucket, uploads: [{ key: 'a.png', uploadId: 'u1' }] },
    'uploads/addAbortRule': { profileId, bucket, days: 7 },
    'bucketSettings/setCors': { profileId, bucket, rules: [{ AllowedOrigins: ['https://a.example'], AllowedMethods: ['GET'] }] },
    'bucketSettings/setPublicAccessBlock': { profileId, bucket, settings: { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true }, acknowledgedPublicReadStops: false },
    'bucketSettings/setPolicy': {
      profileId,
      bucket,
      policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/*` }] }),
      acknowledgedLockout: false,
      relaxBlockPublicAccess: false,
    },
    'bucketSettings/setOwnership': { profileId, bucket, ownership: 'BucketOwnerEnforced' },
    'bucketSettings/setEncryption': { profileId, bucket, algorithm: 'aws:kms', kmsKeyId: 'alias/blog', bucketKey: true },
    'bucketSettings/setLifecycle': { profileId, bucket, rules: [{ ID: 'old', Status: 'Enabled', Filter: { Prefix: 'logs/' }, Expiration: { Days: 30 } }] },
    'objects/tags': ref,
    'objects/setTags': { ...ref, tags: [{ key: 'env', value: 'prod' }] },
    'objects/applyTag': { profileId, bucket, keys: ['a.png'], change: { action: 'set', key: 'env', value: 'prod' }, operationId: 'op5' },
    'objects/setStorageClass': { profileId, bucket, keys: ['a.png'], storageClass: 'STANDARD_IA', operationId: 'op6' },
    'objects/restore': { profileId, bucket, keys: ['a.png'], days: 3, tier: 'Bulk', operationId: 'op7' },
    'bucketSettings/setWebsite': { profileId, bucket, website: { mode: 'documents', indexDocument: 'index.html', errorDocument: 'error.html', redirectHost: 'example.com', redirectProtocol: 'https' } },
  }
}

type Path = (string | number)[]

/** Every field path in a value: ["plan", "userName"], ["files", 0, "size"]... */
function pathsOf(value: unknown, at: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => [[...at, i], ...pathsOf(item, [...at, i])])
  // Bytes (transfers/pageBytes) are one value, not a record of fields.
  if (ArrayBuffer.isView(value)) return []
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => [[...at, key], ...pathsOf(item, [...at, key])])
  return []
}
const objectPaths = (value: unknown): Path[] => [[], ...pathsOf(value).filter((p) => isPlainObject(read(value, p)))]
const isPlainObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value) && !ArrayBuffer.isView(value)
const read = (value: unknown, path: Path): unknown => path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], value)
const kindOf = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value)

/** A copy of `input` with the value at `path` replaced (or deleted when `next` is the symbol). */
const remove = Symbol('remove')
function edit(input: unknown, path: Path, next: unknown): unknown {
  const copy = structuredClone(input)
  const parent = read(copy, path.slice(0, -1)) as Record<string | number, unknown>
  const last = path.at(-1) as string | number
  if (next === remove) delete parent[last]
  else Object.defineProperty(parent, last, { value: next, enumerable: true, writable: true, configurable: true })
  return copy
}

/** Calls that have a baseline; the first test fails, naming it, for a call that has none yet. */
const fuzzable = () => callNames.filter((name) => baseline()[name] !== undefined)

/** For messages: any value, even one String() can't convert (a null-prototype object). */
const describe_ = (value: unknown) => {
  try {
    return String(value).slice(0, 40)
  } catch {
    return Object.prototype.toString.call(value)
  }
}

async function dispatch(name: string, input: unknown): Promise<BridgeResult<unknown>> {
  return h.backend.router.dispatch(name, structuredClone(input))
}

function expectWellFormed(result: BridgeResult<unknown>, what: string) {
  expect(typeof result, what).toBe('object')
  if (result.ok) return
  expect(typeof result.error.code, what).toBe('string')
  expect(result.error.message.length, what).toBeGreaterThan(0)
  expect(result.error.hint.length, what).toBeGreaterThan(0)
  expect(result.error.code, `${what}: ${result.error.message}`).not.toBe('unexpected')
}

function expectInvalid(result: BridgeResult<unknown>, what: string) {
  expectWellFormed(result, what)
  expect(result.ok ? 'ok' : result.error.code, what).toBe('invalid-input')
}

/** Nothing reached the router's "failed" log: no handler threw what it did not mean to. */
const expectNoFailureLogged = () => expect(h.logs.filter((line) => /failed/.test(line))).toEqual([])

/** Values a structured clone (IPC) or JSON (browser mode) can carry, of every kind. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0, 2 ** 53 + 2, -1, 1.5, 10n, new Date(0), new Map([['a', 1]]), new Set([1]), /x/g, new Uint8Array(3), undefined),
  fc.constant(Object.assign(Object.create(null) as object, { a: 1 })),
)

/** Strings that broke tools before: controls, lone surrogates, "../", a leading "/", RTL marks, huge. */
const hostileString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom('\uD800', '\uDFFF', '\u0000', '\u202e', '/', '..', '%', '+', ' ', 'é', '📷', '\\'), maxLength: 20 }),
  fc.constantFrom('', ' ', '../../etc/passwd', '/leading', '..', '.', 'a/../b', '%00', '\r\nX-Injected: 1', 'é'.repeat(600), '__proto__', 'constructor'),
)

const runs = { numRuns: 150 }

describe('every bridge call, fed hostile input through the real router', () => {
  it('starts from a baseline that its schema accepts, for every call in the contract', () => {
    const inputs = baseline()
    for (const name of callNames) {
      expect(inputs[name], `add a baseline input for ${name}`).toBeDefined()
      expect(callSchemas[name].safeParse(inputs[name]).success, name).toBe(true)
    }
  })

  it('refuses input that is not an object at all', async () => {
    for (const name of callNames) {
      for (const input of [42, 'text', true, [], [baseline()[name]], Number.NaN, 10n]) {
        expectInvalid(await dispatch(name, input), `${name} ← ${describe_(input)}`)
      }
      // Missing input reads as {}, and a Date or Map is an object without fields: valid
      // only for the calls that take nothing, which then simply run.
      for (const input of [null, undefined, new Date(0), new Map([['id', 'x']])]) expectWellFormed(await dispatch(name, input), `${name} ← ${describe_(input)}`)
    }
    expectNoFailureLogged()
  })

  it('refuses a missing field, anywhere in the input', async () => {
    for (const name of fuzzable()) {
      const input = baseline()[name]
      for (const path of pathsOf(input).filter((p) => typeof p.at(-1) === 'string')) {
        expectInvalid(await dispatch(name, edit(input, path, remove)), `${name} without ${path.join('.')}`)
      }
    }
    expectNoFailureLogged()
  })

  it('refuses a field of the wrong type, anywhere in the input', async () => {
    const wrongFor = (value: unknown): unknown[] =>
      [0, 1.5, true, 'text', [], {}, [null], { nested: 'x' }].filter((candidate) => kindOf(candidate) !== kindOf(value) && !(typeof value === 'number' && typeof candidate === 'number'))
    for (const name of fuzzable()) {
      const input = baseline()[name]
      for (const path of pathsOf(input)) {
        for (const wrong of wrongFor(read(input, path))) {
          expectInvalid(await dispatch(name, edit(input, path, wrong)), `${name}.${path.join('.')} ← ${JSON.stringify(wrong)}`)
        }
      }
    }
    expectNoFailureLogged()
  })

  it('refuses huge strings and huge arrays in every field', async () => {
    const huge = 'x'.repeat(1_000_001)
    for (const name of fuzzable()) {
      const input = baseline()[name]
      for (const path of pathsOf(input)) {
        const value = read(input, path)
        if (typeof value === 'string') expectInvalid(await dispatch(name, edit(input, path, huge)), `${name}.${path.join('.')} ← 1 MB`)
        if (Array.isArray(value)) expectInvalid(await dispatch(name, edit(input, path, Array(100_001).fill(value[0]))), `${name}.${path.join('.')} ← 100,001 items`)
      }
    }
    expectNoFailureLogged()
  })

  it('refuses extra fields, prototype names included, at every level', async () => {
    const known = new Set(fuzzable().flatMap((name) => pathsOf(baseline()[name]).map((p) => String(p.at(-1)))))
    const extraKey = fc.oneof(fc.string({ minLength: 1, maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf')).filter((key) => !known.has(key))
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fuzzable()), fc.nat(), extraKey, anyValue, async (name, pick, key, value) => {
        const input = baseline()[name]
        const targets = objectPaths(input)
        const at = targets[pick % targets.length] as Path
        expectInvalid(await dispatch(name, edit(input, [...at, key], value)), `${name}: extra ${[...at, key].join('.')}`)
      }),
      runs,
    )
    expectNoFailureLogged()
  })

  it('answers hostile values in any field with a result, never an unexpected error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fuzzable()), fc.nat(), fc.oneof(hostileString, anyValue), async (name, pick, value) => {
        const input = baseline()[name]
        const paths = pathsOf(input)
        if (paths.length === 0) return
        const path = paths[pick % paths.length] as Path
        expectWellFormed(await dispatch(name, edit(input, path, value)), `${name}.${path.join('.')} ← ${describe_(value)}`)
      }),
      { numRuns: 250 },
    )
    expectNoFailureLogged()
  })

  it('refuses unknown call names, however they are spelled', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileString, fc.constantFrom('__proto__', 'constructor', 'hasOwnProperty', 'profiles/list/', 'PROFILES/LIST', 'profiles/../app/info')), async (name) => {
        fc.pre(!(callNames as readonly string[]).includes(name))
        const result = await dispatch(name, {})
        expect(result).toMatchObject({ ok: false, error: { code: 'unknown-call' } })
      }),
      runs,
    )
  })
})

describe('the same, through browser mode’s HTTP server', () => {
  let server: BrowserServer
  let host: string
  let cookie: string
  const token = 'fuzz-token-0123456789abcdef'

  beforeAll(async () => {
    const rendererDir = await mkdtemp(join(tmpdir(), 'cubeta-renderer-'))
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Cubeta</title>')
    server = await startBrowserServer({ backend: h.backend, rendererDir, token, port: 0 })
    host = `127.0.0.1:${server.port}`
    const signIn = await raw('GET', `/?token=${token}`, {})
    cookie = String(signIn.headers['set-cookie']).split(';')[0] ?? ''
  })
  afterAll(async () => server?.close())

  /** Raw HTTP: the test controls every byte, and a dropped socket fails the test with its error. */
  function raw(method: string, path: string, headers: Record<string, string>, body?: Buffer | string) {
    return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: server.port, path, method, headers: { host, ...(cookie ? { cookie } : {}), ...headers }, setHost: false }, (res) => {
        let text = ''
        res.on('data', (chunk) => (text += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }))
      })
      req.on('error', reject)
      req.end(body)
    })
  }
  const post = (name: string, body: Buffer | string) => raw('POST', `/api/call/${name}`, { 'content-type': 'application/json', 'x-cubeta-bridge': '1' }, body)

  it('answers every call’s malformed bodies with a JSON validation error', async () => {
    const bodies: (string | Buffer)[] = ['[]', 'null', '"text"', '42', '{not json', '', Buffer.from([0xff, 0xfe, 0x00, 0x7b]), '{"__proto__": {"admin": true}}', JSON.stringify({ extra: 'x'.repeat(900_000) })]
    for (const name of callNames) {
      for (const body of bodies) {
        const answer = await post(name, body)
        expect(answer.status, `${name} ← ${String(body).slice(0, 20)}`).toBe(200)
        expect(answer.headers['content-type']).toMatch(/^application\/json/)
        const result = JSON.parse(answer.body) as BridgeResult<unknown>
        expectWellFormed(result, `${name} ← ${String(body).slice(0, 20)}`)
        // "null" and "" read as {}: the calls that take no input may run.
        if (!['null', ''].includes(String(body))) expect(result.ok ? 'ok' : result.error.code, name).toMatch(/^(invalid-input)$/)
      }
    }
    expectNoFailureLogged()
  })

  it('answers call names it cannot decode or does not know with a 4xx or a JSON error, never a 500', async () => {
    for (const name of ['%E0%A4%A', '%', '..%2F..%2Fapp%2Finfo', 'profiles%2Flist%00', '__proto__', 'app/info/extra', '%F0%9F%93%B7']) {
      const answer = await post(name, '{}')
      expect(answer.status, name).toBeLessThan(500)
      expect(answer.headers['content-type'], name).toMatch(/^application\/json/)
      expect(JSON.parse(answer.body), name).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^(unknown-call|invalid-input)$/) } })
    }
  })

  it('answers upload and download paths it cannot decode with a 4xx, never a 500', async () => {
    for (const id of ['%E0%A4%A', '%', '..%2F..%2Fx']) {
      const upload = await raw('PUT', `/api/upload/${id}`, { 'x-cubeta-bridge': '1', 'content-type': 'application/octet-stream' }, 'bytes')
      expect(upload.status, `upload ${id}`).toBeGreaterThanOrEqual(400)
      expect(upload.status, `upload ${id}`).toBeLessThan(500)
      const download = await raw('GET', `/api/download/${id}`, {})
      expect(download.status, `download ${id}`).toBe(404)
    }
  })
})
