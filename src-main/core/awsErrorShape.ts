/**
 * Reading an AWS SDK error without depending on the SDK
 *
 * The SDK's errors carry the service's error name and the HTTP status; retry rules in
 * core and the sentences in services/aws both read them, so the shape lives here once.
 */
export interface AwsLikeError {
  name?: string
  Code?: string
  code?: string
  message?: string
  $metadata?: { httpStatusCode?: number }
  /** RequestTimeTooSkewed: when the request was signed (20260115T093000Z) and the server's time. */
  RequestTime?: string
  ServerTime?: string
  /** The raw answer; its Date header is the server's clock. */
  $response?: { headers?: Record<string, string | undefined> }
}

/** The AWS error name ("NoSuchKey"), or '' for anything else. */
export const awsErrorName = (error: unknown): string => (error as AwsLikeError | undefined)?.name ?? ''

/** The HTTP status an AWS call failed with, if any. */
export const awsHttpStatus = (error: unknown): number | undefined => (error as AwsLikeError | undefined)?.$metadata?.httpStatusCode
