import { describe, expect, it } from 'vitest'
import type { CreatedResource, SetupStepId, SetupStepStatus } from '../../../src-main/contract/bridge'
import { describeAllCreated, describeCreated } from '../../../src-renderer/features/setupWizard/createdResources'
import en from '../../../src-renderer/features/setupWizard/i18n/en.json'
import es from '../../../src-renderer/features/setupWizard/i18n/es.json'
import { quotedPart } from '../../../src-renderer/features/setupWizard/problemText'
import { keptLine, labelPhrase } from '../../../src-renderer/features/setupWizard/rollbackWords'
import { stepDetailPhrase } from '../../../src-renderer/features/setupWizard/stepDetails'
import { doneCount, failedStep, orderedSteps, runSteps, stageIndex, stepLabelKey, stepStatusKey } from '../../../src-renderer/features/setupWizard/stepLabels'

/** Reads a dotted key and fills {{placeholders}}, as i18next would. */
const say = (catalog: unknown, key: string, values: Record<string, string> = {}): string => {
  let node: unknown = catalog
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part]
  if (typeof node !== 'string') throw new Error(`missing ${key}`)
  return node.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => {
    if (!(name in values)) throw new Error(`${key} needs ${name}`)
    return values[name] ?? ''
  })
}

const everyKind: CreatedResource[] = [
  { kind: 'user', name: 'django-media' },
  { kind: 'inline-policy', user: 'django-media', policyName: 'cubeta-mi-blog' },
  { kind: 'managed-policy', user: 'django-media', policyArn: 'arn:aws:iam::aws:policy/AmazonS3FullAccess' },
  { kind: 'access-key', user: 'django-media', keyIdMasked: '••••MPLE' },
  { kind: 'bucket', name: 'mi-blog', region: 'eu-west-1' },
  { kind: 'public-access-block', bucket: 'mi-blog' },
  { kind: 'bucket-policy', bucket: 'mi-blog' },
  { kind: 'cors', bucket: 'mi-blog' },
  { kind: 'test-object', bucket: 'mi-blog', key: 'cubeta-check/x.png' },
]

describe('created resources in words', () => {
  it('says what each kind is, with its name, in both languages', () => {
    const english = describeAllCreated(everyKind).map((p) => say(en, p.key, p.values))
    expect(english).toEqual([
      'IAM user django-media',
      'inline policy cubeta-mi-blog of django-media',
      'AmazonS3FullAccess attached to django-media',
      'access key ••••MPLE of django-media',
      'bucket mi-blog (eu-west-1)',
      'Block Public Access change on mi-blog',
      'public-read statements in the policy of mi-blog',
      'CORS rule on mi-blog',
      'test image cubeta-check/x.png in mi-blog',
    ])
    const spanish = describeAllCreated(everyKind).map((p) => say(es, p.key, p.values))
    expect(spanish[0]).toBe('usuario de IAM django-media')
    expect(spanish[4]).toBe('bucket mi-blog (eu-west-1)')
  })

  it('never leaks a whole policy ARN or an unmasked key into the sentence', () => {
    expect(describeCreated(everyKind[2]!).values).toEqual({ user: 'django-media' })
    expect(describeCreated(everyKind[3]!).values.key).toBe('••••MPLE')
  })
})

describe('step labels and statuses', () => {
  it('has a human label for each of the seven steps and each status, in both languages', () => {
    expect(runSteps).toEqual(['user', 'userPolicy', 'accessKey', 'bucket', 'publicRead', 'propagation', 'verify'])
    for (const id of runSteps) {
      expect(say(en, stepLabelKey(id)).length).toBeGreaterThan(0)
      expect(say(es, stepLabelKey(id)).length).toBeGreaterThan(0)
    }
    const statuses: SetupStepStatus[] = ['pending', 'running', 'waiting', 'done', 'failed']
    expect(statuses.map((s) => say(en, stepStatusKey(s)))).toEqual(['Not started', 'In progress', 'Waiting', 'Done', 'Failed'])
    expect(statuses.map((s) => say(es, stepStatusKey(s)))).toEqual(['Sin empezar', 'En curso', 'Esperando', 'Listo', 'Falló'])
  })

  it('orders the steps and fills in missing ones as pending', () => {
    const steps = [
      { id: 'bucket' as SetupStepId, status: 'failed' as const, detail: null, error: { code: 'bucket-taken', message: 'm', hint: 'h' } },
      { id: 'user' as SetupStepId, status: 'done' as const, detail: 'Created the user a.', error: null },
    ]
    const ordered = orderedSteps(steps)
    expect(ordered.map((s) => `${s.id}:${s.status}`)).toEqual([
      'user:done',
      'userPolicy:pending',
      'accessKey:pending',
      'bucket:failed',
      'publicRead:pending',
      'propagation:pending',
      'verify:pending',
    ])
    expect(failedStep(steps)?.id).toBe('bucket')
    expect(doneCount(steps)).toBe(1)
  })

  it('maps the seven pages onto the six stages of the indicator', () => {
    expect((['admin', 'user', 'bucket', 'publicRead', 'progress', 'verified', 'export'] as const).map(stageIndex)).toEqual([0, 1, 2, 3, 4, 5, 5])
  })
})

describe('step details from the server', () => {
  it.each([
    ['Using the existing user ana.', 'existingUser', { name: 'ana' }, 'Se usa el usuario existente ana.'],
    ['Created the user ana.', 'createdUser', { name: 'ana' }, 'Se creó el usuario ana.'],
    ['AmazonS3FullAccess is attached: every bucket in the account.', 'fullAccess', {}, null],
    ['Inline policy cubeta-media: only the bucket media.', 'inlinePolicy', { policy: 'cubeta-media', bucket: 'media' }, null],
    ['Key ••••ABCD created in this run.', 'keyThisRun', { key: '••••ABCD' }, null],
    ['ana already has 2 access keys, the most IAM allows. Choose one to delete.', 'twoKeys', { user: 'ana' }, null],
    ['Created the key ••••ABCD.', 'createdKey', { key: '••••ABCD' }, null],
    ['Using your existing bucket media.', 'existingBucket', { bucket: 'media' }, null],
    ['Created the bucket media in eu-west-1.', 'createdBucket', { bucket: 'media', region: 'eu-west-1' }, 'Se creó el bucket media en eu-west-1.'],
    ['IAM is still publishing the new user… 6 s', 'iamPublishing', { seconds: '6' }, null],
    ['Objects are readable by URL; listing the bucket stays private.', 'publicRead', {}, null],
    ['Waiting for AWS to activate the new key… 12 s', 'keyActivating', { seconds: '12' }, 'Esperando a que AWS active la clave nueva… 12 s'],
    ['The new key works.', 'keyWorks', {}, null],
    ['Checking the public URL… 3 s', 'checkingUrl', { seconds: '3' }, null],
    ['Anyone can open https://media.s3.eu-west-1.amazonaws.com/a.png', 'anyoneCanOpen', { url: 'https://media.s3.eu-west-1.amazonaws.com/a.png' }, null],
  ])('reads “%s”', (detail, name, values, spanish) => {
    const phrase = stepDetailPhrase(detail)
    expect(phrase).toEqual({ key: `run.details.${name}`, values })
    // The English catalog says exactly what the server said.
    expect(say(en, phrase!.key, phrase!.values)).toBe(detail)
    if (spanish) expect(say(es, phrase!.key, phrase!.values)).toBe(spanish)
  })

  it('leaves an unknown sentence to be shown as it came', () => {
    expect(stepDetailPhrase('Something new happened.')).toBeNull()
  })
})

describe('rollback lines from the server', () => {
  it('reads removed labels as phrases', () => {
    expect(labelPhrase('IAM user ana')).toEqual({ key: 'created.user', values: { name: 'ana' } })
    expect(labelPhrase('bucket media (eu-west-1)')).toEqual({ key: 'created.bucket', values: { name: 'media', region: 'eu-west-1' } })
    expect(labelPhrase('access key ••••ABCD of ana')).toEqual({ key: 'created.accessKey', values: { key: '••••ABCD', user: 'ana' } })
    expect(labelPhrase('test image cubeta-check/x.png')).toEqual({ key: 'created.testObjectKey', values: { key: 'cubeta-check/x.png' } })
    expect(labelPhrase('a mystery')).toBeNull()
  })

  it('splits kept lines into the thing and the reason, translating known reasons', () => {
    expect(keptLine('bucket media (eu-west-1): it is not empty, so Cubeta keeps it')).toEqual({
      label: { key: 'created.bucket', values: { name: 'media', region: 'eu-west-1' } },
      reason: { key: 'rollback.reasons.notEmpty', values: {} },
    })
    expect(say(es, 'rollback.reasons.otherKeys')).toBe('todavía tiene claves de acceso que Cubeta no creó')
    // An AWS error as the reason stays as it came, colons and all.
    expect(keptLine('IAM user ana: AccessDenied — User: x is not authorized')).toEqual({
      label: { key: 'created.user', values: { name: 'ana' } },
      reason: 'AccessDenied — User: x is not authorized',
    })
  })

  it('takes the quoted part of a rule message, for reserved prefixes and suffixes', () => {
    expect(quotedPart('Names starting with “xn--” are reserved by AWS.')).toBe('xn--')
    expect(quotedPart('No quotes here.')).toBe('')
  })
})
