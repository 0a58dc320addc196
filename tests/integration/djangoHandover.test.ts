import { randomBytes } from 'node:crypto'
import { CreateBucketCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SetupFinish } from '../../src-main/contract/bridge'
import { objectUrl } from '../../src-main/contract/rules/publicUrl'
import { exampleStaticFile, settingsSnippet, templateExample, type DjangoForm } from '../../src-renderer/features/setupWizard/djangoHandover'
import en from '../../src-renderer/features/setupWizard/i18n/en.json'
import es from '../../src-renderer/features/setupWizard/i18n/es.json'
import { makeBackend } from '../support/backendHarness'
import { createDjangoProject, type DjangoProject, type DjangoRelease } from '../support/djangoProject'
import { makeTestPng } from '../../src-main/services/setupWizard/testImage'
import { adminS3, resetMoto, setIamEnforcement, useMoto, type Moto } from '../support/moto'
import { adminKeys, anonymousGet, plan } from '../support/setupHarness'

/**
 * The export panel's texts, pasted into a fresh Django project as they are
 *
 * The wizard runs against moto; the .env is what "Copy .env" copies, the settings and the
 * template are what the panel shows (the same pure functions, in the UI's language),
 * and the only line added is AWS_S3_ENDPOINT_URL. Django then runs with the exported
 * key under moto's IAM enforcement, which evaluates the user's own policies: the key does
 * what Django needs and nothing more. (Anonymous GETs need enforcement off: moto answers
 * them with 500 while it is on.)
 */
const cases: { form: DjangoForm; release: DjangoRelease; language: 'en' | 'es'; keepTestObject: boolean }[] = [
  { form: 'storages', release: '5.2', language: 'es', keepTestObject: true },
  { form: 'legacy', release: '4.1', language: 'en', keepTestObject: false },
]
const catalogs = { en, es }
const bucket = 'mi-blog-media'
const otherBucket = 'someone-elses'
// Spaces, +, #, and letters outside ASCII: each one a URL-encoding trap.
const uploadName = 'fotos/año 2024/niño+1 #2 ñandú.png'

let moto: Moto
beforeAll(async () => {
  moto = await useMoto()
})
afterAll(async () => moto.stop())

describe.each(cases)('the $form settings in a fresh Django $release project ($language)', ({ form, release, language, keepTestObject }) => {
  let project: DjangoProject
  let finish: SetupFinish
  const words = catalogs[language].export.snippet
  const django = async <T>(request: { action: string; [field: string]: unknown }) => {
    await setIamEnforcement(moto.endpoint, true)
    try {
      return await project.probe<T>(request)
    } finally {
      await setIamEnforcement(moto.endpoint, false)
    }
  }
  const manage = async (...args: string[]) => {
    await setIamEnforcement(moto.endpoint, true)
    try {
      return await project.manage(...args)
    } finally {
      await setIamEnforcement(moto.endpoint, false)
    }
  }

  beforeAll(async () => {
    await resetMoto(moto.endpoint)
    const admin = adminS3(moto.endpoint, 'eu-west-1')
    await admin.send(new CreateBucketCommand({ Bucket: otherBucket, CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } }))
    await admin.send(new PutObjectCommand({ Bucket: otherBucket, Key: 'secret.txt', Body: 'not yours' }))
    const h = await makeBackend(moto.endpoint)
    try {
      const start = await h.ok('setup/start', { admin: adminKeys })
      const state = await h.ok('setup/run', { sessionId: start.sessionId, plan: plan({ bucket, keepTestObject }) })
      expect(state.status).toBe('verified')
      const { env } = await h.ok('setup/revealEnv', { sessionId: start.sessionId })
      finish = await h.ok('setup/finish', { sessionId: start.sessionId, profileName: `Blog ${language}` })
      project = await createDjangoProject({ release, settings: settingsSnippet(form, words), env, endpoint: moto.endpoint })
    } finally {
      await h.dispose()
    }
  }, 120_000)
  afterAll(async () => project?.remove())

  it('is the Django release it claims, with media/ and static/ storages, and passes manage.py check', async () => {
    expect(await project.settingsText()).toContain(settingsSnippet(form, words))
    const described = await django<{ django: string; default: [string, string]; staticfiles: [string, string] }>({ action: 'describe' })
    expect(described.django.startsWith(`${release}.`)).toBe(true)
    expect([described.default[1], described.staticfiles[1]]).toEqual(['media', 'static'])
    const { stdout } = await manage('check')
    expect(stdout).toContain('System check identified no issues')
  })

  it('saves an upload whose url() serves the same bytes anonymously, as image/png, at the URL Cubeta copies', async () => {
    const bytes = makeTestPng(16)
    // Over boto3's 8 MB threshold, so django-storages sends it in parts.
    const video = randomBytes(9 * 1024 * 1024)
    const [saved, big] = await django<{ name: string; url: string }[]>({ action: 'save', files: [
      { name: uploadName, base64: bytes.toString('base64') },
      { name: 'videos/clip.mp4', base64: video.toString('base64') },
    ] })
    expect(saved?.name).toBe(uploadName)
    expect(saved?.url).toBe(objectUrl({ bucket, key: `media/${uploadName}`, region: 'eu-west-1', endpoint: moto.endpoint }))
    const served = await anonymousGet(saved!.url)
    expect(served.status).toBe(200)
    expect(served.type).toBe('image/png')
    expect(served.bytes.equals(bytes)).toBe(true)
    const clip = await anonymousGet(big!.url)
    expect([clip.status, clip.type, clip.bytes.equals(video)]).toEqual([200, 'video/mp4', true])
    expect((await adminS3(moto.endpoint, 'eu-west-1').send(new HeadObjectCommand({ Bucket: bucket, Key: 'media/videos/clip.mp4' }))).ETag).toMatch(/-2"$/)
    // django-storages' own reads, with the exported key: exists, listdir, open.
    const storage = await django<{ exists: boolean; listdir: [string[], string[]]; size: number }>({ action: 'storage', name: uploadName, folder: 'fotos/año 2024' })
    expect(storage).toEqual({ exists: true, listdir: [[], ['niño+1 #2 ñandú.png']], size: bytes.length })
  })

  it('runs collectstatic into static/, and collectstatic --clear leaves the uploads in media/ alone', async () => {
    const first = await manage('collectstatic', '--noinput')
    expect(first.stdout).toMatch(/\d{2,} static files copied/)
    const cleared = await manage('collectstatic', '--noinput', '--clear')
    expect(cleared.stdout).toMatch(/static files (copied|.* unmodified)/)
    const admin = adminS3(moto.endpoint, 'eu-west-1')
    await expect(admin.send(new HeadObjectCommand({ Bucket: bucket, Key: `media/${uploadName}` }))).resolves.toBeDefined()
    const statics = await admin.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'static/' }))
    expect(statics.KeyCount ?? 0).toBeGreaterThan(10)
    const root = await admin.send(new ListObjectsV2Command({ Bucket: bucket, Delimiter: '/' }))
    expect((root.CommonPrefixes ?? []).map((p) => p.Prefix).sort()).toEqual(['media/', 'static/'])
    expect(root.Contents ?? []).toEqual([])
  }, 180_000) // two collectstatic runs of Django admin's ~130 files, one request at a time

  it('renders the template example to URLs that all serve anonymously, {% static %} ones included', async () => {
    const template = templateExample(finish.testImageKept ? finish.publicUrl : null, words)
    const uploadUrl = objectUrl({ bucket, key: `media/${uploadName}`, region: 'eu-west-1', endpoint: moto.endpoint })
    const html = await django<string>({ action: 'render', template, context: { photo: { image: { url: uploadUrl } } } })
    const sources = [...html.matchAll(/<img src="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'))
    expect(sources).toEqual([
      ...(keepTestObject ? [finish.publicUrl] : []),
      uploadUrl,
      objectUrl({ bucket, key: `static/${exampleStaticFile}`, region: 'eu-west-1', endpoint: moto.endpoint }),
    ])
    for (const url of sources) {
      const served = await anonymousGet(url)
      expect(served.status, url).toBe(200)
      expect(served.type, url).toMatch(/^image\//)
    }
    // The deleted test image is nowhere on the panel when it was not kept.
    if (!keepTestObject) expect(template).not.toContain('cubeta-check')
  })

  it('lets the exported key do nothing beyond what Django needs: no bucket settings, no other bucket, no IAM', async () => {
    const outcomes = await django<Record<string, string>>({ action: 'forbidden', otherBucket, otherKey: 'secret.txt', ownKey: `media/${uploadName}`, userName: 'django-media' })
    expect(Object.keys(outcomes)).toHaveLength(12)
    for (const [call, code] of Object.entries(outcomes)) expect(code, call).toBe('AccessDenied')
    // And what it needs still works: delete, through django-storages.
    const deleted = await django<{ existsAfterDelete: boolean }>({ action: 'storage', name: uploadName, folder: 'fotos', delete: true })
    expect(deleted.existsAfterDelete).toBe(false)
  })
})
