import type { DoctorQuestion } from '../../../contract/calls/urlDoctor'
import type { AnonymousAnswer } from '../../objects/visitorRequest'

export type { AnonymousAnswer }

/**
 * What the doctor found out, before any judgement
 *
 * The I/O side (io/) fills these in, one check at a time; the pure rules (rules/) judge
 * whatever is there so far, so each verdict can be shown as soon as its facts land.
 */

/** A setting as the profile's key could read it. */
export type Read<T> =
  | { state: 'ok'; value: T }
  /** The key may not read it: say which permission, never guess a pass. */
  | { state: 'denied'; permission: string }
  /** This server has no such thing (MinIO, versitygw...). */
  | { state: 'unsupported' }
  | { state: 'failed'; reason: string }

export interface BlockConfig {
  BlockPublicAcls: boolean
  IgnorePublicAcls: boolean
  BlockPublicPolicy: boolean
  RestrictPublicBuckets: boolean
}

export interface HeadFacts {
  size: number
  etag: string | null
  contentType: string | null
  contentDisposition: string | null
  /** "AES256", "aws:kms", "aws:kms:dsse" or null. */
  encryption: string | null
}

export interface CorsRule {
  ID?: string
  AllowedOrigins?: string[]
  AllowedMethods?: string[]
  AllowedHeaders?: string[]
  ExposeHeaders?: string[]
  MaxAgeSeconds?: number
}

export interface DoctorFacts {
  question: DoctorQuestion
  bucketRegion: string
  /** AWS (or the local stand-in a test build talks to), not a custom S3-compatible endpoint. */
  isAws: boolean
  /** The key checked (a folder's first file); null for an empty folder. */
  checkedKey: string | null
  /** The URL a visitor opens, for the chosen form. */
  url: string | null
  request?: AnonymousAnswer
  /** For the custom base URL: the bucket's own URL, asked the same way, to compare. */
  direct?: AnonymousAnswer
  accountBlock?: Read<BlockConfig | null>
  bucketBlock?: Read<BlockConfig | null>
  /** The policy document as stored, or null when the bucket has none. */
  policy?: Read<string | null>
  /** ObjectOwnership, or null when the bucket has no ownership controls (ACLs on). */
  ownership?: Read<string | null>
  /** Does the object's ACL grant READ to everyone? */
  acl?: Read<boolean>
  /** Null when the object does not exist. */
  head?: Read<HeadFacts | null>
  /** Existing keys close to a missing one. */
  nearKeys?: string[]
  cors?: Read<CorsRule[] | null>
  requestPayment?: Read<'Requester' | 'BucketOwner'>
}
