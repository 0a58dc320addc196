import { z } from 'zod'
import type { CallInput, CallName } from '../contract/bridge'
import { isAwsRegion } from '../contract/regions'
import { endpointProblem } from '../services/profiles/endpointRule'

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
    const problem = value === null ? null : endpointProblem(value)
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  })
const secretStorage = z.enum(['keychain', 'session'])

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
} satisfies { [K in CallName]: z.ZodType<CallInput<K>, unknown> }
