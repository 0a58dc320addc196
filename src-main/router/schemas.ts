import { z } from 'zod'
import type { CallInput, CallName } from '../contract/bridge'
import { isAwsRegion } from '../contract/regions'
import { endpointProblem } from '../contract/rules/endpointRule'
import { bucketNameProblems } from '../contract/rules/bucketNameRule'
import { iamUserNameProblems } from '../contract/rules/iamUserNameRule'

/**
 * Input schemas, one per call
 *
 * `.strict()` everywhere: an unexpected field is refused rather than ignored, so the
 * renderer cannot smuggle options a handler did not plan for.
 */
const empty = z.object({}).strict()
const id = z.string().min(1).max(100)
const profileName = z.string().trim().min(1, 'enter a name').max(64, 'use at most 64 characters')
const accessKeyId = z
  .string()
  .trim()
  .min(3, 'the access key ID is too short')
  .max(128, 'the access key ID is too long')
  .regex(/^[\w+=,.@-]+$/, 'an access key ID has only letters and digits')
const secretAccessKey = z
  .string()
  .min(1, 'enter the secret access key')
  .max(256, 'the secret access key is too long')
  .refine((s) => s.trim() === s, 'remove the spaces around the secret access key')
const region = z
  .string()
  .trim()
  .min(1, 'choose a region')
  .max(40)
  .regex(/^[a-z0-9-]+$/, 'a region looks like eu-west-1')
const endpoint = z
  .string()
  .trim()
  .max(2048)
  .nullable()
  .superRefine((value, ctx) => {
    const problem = value === null ? null : endpointProblem(value)?.message
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  })
const secretStorage = z.enum(['keychain', 'session'])

const sessionId = z.string().min(1).max(100)
/** The same pure rules the wizard shows as the user types, so a bad name never reaches AWS. */
const ruled = (problems: (value: string) => { message: string }[]) =>
  z.string().superRefine((value, ctx) => {
    const first = problems(value)[0]
    if (first) ctx.addIssue({ code: 'custom', message: first.message })
  })
const setupPlan = z
  .object({
    userName: ruled(iamUserNameProblems),
    userMode: z.enum(['new', 'existing']),
    policy: z.enum(['least-privilege', 's3-full-access']),
    bucket: ruled(bucketNameProblems),
    region: z.string().refine(isAwsRegion, 'choose one of the AWS regions in the list'),
    cors: z.boolean(),
    keepTestObject: z.boolean(),
    deleteAccessKeyRef: z.string().max(100).nullable(),
  })
  .strict()
const setupAdmin = z.discriminatedUnion('source', [
  z.object({ source: z.literal('keys'), accessKeyId, secretAccessKey, saveAsProfile: profileName.nullable() }).strict(),
  z.object({ source: z.literal('profile'), profileId: id }).strict(),
])

const utf8Bytes = (value: string) => new TextEncoder().encode(value).length
/** S3 keys: any UTF-8 up to 1,024 bytes. Older buckets may have names today's rules refuse. */
const objectKey = z.string().min(1, 'the key is empty').refine((k) => utf8Bytes(k) <= 1024, 'a key is at most 1,024 bytes of UTF-8')
const prefix = z.string().refine((p) => p === '' || p.endsWith('/'), 'a folder prefix ends with /').refine((p) => utf8Bytes(p) <= 1024, 'a key is at most 1,024 bytes of UTF-8')
// Existing buckets may be legacy us-east-1 names (capitals, underscores), so this is wider
// than the rule for new names; it still keeps slashes, spaces and controls out of paths.
const bucketName = z.string().min(1).max(255).regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'a bucket name: letters, digits, dots, dashes and underscores')
const objectRef = { profileId: id, bucket: bucketName, key: objectKey }
const operationId = z.string().min(1).max(100)
const cacheControl = z.string().trim().max(1024).nullable()
const publicBaseUrl = z
  .string()
  .trim()
  .max(2048)
  .nullable()
  .superRefine((value, ctx) => {
    const problem = value === null ? null : endpointProblem(value.replace(/\?.*$/, ''))
    if (problem) ctx.addIssue({ code: 'custom', message: problem.message.replace('an endpoint', 'a base URL') })
  })

/** AWS profiles must name a real commercial region; custom stores may use their own ("auto"). */
const regionFitsEndpoint = (p: { region?: string; endpoint?: string | null }) =>
  p.region === undefined || (p.endpoint ?? null) !== null || isAwsRegion(p.region)
const regionMessage = { message: 'choose one of the AWS regions in the list', path: ['region'] }

export const callSchemas = {
  'app/info': empty,
  'keychain/status': empty,
  'profiles/list': empty,
  'profiles/add': z
    .object({
      name: profileName,
      accessKeyId,
      secretAccessKey,
      region,
      endpoint,
      forcePathStyle: z.boolean(),
      secretStorage,
    })
    .strict()
    .refine(regionFitsEndpoint, regionMessage),
  'profiles/update': z
    .object({
      id,
      name: profileName.optional(),
      region: region.optional(),
      endpoint: endpoint.optional(),
      forcePathStyle: z.boolean().optional(),
      accessKeyId: accessKeyId.optional(),
      secretAccessKey: secretAccessKey.optional(),
      publicBaseUrl: publicBaseUrl.optional(),
    })
    .strict()
    .refine((p) => (p.accessKeyId === undefined) === (p.secretAccessKey === undefined), {
      message: 'give the access key ID and its secret together',
      path: ['secretAccessKey'],
    }),
  'profiles/delete': z.object({ id }).strict(),
  'profiles/scanAwsFiles': empty,
  'profiles/importAwsFiles': z
    .object({ names: z.array(z.string().min(1).max(128)).min(1).max(100), secretStorage })
    .strict(),
  'buckets/list': z.object({ profileId: id }).strict(),
  'setup/start': z.object({ admin: setupAdmin }).strict(),
  'setup/run': z.object({ sessionId, plan: setupPlan }).strict(),
  'setup/rollback': z.object({ sessionId }).strict(),
  'setup/finish': z.object({ sessionId, profileName }).strict(),
  'setup/revealEnv': z.object({ sessionId }).strict(),
  'setup/close': z.object({ sessionId }).strict(),
  'setup/pending': empty,
  'setup/adoptPending': z.object({ sessionId }).strict(),
  'clipboard/writeText': z.object({ text: z.string().max(1_000_000) }).strict(),
  'objects/listPage': z.object({ profileId: id, bucket: bucketName, prefix, token: z.string().max(4096).nullable() }).strict(),
  'objects/createFolder': z
    .object({
      profileId: id,
      bucket: bucketName,
      prefix,
      name: z
        .string()
        .trim()
        .min(1, 'enter a folder name')
        .refine((n) => !n.includes('/'), 'a folder name cannot contain /')
        .refine((n) => n !== '.' && n !== '..', 'choose another folder name'),
    })
    .strict()
    .refine((f) => utf8Bytes(`${f.prefix}${f.name}/`) <= 1024, { message: 'a key is at most 1,024 bytes of UTF-8', path: ['name'] }),
  'objects/delete': z.object({ profileId: id, bucket: bucketName, keys: z.array(objectKey).min(1).max(100_000), operationId }).strict(),
  'objects/rename': z.object({ profileId: id, bucket: bucketName, from: objectKey, to: objectKey, operationId }).strict(),
  'objects/properties': z.object(objectRef).strict(),
  'objects/setHeaders': z
    .object({
      ...objectRef,
      contentType: z.string().trim().min(1, 'enter a content type').max(255).regex(/^[\w.+-]+\/[\w.+-]+(\s*;.*)?$/, 'a content type looks like image/png'),
      cacheControl: z.string().trim().max(1024).nullable(),
    })
    .strict(),
  'objects/preview': z.object(objectRef).strict(),
  'objects/checkPublic': z.object(objectRef).strict(),
  'objects/download': z.object({ profileId: id, bucket: bucketName, keys: z.array(objectKey).min(1).max(10_000) }).strict(),
  'objects/downloadLink': z.object(objectRef).strict(),
  'transfers/uploadPaths': z
    .object({ profileId: id, bucket: bucketName, prefix, paths: z.array(z.string().min(1).max(4096)).min(1).max(10_000), cacheControl })
    .strict(),
  'transfers/uploadDeclared': z
    .object({
      profileId: id,
      bucket: bucketName,
      prefix,
      files: z
        .array(
          z
            .object({
              relativePath: z
                .string()
                .min(1)
                .max(1024)
                .refine((p) => !p.split('/').some((part) => part === '..' || part === '.'), 'a path cannot contain . or .. parts'),
              size: z.number().int().min(0).max(5 * 1024 ** 4),
            })
            .strict(),
        )
        .min(1)
        .max(100_000),
      cacheControl,
    })
    .strict(),
  'transfers/resolveConflict': z.object({ batchId: id, choice: z.enum(['overwrite', 'skip', 'keep-both']), applyToAll: z.boolean() }).strict(),
  'transfers/cancel': z.object({ ids: z.array(id).max(100_000).nullable() }).strict(),
  'transfers/retryFailed': empty,
  'transfers/resume': z.object({ ids: z.array(id).min(1).max(100_000) }).strict(),
  'transfers/clearFinished': empty,
  'transfers/list': empty,
  'urls/build': z
    .object({
      profileId: id,
      bucket: bucketName,
      keys: z.array(objectKey).min(1).max(10_000),
      form: z.enum(['public', 'path-style', 'custom-base', 'presigned', 'html', 'markdown']),
      // Presigned SigV4 URLs last at most 7 days.
      expiresInSeconds: z.number().int().min(60).max(604_800).nullable(),
    })
    .strict(),
} satisfies { [K in CallName]: z.ZodType<CallInput<K>, unknown> }
