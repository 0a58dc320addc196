import { createHash } from 'node:crypto'
import {
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreateUserCommand,
  DeleteAccessKeyCommand,
  GetUserCommand,
  GetUserPolicyCommand,
  ListAccessKeysCommand,
  ListAttachedUserPoliciesCommand,
  PutUserPolicyCommand,
  type IAMClient,
} from '@aws-sdk/client-iam'
import { leastPrivilegeUserPolicy } from '../../contract/rules/bucketPolicy'
import { AppError } from '../../core/appError'
import { toAppError } from '../aws/awsErrors'
import { awsErrorName } from '../../core/awsErrorShape'
import { maskKeyId } from '../../core/maskKeyId'
import { recordCreated, setStep, type SetupSession } from './setupSession'
import { rememberSecret } from '../../core/redact'

export const s3FullAccessArn = 'arn:aws:iam::aws:policy/AmazonS3FullAccess'
export const inlinePolicyName = (bucket: string) => `cubeta-${bucket}`.slice(0, 128)

const isNoSuchEntity = (error: unknown) => awsErrorName(error).startsWith('NoSuchEntity')
const denied = (action: string) => (error: unknown) => toAppError(error, { action, endpoint: null })

/** Creates the user, or reuses it when it exists (a re-run, or "use an existing user"). */
export async function ensureUser(session: SetupSession, iam: IAMClient): Promise<string> {
  const plan = session.plan!
  const existing = await iam.send(new GetUserCommand({ UserName: plan.userName })).then(
    (answer) => answer.User ?? null,
    (error) => {
      if (isNoSuchEntity(error)) return null
      throw denied('read IAM users (iam:GetUser)')(error)
    },
  )
  if (existing) {
    setStep(session, 'user', { status: 'done', detail: `Using the existing user ${plan.userName}.` })
    return existing.Arn ?? ''
  }
  if (plan.userMode === 'existing') {
    throw new AppError('user-not-found', `There is no IAM user named “${plan.userName}”.`, 'Check the name, or choose “Create a new user”.', { name: plan.userName })
  }
  const created = await iam
    .send(new CreateUserCommand({ UserName: plan.userName, Tags: [{ Key: 'created-by', Value: 'cubeta' }] }))
    .catch((error) => {
      throw denied('create IAM users (iam:CreateUser)')(error)
    })
  recordCreated(session, { kind: 'user', name: plan.userName })
  setStep(session, 'user', { status: 'done', detail: `Created the user ${plan.userName}.` })
  return created.User?.Arn ?? ''
}

export async function ensureUserPolicy(session: SetupSession, iam: IAMClient) {
  const plan = session.plan!
  if (plan.policy === 's3-full-access') {
    const attached = await iam.send(new ListAttachedUserPoliciesCommand({ UserName: plan.userName })).catch((error) => {
      throw denied('read user policies (iam:ListAttachedUserPolicies)')(error)
    })
    if (!attached.AttachedPolicies?.some((p) => p.PolicyArn === s3FullAccessArn)) {
      await iam.send(new AttachUserPolicyCommand({ UserName: plan.userName, PolicyArn: s3FullAccessArn })).catch((error) => {
        throw denied('attach policies to users (iam:AttachUserPolicy)')(error)
      })
      recordCreated(session, { kind: 'managed-policy', user: plan.userName, policyArn: s3FullAccessArn })
    }
    setStep(session, 'userPolicy', { status: 'done', detail: 'AmazonS3FullAccess is attached: every bucket in the account.' })
    return
  }
  const name = inlinePolicyName(plan.bucket)
  const existed = await iam.send(new GetUserPolicyCommand({ UserName: plan.userName, PolicyName: name })).then(
    () => true,
    () => false,
  )
  await iam
    .send(new PutUserPolicyCommand({ UserName: plan.userName, PolicyName: name, PolicyDocument: JSON.stringify(leastPrivilegeUserPolicy(plan.bucket)) }))
    .catch((error) => {
      throw denied('write user policies (iam:PutUserPolicy)')(error)
    })
  if (!existed) recordCreated(session, { kind: 'inline-policy', user: plan.userName, policyName: name })
  setStep(session, 'userPolicy', { status: 'done', detail: `Inline policy ${name}: only the bucket ${plan.bucket}.` })
}

/**
 * A new access key, once per run
 *
 * IAM allows 2 keys per user. With 2 already, the run pauses and asks which to delete
 * (never guessing), then continues with the user's answer.
 */
export async function ensureAccessKey(session: SetupSession, iam: IAMClient): Promise<'done' | 'needs-key-choice'> {
  const plan = session.plan!
  if (session.newKey) {
    setStep(session, 'accessKey', { status: 'done', detail: `Key ${maskKeyId(session.newKey.accessKeyId)} created in this run.` })
    return 'done'
  }
  const listed = await iam.send(new ListAccessKeysCommand({ UserName: plan.userName })).catch((error) => {
    throw denied('list access keys (iam:ListAccessKeys)')(error)
  })
  const keys = listed.AccessKeyMetadata ?? []
  if (keys.length >= 2) {
    const chosen = plan.deleteAccessKeyRef ? session.keyRefs.get(plan.deleteAccessKeyRef) : undefined
    if (!chosen) {
      session.keyRefs = new Map(keys.map((k) => [refFor(k.AccessKeyId ?? ''), k.AccessKeyId ?? '']))
      session.state.existingKeys = keys.map((k) => ({
        ref: refFor(k.AccessKeyId ?? ''),
        keyIdMasked: maskKeyId(k.AccessKeyId ?? ''),
        createdAt: k.CreateDate?.toISOString() ?? null,
        active: k.Status === 'Active',
      }))
      setStep(session, 'accessKey', { status: 'waiting', detail: `${plan.userName} already has 2 access keys, the most IAM allows. Choose one to delete.` })
      return 'needs-key-choice'
    }
    await iam.send(new DeleteAccessKeyCommand({ UserName: plan.userName, AccessKeyId: chosen })).catch((error) => {
      throw denied('delete access keys (iam:DeleteAccessKey)')(error)
    })
    session.state.existingKeys = null
  }
  const created = await iam.send(new CreateAccessKeyCommand({ UserName: plan.userName })).catch((error) => {
    throw denied('create access keys (iam:CreateAccessKey)')(error)
  })
  const accessKeyId = created.AccessKey?.AccessKeyId ?? ''
  session.newKey = { accessKeyId, secretAccessKey: created.AccessKey?.SecretAccessKey ?? '' }
  rememberSecret(session.newKey.secretAccessKey)
  recordCreated(session, { kind: 'access-key', user: plan.userName, keyIdMasked: maskKeyId(accessKeyId) })
  setStep(session, 'accessKey', { status: 'done', detail: `Created the key ${maskKeyId(accessKeyId)}.` })
  return 'done'
}

const refFor = (accessKeyId: string) => createHash('sha256').update(accessKeyId).digest('hex').slice(0, 16)
