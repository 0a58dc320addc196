import { create } from 'zustand'
import type { BridgeError, VersionEntry, VersionPage } from '../../../src-main/contract/bridge'
import { bridge, unwrap } from '../../bridge/bridgeClient'
import { asBridgeError } from '../../errors/asBridgeError'

/**
 * The versions of the open folder, page by page (1,000 versions a page)
 *
 * A generation number drops a page that arrives after the folder changed.
 */
export interface VersionsWhere {
  profileId: string
  bucket: string
  prefix: string
}

interface VersionsList {
  where: VersionsWhere | null
  folders: string[]
  versions: VersionEntry[]
  next: VersionPage['next']
  status: 'idle' | 'loading' | 'ready' | 'error'
  error: BridgeError | null
  open(where: VersionsWhere): Promise<void>
  more(): Promise<void>
  refresh(): Promise<void>
}

let generation = 0

export const useVersionsListStore = create<VersionsList>()((set, get) => {
  const pull = async (where: VersionsWhere, from: VersionPage['next'], append: boolean) => {
    const mine = ++generation
    set({ status: 'loading', error: null, ...(append ? {} : { where, folders: [], versions: [], next: null }) })
    try {
      const page = unwrap(await bridge['versions/listPage']({ ...where, keyMarker: from?.keyMarker ?? null, versionIdMarker: from?.versionIdMarker ?? null }))
      if (mine !== generation) return
      set({ status: 'ready', folders: append ? [...get().folders, ...page.folders] : page.folders, versions: append ? [...get().versions, ...page.versions] : page.versions, next: page.next })
    } catch (caught) {
      if (mine === generation) set({ status: 'error', error: asBridgeError(caught) })
    }
  }
  return {
    where: null,
    folders: [],
    versions: [],
    next: null,
    status: 'idle',
    error: null,
    open: (where) => pull(where, null, false),
    async more() {
      const { where, next } = get()
      if (where && next) await pull(where, next, true)
    },
    async refresh() {
      const where = get().where
      if (where) await pull(where, null, false)
    },
  }
})
