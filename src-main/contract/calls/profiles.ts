import { z } from 'zod'
import type { BridgeError } from '../shared/bridgeError'
import { call } from '../shared/callSpec'
import { isAwsRegion } from '../rules/regions'
import { endpointProblem } from '../rules/endpointRule'
import {
  accessKeyIdMaxLength,
  accessKeyIdMinLength,
  accessKeyIdPattern,
  hasSurroundingSpace,
  profileNameMaxLength,
  secretAccessKeyMaxLength,
} from '../rules/profileRules'
import { empty, id } from '../shared/schemaParts'

/** What the renderer may know about a profile: never the secret, only a masked key id. */
export interface ProfileView {
  id: string
  name: string
  /** The access key id with everything but its last 4 characters masked. */
  keyIdMasked: string
  region: string
  /** Custom S3-compatible endpoint (MinIO, R2, Wasabi...), or null for AWS. */
  endpoint: string | null
  forcePathStyle: boolean
  /** Where the secret lives: the OS keychain, or this session's memory only. */
  secretStorage: SecretStorageKind
  hasSecret: boolean
  /** A CDN or custom domain in front of the bucket (CloudFront...), for "Copy URL". */
  publicBaseUrl: string | null
}

/** A profile found in ~/.aws/credentials and ~/.aws/config, before import. */
export interface AwsFileProfile {
  name: string
  keyIdMasked: string
  region: string | null
  endpoint: string | null
  /** Already imported under this name? */
  alreadyImported: boolean
  /** Why it cannot be imported (e.g. SSO or role profiles carry no static key). */
  unsupported: string | null
}

export interface ImportResult {
  imported: ProfileView[]
  failed: { name: string; error: BridgeError }[]
}

export interface BucketSummary {
  name: string
  /** Null when the store did not say and could not be asked. */
  region: string | null
  /** ISO 8601. */
  createdAt: string | null
}

export const profileName = z
  .string()
  .trim()
  .min(1, 'enter a name')
  .max(profileNameMaxLength, `use at most ${profileNameMaxLength} characters`)
export const accessKeyId = z
  .string()
  .trim()
  .min(accessKeyIdMinLength, 'the access key ID is too short')
  .max(accessKeyIdMaxLength, 'the access key ID is too long')
  .regex(accessKeyIdPattern, 'an access key ID has only letters and digits')
export const secretAccessKey = z
  .string()
  .min(1, 'enter the secret access key')
  .max(secretAccessKeyMaxLength, 'the secret access key is too long')
  .refine((s) => !hasSurroundingSpace(s), 'remove the spaces around the secret access key')
const region = z.string().trim().min(1, 'choose a region').max(40).regex(/^[a-z0-9-]+$/, 'a region looks like eu-west-1')
/** An http(s) URL or null, checked by the endpoint rule: `problemOf` says what is wrong, in words. */
const urlOrNull = (problemOf: (url: string) => string | null) =>
  z
    .string()
    .trim()
    .max(2048)
    .nullable()
    .superRefine((value, ctx) => {
      const problem = value === null ? null : problemOf(value)
      if (problem) ctx.addIssue({ code: 'custom', message: problem })
    })
const endpoint = urlOrNull((url) => endpointProblem(url)?.message ?? null)
// A base URL may keep a query after the key (signed CDN links); the rest is an endpoint's rule.
const publicBaseUrl = urlOrNull((url) => endpointProblem(url.replace(/\?.*$/, ''))?.message.replace('an endpoint', 'a base URL') ?? null)
export const secretStorage = z.enum(['keychain', 'session'])
export type SecretStorageKind = z.infer<typeof secretStorage>

/** AWS profiles must name a real commercial region; custom stores may use their own ("auto"). */
const regionFitsEndpoint = (p: { region?: string; endpoint?: string | null }) =>
  p.region === undefined || (p.endpoint ?? null) !== null || isAwsRegion(p.region)
const regionMessage = { message: 'choose one of the AWS regions in the list', path: ['region'] }

const profileDraft = z
  .object({ name: profileName, accessKeyId, secretAccessKey, region, endpoint, forcePathStyle: z.boolean(), secretStorage })
  .strict()
  .refine(regionFitsEndpoint, regionMessage)
export type ProfileDraft = z.input<typeof profileDraft>

const profileEdit = z
  .object({
    id,
    name: profileName.optional(),
    region: region.optional(),
    endpoint: endpoint.optional(),
    forcePathStyle: z.boolean().optional(),
    /** Replacing keys: both are given together and checked before they are saved. */
    accessKeyId: accessKeyId.optional(),
    secretAccessKey: secretAccessKey.optional(),
    publicBaseUrl: publicBaseUrl.optional(),
  })
  .strict()
  .refine((p) => (p.accessKeyId === undefined) === (p.secretAccessKey === undefined), {
    message: 'give the access key ID and its secret together',
    path: ['secretAccessKey'],
  })
export type ProfileEdit = z.input<typeof profileEdit>

export const profileCalls = {
  'profiles/list': call<ProfileView[]>()(empty),
  'profiles/add': call<ProfileView>()(profileDraft),
  'profiles/update': call<ProfileView>()(profileEdit),
  'profiles/delete': call<{ id: string }>()(z.object({ id }).strict()),
  /** Removes the keychain secrets app/info counted as used by no profile. */
  'profiles/removeOrphanedSecrets': call<{ removed: number }>()(empty),
  'profiles/scanAwsFiles': call<AwsFileProfile[]>()(empty),
  'profiles/importAwsFiles': call<ImportResult>()(
    z.object({ names: z.array(z.string().min(1).max(128)).min(1).max(100), secretStorage }).strict(),
  ),
  'buckets/list': call<BucketSummary[]>()(z.object({ profileId: id }).strict()),
}

export interface ProfileEvents {
  'profiles/changed': { profiles: ProfileView[] }
}
