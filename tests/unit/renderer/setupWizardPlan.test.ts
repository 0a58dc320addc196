import { describe, expect, it } from 'vitest'
import {
  adminProblems,
  bucketPageWarnings,
  defaultProfileName,
  emptyAdminAnswers,
  emptyPlanAnswers,
  firstProblem,
  profileNameProblem,
  toSetupAdmin,
  toSetupPlan,
  type AdminAnswers,
  type PlanAnswers,
} from '../../../src-renderer/features/setupWizard/planValidation'
import { bucketPolicyPreview, userArnFor, userPolicyPreview } from '../../../src-renderer/features/setupWizard/policyPreview'

const keys = (patch: Partial<AdminAnswers> = {}): AdminAnswers => ({
  ...emptyAdminAnswers(),
  accessKeyId: ' AKIAIOSFODNN7EXAMPLE ',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  ...patch,
})
const plan = (patch: Partial<PlanAnswers> = {}): PlanAnswers => ({ ...emptyPlanAnswers(), userName: 'django-media', bucket: 'mi-blog-media', region: 'eu-west-1', ...patch })

describe('setup wizard plan validation', () => {
  it('starts on safe defaults: least privilege, a new user, us-east-1, nothing public beyond reads', () => {
    expect(emptyPlanAnswers()).toMatchObject({ policy: 'least-privilege', userMode: 'new', region: 'us-east-1', cors: false, keepTestObject: false })
  })

  it('sends an empty wizard to the admin page, to the access key id first', () => {
    expect(firstProblem(emptyAdminAnswers(), emptyPlanAnswers())).toEqual({
      page: 'admin',
      field: 'accessKeyId',
      problem: { code: 'key-id-required', message: 'Enter the access key ID.' },
    })
  })

  it.each([
    [{ accessKeyId: 'AKIA EXAMPLE' }, 'accessKeyId', 'key-id-characters'],
    [{ secretAccessKey: '' }, 'secretAccessKey', 'secret-required'],
    [{ secretAccessKey: ' secret ' }, 'secretAccessKey', 'secret-spaces'],
    [{ saveAsProfile: true, saveName: '   ' }, 'saveName', 'profile-name-required'],
    [{ saveAsProfile: true, saveName: 'x'.repeat(65) }, 'saveName', 'profile-name-length'],
    [{ source: 'profile' as const }, 'profileId', 'admin-profile-required'],
  ])('finds the admin page problem in %j', (patch, field, code) => {
    expect(firstProblem(keys(patch), plan())).toMatchObject({ page: 'admin', field, problem: { code } })
  })

  it('ignores a save-as name while saving is off, and the keys once a profile is picked', () => {
    expect(adminProblems(keys({ saveAsProfile: false, saveName: '' }))).toEqual({})
    expect(adminProblems({ ...emptyAdminAnswers(), source: 'profile', profileId: 'p1' })).toEqual({})
  })

  it('moves on to the user page, then the bucket page, showing only the first broken rule', () => {
    expect(firstProblem(keys(), plan({ userName: 'ana web', bucket: 'Bad_Name' }))).toMatchObject({
      page: 'user',
      field: 'userName',
      problem: { code: 'user-space' },
    })
    expect(firstProblem(keys(), plan({ userName: '' }))).toMatchObject({ page: 'user', problem: { code: 'user-length' } })
    expect(firstProblem(keys(), plan({ userName: 'ana#1' }))).toMatchObject({ page: 'user', problem: { code: 'user-characters' } })
    // Uppercase and the underscore both break rules; the first one in rule order is shown.
    expect(firstProblem(keys(), plan({ bucket: 'Bad_Name' }))).toMatchObject({ page: 'bucket', field: 'bucket', problem: { code: 'bucket-uppercase' } })
    expect(firstProblem(keys(), plan({ bucket: 'xn--media' }))).toMatchObject({ page: 'bucket', problem: { code: 'bucket-reserved-prefix' } })
    expect(firstProblem(keys(), plan({ region: 'moon-1' }))).toMatchObject({ page: 'bucket', field: 'region', problem: { code: 'region-unknown' } })
  })

  it('treats an already-checked admin (null) as done, and a complete plan as ready', () => {
    expect(firstProblem(null, plan({ userName: '' }))?.page).toBe('user')
    expect(firstProblem(keys(), plan())).toBeNull()
    expect(firstProblem(null, plan())).toBeNull()
  })

  it('warns about dots without blocking', () => {
    expect(bucketPageWarnings(plan({ bucket: 'media.example.com' })).map((w) => w.code)).toEqual(['bucket-dots'])
    expect(bucketPageWarnings(plan())).toEqual([])
    expect(firstProblem(keys(), plan({ bucket: 'media.example.com' }))).toBeNull()
  })

  it('builds exactly the inputs the main side accepts', () => {
    expect(toSetupAdmin(keys())).toEqual({
      source: 'keys',
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      saveAsProfile: null,
    })
    expect(toSetupAdmin(keys({ saveAsProfile: true, saveName: ' AWS admin ' }))).toMatchObject({ saveAsProfile: 'AWS admin' })
    expect(toSetupAdmin({ ...keys(), source: 'profile', profileId: 'p1' })).toEqual({ source: 'profile', profileId: 'p1' })
    const sent = toSetupPlan({ ...plan(), extra: 'smuggled' } as PlanAnswers, 'ref-1')
    expect(Object.keys(sent).sort()).toEqual(['bucket', 'cors', 'deleteAccessKeyRef', 'keepTestObject', 'policy', 'region', 'userMode', 'userName'])
    expect(sent.deleteAccessKeyRef).toBe('ref-1')
    expect(toSetupPlan(plan()).deleteAccessKeyRef).toBeNull()
  })

  it('names the new profile after its bucket and user, within 64 characters', () => {
    expect(defaultProfileName('mi-blog-media', 'django-media')).toBe('mi-blog-media (django-media)')
    expect(defaultProfileName('b'.repeat(63), 'u'.repeat(64))).toHaveLength(64)
    expect(profileNameProblem(defaultProfileName('b'.repeat(63), 'u'))).toBeNull()
  })
})

describe('setup wizard policy preview', () => {
  it('is the exact merged policy for a bucket without one: public GetObject on objects, the user what Django needs', () => {
    const policy = JSON.parse(bucketPolicyPreview('mi-blog-media', '123456789012', 'django-media', 'least-privilege'))
    const user = { AWS: 'arn:aws:iam::123456789012:user/django-media' }
    expect(policy).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'CubetaPublicReadObjects', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::mi-blog-media/*' },
        { Sid: 'CubetaUserListBucket', Effect: 'Allow', Principal: user, Action: ['s3:ListBucket'], Resource: 'arn:aws:s3:::mi-blog-media' },
        {
          Sid: 'CubetaUserObjects',
          Effect: 'Allow',
          Principal: user,
          Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject', 's3:AbortMultipartUpload', 's3:ListMultipartUploadParts'],
          Resource: 'arn:aws:s3:::mi-blog-media/*',
        },
      ],
    })
  })

  it('shows the tutorial’s s3:* for the user only when full access was chosen', () => {
    expect(bucketPolicyPreview('b-1', '1', 'u', 'least-privilege')).not.toContain('s3:*')
    const full = JSON.parse(bucketPolicyPreview('b-1', '1', 'u', 's3-full-access'))
    expect(full.Statement[1]).toMatchObject({ Sid: 'CubetaUserFullAccess', Action: 's3:*' })
  })

  it('grants the public nothing but reading objects: no listing', () => {
    for (const access of ['least-privilege', 's3-full-access'] as const) {
      const policy = JSON.parse(bucketPolicyPreview('b-1', '1', 'u', access))
      const publicGrants = policy.Statement.filter((s: { Principal: unknown }) => s.Principal === '*')
      expect(publicGrants.map((s: { Action: unknown }) => s.Action)).toEqual(['s3:GetObject'])
    }
  })

  it('is pretty-printed for reading, and shows the least-privilege user policy', () => {
    expect(bucketPolicyPreview('b-1', '1', 'u', 'least-privilege')).toContain('\n  "Statement": [')
    expect(userArnFor('123', 'ana')).toBe('arn:aws:iam::123:user/ana')
    expect(JSON.parse(userPolicyPreview('b-1')).Statement.map((s: { Resource: string }) => s.Resource)).toEqual(['arn:aws:s3:::b-1', 'arn:aws:s3:::b-1/*'])
  })
})
