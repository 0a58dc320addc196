import type { S3Client } from '@aws-sdk/client-s3'
import { defaultIdleTimeoutMs } from '../aws/awsClients'

/** How long the lean requests (ranged GET, PUT) wait for a connection, and for a silent server. */
export interface LeanTimeouts {
  connectMs: number
  idleMs: number
}

interface HandlerTimeouts {
  connectionTimeout?: number
  socketTimeout?: number
}

/**
 * The lean paths wait as long as the client's own requests would (awsClients.ts). The
 * SDK's handler settles its options on its first request: until then only its promise has them.
 */
export async function transferTimeouts(s3: S3Client): Promise<LeanTimeouts> {
  const handler = s3.config.requestHandler as { configProvider?: Promise<HandlerTimeouts>; httpHandlerConfigs?: () => HandlerTimeouts }
  const settled = handler.httpHandlerConfigs?.() ?? {}
  const config = settled.socketTimeout !== undefined ? settled : { ...(await handler.configProvider?.catch(() => undefined)), ...settled }
  return { connectMs: config.connectionTimeout ?? 10_000, idleMs: config.socketTimeout ?? defaultIdleTimeoutMs }
}

/** A fault of the network, with the code the retry rules (core/async/retryPolicy) know. */
export const networkError = (code: string, message: string) => Object.assign(new Error(message), { code })
