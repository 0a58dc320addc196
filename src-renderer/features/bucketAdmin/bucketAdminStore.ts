import { create } from 'zustand'

/** The last thing bucket management did, said in that profile's bucket list ("The bucket x was deleted."). */
interface BucketAdminState {
  notice: { profileId: string; text: string } | null
  say(profileId: string, text: string): void
}

export const useBucketAdminStore = create<BucketAdminState>()((set) => ({
  notice: null,
  say: (profileId, text) => set({ notice: { profileId, text } }),
}))
