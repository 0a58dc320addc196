import { z } from 'zod'
import type { BridgeError } from '../shared/bridgeError'
import { call } from '../shared/callSpec'
import { isAwsRegion } from '../rules/regions'
import { bucketNameProblems } from '../rules/bucketNameRule'
import { iamUserNameProblems } from '../rules/iamUserNameRule'
import { userPolicyChoices } from '../rules/bucketPolicy'
import { empty, id, ruled } from '../shared/schemaParts'
import { accessKeyId, profileName, secretAccessKey, type ProfileView } from './profiles'


export type SetupStepId = 'user' | 'userPolicy' | 'accessKey' | 'bucket' | 'publicRead' | 'propagation' | 'verify'
export type SetupStepStatus = 'pending' | 'running' | 'waiting' | 'done' | 'failed'

export interface SetupStep {
  id: SetupStepId
  status: SetupStepStatus
  /** What happened or is happening, in words: "Created user ana-web", "Waiting for AWS… 6 s". */
  detail: string | null
  error: BridgeError | null
}

/** Everything a run created, so a rollback can undo exactly that and nothing else. */
export type CreatedResource =
  | { kind: 'user'; name: string }
  | { kind: 'inline-policy'; user: string; policyName: string }
  | { kind: 'managed-policy'; user: string; policyArn: string }
  | { kind: 'access-key'; user: string; keyIdMasked: string }
  | { kind: 'bucket'; name: string; region: string }
  | { kind: 'public-access-block'; bucket: string }
  | { kind: 'bucket-policy'; bucket: string }
  | { kind: 'cors'; bucket: string }
  | { kind: 'test-object'; bucket: string; key: string }

export interface ExistingAccessKey {
  /** Opaque reference to send back; the id itself stays masked. */
  ref: string
  keyIdMasked: string
  createdAt: string | null
  active: boolean
}

export interface SetupState {
  sessionId: string
  status: 'ready' | 'running' | 'needs-key-choice' | 'failed' | 'verified' | 'finished' | 'rolled-back'
  steps: SetupStep[]
  created: CreatedResource[]
  existingKeys: ExistingAccessKey[] | null
  /** The bucket policy as written (merged with any that was there). */
  bucketPolicyJson: string | null
  verified: { publicUrl: string; contentType: string; previewDataUrl: string; bytes: number } | null
  /** Other names to offer when the bucket name is taken by another account. */
  bucketSuggestions: string[]
  /** What a rollback removed, and what it kept with the reason. */
  rollback: { removed: string[]; kept: string[] } | null
}

/** What a half-done setup created, to show before the admin keys are asked for again. */
export interface PendingSetup {
  accountId: string
  userName: string
  bucket: string
  region: string
  created: CreatedResource[]
  updatedAt: string
}

export interface SetupStart {
  sessionId: string
  accountId: string
  adminArn: string
  /** Permissions the admin keys lack; setup can't succeed until they are granted. */
  missingPermissions: string[]
  /** How the dry check was done: IAM's simulator, Cubeta reading the policies, root (nothing to check), or not possible. */
  permissionCheck: 'simulated' | 'evaluated' | 'root' | 'unavailable'
  /** A half-done setup of this same account is waiting: adopt it (setup/adoptPending). */
  pendingInAccount: boolean
}

export interface SetupFinish {
  profile: ProfileView
  bucket: string
  region: string
  publicUrl: string
  /** Whether the test image behind publicUrl is still in the bucket. */
  testImageKept: boolean
  /** Where Django's uploads live, ending in "/": the export panel shows its files' URL shape with it. */
  mediaBaseUrl: string
  /** .env lines with the secret masked: the real one only on an explicit reveal. */
  envMasked: string
}

export const userPolicyChoice = z.enum(userPolicyChoices)
export type UserPolicyChoice = z.infer<typeof userPolicyChoice>

const setupPlan = z
  .object({
    userName: ruled(iamUserNameProblems),
    userMode: z.enum(['new', 'existing']),
    policy: userPolicyChoice,
    bucket: ruled(bucketNameProblems),
    region: z.string().refine(isAwsRegion, 'choose one of the AWS regions in the list'),
    cors: z.boolean(),
    keepTestObject: z.boolean(),
    /** The user's answer when the IAM user already has 2 access keys: which one to delete. */
    deleteAccessKeyRef: z.string().max(100).nullable(),
  })
  .strict()
export type SetupPlan = z.input<typeof setupPlan>

const setupAdmin = z.discriminatedUnion('source', [
  z.object({ source: z.literal('keys'), accessKeyId, secretAccessKey, saveAsProfile: profileName.nullable() }).strict(),
  z.object({ source: z.literal('profile'), profileId: id }).strict(),
])
export type SetupAdmin = z.input<typeof setupAdmin>

const sessionId = z.string().min(1).max(100)
const inSession = z.object({ sessionId }).strict()

export const setupCalls = {
  'setup/start': call<SetupStart>()(z.object({ admin: setupAdmin }).strict()),
  'setup/run': call<SetupState>()(z.object({ sessionId, plan: setupPlan }).strict()),
  'setup/rollback': call<SetupState>()(inSession),
  'setup/finish': call<SetupFinish>()(z.object({ sessionId, profileName }).strict()),
  /** The one deliberate exception to "no secret reaches the window": an explicit reveal or copy. */
  'setup/revealEnv': call<{ env: string }>()(inSession),
  'setup/close': call<{ closed: boolean }>()(inSession),
  /** A setup a previous run of Cubeta left half-done, if any (from the journal on disk). */
  'setup/pending': call<{ pending: PendingSetup | null }>()(empty),
  /** Takes over the half-done setup in a session whose admin keys were just checked. */
  'setup/adoptPending': call<{ state: SetupState; plan: SetupPlan }>()(inSession),
}

export interface SetupEvents {
  'setup/progress': SetupState
}
