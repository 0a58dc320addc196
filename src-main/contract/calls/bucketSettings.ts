import { z } from 'zod'
import { corsProblems, knownCorsFields, type CorsRule } from '../rules/bucketSettings/corsRules'
import { parseJsonText } from '../rules/bucketSettings/jsonText'
import type { Caller } from '../rules/bucketSettings/lockouts'
import { policyProblems } from '../rules/bucketSettings/policyRules'
import { lifecycleProblems } from '../rules/bucketSettings/lifecycleRules'
import { kmsKeyProblem, ownershipChoices, websiteProblems } from '../rules/bucketSettings/simpleSettings'
import type { BridgeError } from '../shared/bridgeError'
import { call } from '../shared/callSpec'
import { bucketName, id } from '../shared/schemaParts'
import type { VersioningState } from './bucketAdmin'

/** A bucket's settings panel (issue 12): every setting read as it is, and the editors that write them. */

/** One setting as read: its value, or why it could not be read (the permission the key lacks). */
export type SettingRead<T> = { state: 'ok'; value: T } | { state: 'denied'; permission: string } | { state: 'failed'; error: BridgeError }

export interface PublicAccessBlock {
  blockPublicAcls: boolean
  ignorePublicAcls: boolean
  blockPublicPolicy: boolean
  restrictPublicBuckets: boolean
}

export interface BucketSettings {
  region: string
  /** Where Cubeta sends this bucket's S3 requests. */
  endpoint: string
  versioning: SettingRead<{ status: VersioningState; mfaDelete: boolean }>
  /** Null: never set, so nothing is blocked at this level. */
  publicAccessBlock: SettingRead<PublicAccessBlock | null>
  accountPublicAccessBlock: SettingRead<PublicAccessBlock | null>
  /** The policy document as S3 stores it, or null when there is none. */
  policy: SettingRead<string | null>
  /** BucketOwnerEnforced (ACLs off), BucketOwnerPreferred, ObjectWriter; null when never set. */
  ownership: SettingRead<string | null>
  cors: SettingRead<CorsRule[]>
  lifecycle: SettingRead<Record<string, unknown>[]>
  encryption: SettingRead<{ algorithm: string; kmsKeyId: string | null; bucketKey: boolean } | null>
  website: SettingRead<{ indexDocument: string | null; errorDocument: string | null; redirectAll: string | null; endpointUrl: string | null } | null>
  /** Who these keys are (STS), for the lock-out warnings; null where the server has no STS. */
  caller: Caller | null
}

export type { Caller }

export type { CorsRule }

const inBucket = { profileId: id, bucket: bucketName }
/**
 * Rules arrive as S3's JSON, checked by the same rule the editor uses. The raw values are
 * checked (a record schema would copy keys and turn an own `__proto__` field into a
 * prototype, hiding it); what passes is rebuilt from the known fields only.
 */
const corsRules = z
  .array(z.unknown())
  .max(100)
  .superRefine((rules, ctx) => {
    const first = corsProblems(rules)[0]
    if (first) ctx.addIssue({ code: 'custom', message: `rule ${first.rule}: ${first.code}${first.detail ? ` (${first.detail})` : ''}` })
  })
  .transform((rules) => rules.map((rule) => knownCorsFields(rule as CorsRule)))

/** The four Block Public Access switches, every one given: nothing is left to a default. */
const blockSettings = z.object({ blockPublicAcls: z.boolean(), ignorePublicAcls: z.boolean(), blockPublicPolicy: z.boolean(), restrictPublicBuckets: z.boolean() }).strict()

/**
 * The policy as the editor's text, checked by the same rules: JSON (no repeated names) and
 * what S3 would refuse for this bucket. Null removes the policy.
 */
const policyInput = z
  .object({ ...inBucket, policy: z.string().max(64 * 1024).nullable(), acknowledgedLockout: z.boolean(), relaxBlockPublicAccess: z.boolean() })
  .strict()
  .superRefine((input, ctx) => {
    if (input.policy === null) return
    const parsed = parseJsonText(input.policy)
    if (!parsed.ok) return ctx.addIssue({ code: 'custom', path: ['policy'], message: `line ${parsed.problem.line}, column ${parsed.problem.column}: ${parsed.problem.code}` })
    const first = policyProblems(parsed.value, input.bucket)[0]
    if (first) ctx.addIssue({ code: 'custom', path: ['policy'], message: `statement ${first.statement}: ${first.code}${first.detail ? ` (${first.detail})` : ''}` })
  })

const encryptionInput = z
  .object({ ...inBucket, algorithm: z.enum(['AES256', 'aws:kms']), kmsKeyId: z.string().trim().max(2048), bucketKey: z.boolean() })
  .strict()
  .superRefine((input, ctx) => {
    if (input.algorithm === 'aws:kms' && kmsKeyProblem(input.kmsKeyId)) ctx.addIssue({ code: 'custom', path: ['kmsKeyId'], message: 'kms-key-malformed' })
  })

const websiteInput = z
  .object({
    ...inBucket,
    website: z
      .object({ mode: z.enum(['off', 'documents', 'redirect']), indexDocument: z.string().trim().max(1024), errorDocument: z.string().trim().max(1024), redirectHost: z.string().trim().max(300), redirectProtocol: z.enum(['http', 'https']) })
      .strict(),
  })
  .strict()
  .superRefine((input, ctx) => {
    const first = websiteProblems(input.website)[0]
    if (first) ctx.addIssue({ code: 'custom', path: ['website'], message: first })
  })

/** Lifecycle rules in S3's JSON, checked by the editor's rule; rules the form can't show pass through as they came. */
const lifecycleRules = z
  .array(z.unknown())
  .max(1000)
  .superRefine((rules, ctx) => {
    const first = lifecycleProblems(rules)[0]
    if (first) ctx.addIssue({ code: 'custom', message: `rule ${first.rule}: ${first.code}${first.detail ? ` (${first.detail})` : ''}` })
  })
  .transform((rules) => rules.map((rule) => JSON.parse(JSON.stringify(rule)) as Record<string, unknown>))

export const bucketSettingsCalls = {
  /** Every setting at once; a setting the key may not read says which permission is missing, the rest still read. */
  'bucketSettings/read': call<BucketSettings>()(z.object(inBucket).strict()),
  /**
   * Versioning on or suspended (never back to off). Turning it on for the first time must
   * be acknowledged: it is one-way. Answers with the state read back from S3.
   */
  'bucketSettings/setVersioning': call<BucketSettings['versioning']>()(
    z.object({ ...inBucket, status: z.enum(['on', 'suspended']), acknowledgedOneWay: z.boolean() }).strict(),
  ),
  /** The CORS rules, checked as S3 would, then written ([] removes them) and read back. */
  'bucketSettings/setCors': call<BucketSettings['cors']>()(z.object({ ...inBucket, rules: corsRules }).strict()),
  /**
   * Block Public Access for this bucket. Ignoring public policies while the policy is
   * public stops public read at once, so that must be acknowledged. Answers read back.
   */
  'bucketSettings/setPublicAccessBlock': call<BucketSettings['publicAccessBlock']>()(
    z.object({ ...inBucket, settings: blockSettings, acknowledgedPublicReadStops: z.boolean() }).strict(),
  ),
  /**
   * The bucket policy written whole (null deletes it). A Deny that reaches these keys' own
   * policy calls, or everyone's reads, must be acknowledged. `relaxBlockPublicAccess`
   * first lets public policies through this bucket's Block Public Access, as the guided
   * setup does. Answers both read back.
   */
  'bucketSettings/setPolicy': call<Pick<BucketSettings, 'policy' | 'publicAccessBlock'>>()(policyInput),
  /** Object Ownership: ACLs off (BucketOwnerEnforced) or on. Answers read back. */
  'bucketSettings/setOwnership': call<BucketSettings['ownership']>()(z.object({ ...inBucket, ownership: z.enum(ownershipChoices) }).strict()),
  /** Default encryption for new uploads: SSE-S3, or SSE-KMS with a key ('' for aws/s3) and the bucket key. */
  'bucketSettings/setEncryption': call<BucketSettings['encryption']>()(encryptionInput),
  /** Static website hosting: off, index and error documents, or every request redirected to a host. */
  'bucketSettings/setWebsite': call<BucketSettings['website']>()(websiteInput),
  /** Every lifecycle rule, written whole ([] removes them all) and read back. */
  'bucketSettings/setLifecycle': call<BucketSettings['lifecycle']>()(z.object({ ...inBucket, rules: lifecycleRules }).strict()),
}
