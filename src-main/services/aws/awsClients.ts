import { S3Client } from '@aws-sdk/client-s3'
import { STSClient } from '@aws-sdk/client-sts'
import { IAMClient } from '@aws-sdk/client-iam'
import { S3ControlClient } from '@aws-sdk/client-s3-control'
import type { ProfileConnection } from './profileConnection'

/**
 * Client construction for a profile
 *
 * `awsEndpointOverride` sends every AWS call (S3, IAM, STS) to one local server, as the
 * tests do with moto; a profile's own custom endpoint (MinIO, R2...) always wins for S3.
 * Clients are cheap to build, and building them per call keeps no secret in a cache.
 */
export interface AwsClientFactory {
  s3(connection: ProfileConnection): S3Client
  /**
   * For transfers and downloads: the engine retries each request itself (one layer,
   * core/async/retrying, with "waiting for network"), so this client tries once.
   */
  s3Transfers(connection: ProfileConnection): S3Client
  sts(connection: ProfileConnection): STSClient
  iam(connection: ProfileConnection): IAMClient
  s3control(connection: ProfileConnection): S3ControlClient
  /** Where anonymous public URLs point: AWS (null) or the override server. */
  readonly publicEndpoint: string | null
}

/** A server that goes quiet this long (no byte either way) is given up on, and the request retried. */
export const defaultIdleTimeoutMs = 60_000

export function createAwsClientFactory(awsEndpointOverride: string | null = null, options: { idleTimeoutMs?: number } = {}): AwsClientFactory {
  // Without these the SDK waits forever on a server that accepted the connection and
  // never answers, or stopped in the middle of a body: the queue would hang, not retry.
  const requestHandler = { connectionTimeout: 10_000, socketTimeout: options.idleTimeoutMs ?? defaultIdleTimeoutMs }
  const common = (c: ProfileConnection) => ({
    region: c.region,
    credentials: { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey },
    maxAttempts: 3,
    requestHandler,
  })
  const s3 = (c: ProfileConnection, maxAttempts: number) =>
      new S3Client({
        ...common(c),
        maxAttempts,
        // Downloads check their size and ETag (If-Match) themselves; the SDK's whole-object
        // CRC64 check runs in JavaScript and cost more CPU than the transfer. Uploads still
        // send a CRC32, so S3 rejects a part damaged on the way.
        responseChecksumValidation: 'WHEN_REQUIRED',
        ...(c.endpoint
          ? { endpoint: c.endpoint, forcePathStyle: c.forcePathStyle }
          : awsEndpointOverride
            ? { endpoint: awsEndpointOverride, forcePathStyle: true }
            : {}),
      })
  return {
    s3: (c) => s3(c, 3),
    s3Transfers: (c) => s3(c, 1),
    sts: (c) => new STSClient({ ...common(c), ...(awsEndpointOverride ? { endpoint: awsEndpointOverride } : {}) }),
    // IAM is global and signs for us-east-1 whatever the profile's region.
    iam: (c) =>
      new IAMClient({
        ...common(c),
        region: 'us-east-1',
        ...(awsEndpointOverride ? { endpoint: awsEndpointOverride } : {}),
      }),
    // The account id normally goes into the host name ("123456789012.127.0.0.1" is no URL
    // at all), and the SDK's endpoint rules add it whatever disableHostPrefix says: for a
    // local server, resolve every call to the server itself.
    s3control: (c) =>
      new S3ControlClient({
        ...common(c),
        ...(awsEndpointOverride ? { endpoint: awsEndpointOverride, disableHostPrefix: true, endpointProvider: () => ({ url: new URL(awsEndpointOverride) }) } : {}),
      }),
    publicEndpoint: awsEndpointOverride,
  }
}
