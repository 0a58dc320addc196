import { create } from 'zustand'
import type {
  BridgeError,
  ImportResult,
  ProfileDraft,
  ProfileEdit,
  ProfileView,
  SecretStorageKind,
} from '../../../src-main/contract/bridge'
import { readSetting, settingKeys, writeSetting } from '../../app/localSetting'
import { bridge, unwrap } from '../../bridge/bridgeClient'
import { asBridgeError } from '../../errors/asBridgeError'
import { pickActiveProfile } from './pickActiveProfile'

interface ProfilesState {
  profiles: ProfileView[]
  status: 'loading' | 'ready' | 'error'
  /** Why the list could not be loaded; form errors stay with their forms. */
  error: BridgeError | null
  activeId: string | null
  load(): Promise<void>
  /** Keeps the list in step with the main process (`profiles/changed`); returns the unsubscribe. */
  follow(): () => void
  select(id: string): void
  /** The actions below throw `BridgeCallError` so that the form that called them can show it. */
  add(draft: ProfileDraft): Promise<ProfileView>
  update(edit: ProfileEdit): Promise<ProfileView>
  remove(id: string): Promise<void>
  importFromAwsFiles(names: string[], secretStorage: SecretStorageKind): Promise<ImportResult>
}

const rememberActive = (id: string | null) => writeSetting(settingKeys.activeProfile, id)

export const useProfilesStore = create<ProfilesState>()((set, get) => {
  /** Every change to the list goes through here, so the active profile always exists. */
  const replace = (profiles: ProfileView[], wanted = get().activeId) => {
    const activeId = pickActiveProfile(profiles, wanted)
    if (activeId !== get().activeId) rememberActive(activeId)
    set({ profiles, activeId, status: 'ready', error: null })
  }
  const upsert = (profile: ProfileView, list = get().profiles) =>
    list.some((p) => p.id === profile.id) ? list.map((p) => (p.id === profile.id ? profile : p)) : [...list, profile]

  return {
    profiles: [],
    status: 'loading',
    error: null,
    activeId: readSetting(settingKeys.activeProfile),

    async load() {
      set({ status: 'loading', error: null })
      try {
        replace(unwrap(await bridge['profiles/list']({})))
      } catch (caught) {
        set({ status: 'error', error: asBridgeError(caught) })
      }
    },

    follow() {
      return bridge.on('profiles/changed', ({ profiles }) => replace(profiles))
    },

    select(id) {
      if (!get().profiles.some((p) => p.id === id) || id === get().activeId) return
      rememberActive(id)
      set({ activeId: id })
    },

    async add(draft) {
      const profile = unwrap(await bridge['profiles/add'](draft))
      replace(upsert(profile), profile.id)
      return profile
    },

    async update(edit) {
      const profile = unwrap(await bridge['profiles/update'](edit))
      replace(upsert(profile))
      return profile
    },

    async remove(id) {
      unwrap(await bridge['profiles/delete']({ id }))
      replace(get().profiles.filter((p) => p.id !== id))
    },

    async importFromAwsFiles(names, secretStorage) {
      const result = unwrap(await bridge['profiles/importAwsFiles']({ names, secretStorage }))
      const merged = result.imported.reduce((list, profile) => upsert(profile, list), get().profiles)
      replace(merged, result.imported[0]?.id ?? get().activeId)
      return result
    },
  }
})

export const useActiveProfile = (): ProfileView | null =>
  useProfilesStore((s) => s.profiles.find((p) => p.id === s.activeId) ?? null)
