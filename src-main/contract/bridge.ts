/**
 * The bridge contract
 *
 * Every call and event between the renderer and the main process, joined from one file
 * per area under `calls/`. Each call is a zod schema for its input and a type for its
 * answer (`callSpec.ts`); the router validates with the same schema whose type the
 * renderer's call is checked against. `callNames`/`eventNames` are the runtime lists the
 * preload and the browser server build their surfaces from.
 *
 * A new call is one entry in its area's `…Calls` object and one handler. This layer
 * imports nothing of Cubeta's outside `contract/`, and nothing of Node or Electron, so
 * both sides import it.
 */
import type { z } from 'zod'
import type { BridgeResult } from './shared/bridgeError'
import { appCalls } from './calls/app'
import { objectCalls, type ObjectEvents } from './calls/objects'
import { profileCalls, type ProfileEvents } from './calls/profiles'
import { setupCalls, type SetupEvents } from './calls/setup'
import { transferCalls, type TransferEvents } from './calls/transfers'
import { bucketIndexCalls, type BucketIndexEvents } from './calls/bucketIndex'
import { syncCalls, type SyncEvents } from './calls/sync'
import { urlDoctorCalls, type UrlDoctorEvents } from './calls/urlDoctor'
import { bucketAdminCalls } from './calls/bucketAdmin'
import { versionCalls } from './calls/versions'
import { bucketSettingsCalls } from './calls/bucketSettings'
import { incompleteUploadCalls } from './calls/incompleteUploads'
import { objectToolCalls } from './calls/objectTools'

export type * from './shared/bridgeError'
export type * from './calls/app'
export type * from './calls/objects'
export type * from './calls/profiles'
export type * from './calls/setup'
export type * from './calls/transfers'
export type * from './calls/bucketIndex'
export type * from './calls/sync'
export type * from './calls/urlDoctor'
export type * from './calls/bucketAdmin'
export type * from './calls/versions'
export type * from './calls/bucketSettings'
export type * from './calls/incompleteUploads'
export type * from './calls/objectTools'

export const callSpecs = {
  ...appCalls,
  ...profileCalls,
  ...setupCalls,
  ...objectCalls,
  ...transferCalls,
  ...bucketIndexCalls,
  ...syncCalls,
  ...urlDoctorCalls,
  ...bucketAdminCalls,
  ...versionCalls,
  ...bucketSettingsCalls,
  ...incompleteUploadCalls,
  ...objectToolCalls,
}

type Specs = typeof callSpecs
export type CallName = keyof Specs
/** What the renderer sends. */
export type CallInput<K extends CallName> = z.input<Specs[K]['input']>
/** What a handler receives once the schema has passed (trimmed, defaults filled). */
export type HandlerInput<K extends CallName> = z.output<Specs[K]['input']>
export type CallOutput<K extends CallName> = NonNullable<Specs[K]['output']>

/** Every event the main process pushes to the renderer. */
export interface Events extends ProfileEvents, SetupEvents, ObjectEvents, TransferEvents, BucketIndexEvents, SyncEvents, UrlDoctorEvents {}
export type EventName = keyof Events

export const callNames = Object.keys(callSpecs) as CallName[]

/** Each call's input schema, by name: what the router validates with. */
export const callSchemas = Object.fromEntries(callNames.map((name) => [name, callSpecs[name].input])) as { [K in CallName]: Specs[K]['input'] }

export const eventNames = ['profiles/changed', 'setup/progress', 'objects/progress', 'transfers/changed', 'transfers/needBytes', 'index/status', 'search/results', 'objects/changed', 'sync/progress', 'urlDoctor/progress'] as const satisfies readonly EventName[]

// Fails to compile when an event is typed but not listed.
type MissingEvent = Exclude<EventName, (typeof eventNames)[number]>
const everyEventListed: MissingEvent extends never ? true : MissingEvent = true
void everyEventListed

/** The API the renderer sees, in Electron (preload) and in browser mode alike. */
export type CubetaApi = {
  [K in CallName]: (input: CallInput<K>) => Promise<BridgeResult<CallOutput<K>>>
} & {
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void
  /**
   * Electron only: an id for each dropped or picked file that is on disk, null for one
   * that isn't (an image dragged from a web page), in the same order. The preload reads
   * the paths (webUtils.getPathForFile) and hands them to the main process itself, on
   * `registerDiskFilesChannel`, so the page only ever sees ids.
   */
  diskFileIds?(files: File[]): Promise<BridgeResult<(string | null)[]>>
}

/**
 * The one IPC channel that is not a call: the preload's, for `diskFileIds`. The page
 * can't reach it (it sees only `window.cubeta`), so a script in the page can't turn a
 * path it made up into an id.
 */
export const registerDiskFilesChannel = 'cubeta-preload:diskFiles/register'

/** The channel name an IPC call or event travels on. */
export const channelFor = (name: CallName | EventName): string => `cubeta:${name}`
