import { z } from 'zod'

/**
 * Schema pieces that several areas' calls share
 *
 * `.strict()` on every object schema: an unexpected field is refused rather than
 * ignored, so the renderer cannot smuggle options a handler did not plan for.
 */
export const empty = z.object({}).strict()
export const id = z.string().min(1).max(100)
export const operationId = z.string().min(1).max(100)

export const utf8Bytes = (value: string) => new TextEncoder().encode(value).length
export const keyBytesMessage = 'a key is at most 1,024 bytes of UTF-8'
/** S3 keys: any UTF-8 up to 1,024 bytes. Older buckets may have names today's rules refuse. */
export const objectKey = z.string().min(1, 'the key is empty').refine((k) => utf8Bytes(k) <= 1024, keyBytesMessage)
export const prefix = z
  .string()
  .refine((p) => p === '' || p.endsWith('/'), 'a folder prefix ends with /')
  .refine((p) => utf8Bytes(p) <= 1024, keyBytesMessage)
// Existing buckets may be legacy us-east-1 names (capitals, underscores), so this is wider
// than the rule for new names; it still keeps slashes, spaces and controls out of paths.
export const bucketName = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'a bucket name: letters, digits, dots, dashes and underscores')
export const objectRefFields = { profileId: id, bucket: bucketName, key: objectKey }
export const objectRef = z.object(objectRefFields).strict()
export const cacheControl = z.string().trim().max(1024).nullable()

/** The same pure rules a form shows as the user types, so a bad name never reaches AWS. */
export const ruled = (problems: (value: string) => { message: string }[]) =>
  z.string().superRefine((value, ctx) => {
    const first = problems(value)[0]
    if (first) ctx.addIssue({ code: 'custom', message: first.message })
  })
