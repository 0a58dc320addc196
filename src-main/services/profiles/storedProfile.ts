import { z } from 'zod'

/** One profile as written to profiles.json. No secret is ever part of it. */
export const storedProfileSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  accessKeyId: z.string().min(1),
  region: z.string().min(1),
  endpoint: z.string().nullable(),
  forcePathStyle: z.boolean(),
  createdAt: z.string(),
  /** The bucket a setup-made, least-privilege user may use; it can't list the others. */
  pinnedBucket: z.string().nullable().optional(),
  publicBaseUrl: z.string().nullable().optional(),
})
export type StoredProfile = z.infer<typeof storedProfileSchema>

export const profilesFileSchema = z.object({
  version: z.literal(1),
  profiles: z.array(storedProfileSchema),
})

/** What the AWS clients need to act as a profile. */
export interface ProfileConnection {
  accessKeyId: string
  secretAccessKey: string
  region: string
  endpoint: string | null
  forcePathStyle: boolean
}
