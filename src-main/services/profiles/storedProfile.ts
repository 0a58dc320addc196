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

/**
 * A keychain change in flight, written before the keychain is touched: if Cubeta stops
 * half-way, the next start finishes or undoes it, so file and keychain agree again.
 * - add: a secret is being saved for a profile not yet in the file;
 * - delete: the profile has left the file, its secret is being removed;
 * - replace: a new secret waits under `<account>:staged` to take the old one's place.
 */
export const pendingSecretSchema = z.object({
  account: z.string().min(1),
  change: z.enum(['add', 'delete', 'replace']),
})
export type PendingSecret = z.infer<typeof pendingSecretSchema>

export const profilesFileSchema = z.object({
  version: z.literal(1),
  profiles: z.array(storedProfileSchema),
  pendingSecrets: z.array(pendingSecretSchema).optional(),
})
export type ProfilesFile = z.infer<typeof profilesFileSchema>
