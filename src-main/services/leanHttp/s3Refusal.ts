/**
 * A server's XML error answer, as the SDK's own error for it
 *
 * The lean PUT meets SlowDown and InternalError without the SDK: thrown in the SDK's
 * shape (name = S3's code, message, HTTP status, request ids, the answer's headers), the
 * retry rules (core/async/retryPolicy) and the user's sentence (aws/awsErrors toAppError)
 * read it exactly as they read the SDK's.
 */
export function s3Refusal(status: number, body: Buffer, headers: ReadonlyMap<string, string>): Error {
  const xml = body.toString('utf8')
  const code = xmlField(xml, 'Code')
  const error = new Error(xmlField(xml, 'Message') ?? (code || `HTTP ${status}`))
  return Object.assign(error, {
    name: code ?? 'Unknown',
    ...(code ? { Code: code } : {}),
    $fault: status >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode: status, requestId: headers.get('x-amz-request-id'), extendedRequestId: headers.get('x-amz-id-2'), attempts: 1, totalRetryDelay: 0 },
    $response: { statusCode: status, headers: Object.fromEntries(headers) },
  })
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

/** The text of the first `<name>` element under the root, entities decoded. */
function xmlField(xml: string, name: string): string | undefined {
  const found = new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1]
  return found?.replace(/&(amp|lt|gt|quot|apos);/g, (_, entity: string) => entities[entity]!)
}
