/**
 * The bridge contract
 *
 * Every call and event between the renderer and the main process is listed here, once.
 * The Electron preload, the IPC wiring, the browser-mode HTTP client and the router are
 * all typed from this file, and `callNames`/`eventNames` are the runtime lists that the
 * preload and the server build their surfaces from. This file is the "common" layer: it
 * imports neither `electron` nor `node:*` nor any library, so both sides can import it.
 */

/** What the renderer may know about a profile: never the secret, only a masked key id. */
export interface ProfileView {
  id: string
  name: string
  /** The access key id with everything but its last 4 characters masked. */
  keyIdMasked: string
  region: string
  /** Custom S3-compatible endpoint (MinIO, R2, Wasabi...), or null for AWS. */
  endpoint: string | null
  forcePathStyle: boolean
  /** Where the secret lives: the OS keychain, or this session's memory only. */
  secretStorage: SecretStorageKind
  hasSecret: boolean
  /** A CDN or custom domain in front of the bucket (CloudFront...), for "Copy URL". */
  publicBaseUrl: string | null
}

export type SecretStorageKind = 'keychain' | 'session'

export interface KeychainStatus {
  available: boolean
  /** Which backend answered, e.g. "Secret Service", "macOS Keychain". */
  backend: string
  /** When unavailable: why, in plain words, and what to do about it. */
  problem: BridgeError | null
}

export interface ProfileDraft {
  name: string
  accessKeyId: string
  secretAccessKey: string
  region: string
  endpoint: string | null
  forcePathStyle: boolean
  secretStorage: SecretStorageKind
}

export interface ProfileEdit {
  id: string
  name?: string
  region?: string
  endpoint?: string | null
  forcePathStyle?: boolean
  /** Replacing keys: both are given together and checked before they are saved. */
  accessKeyId?: string
  secretAccessKey?: string
  publicBaseUrl?: string | null
}

/** A profile found in ~/.aws/credentials and ~/.aws/config, before import. */
export interface AwsFileProfile {
  name: string
  keyIdMasked: string
  region: string | null
  endpoint: string | null
  /** Already imported under this name? */
  alreadyImported: boolean
  /** Why it cannot be imported (e.g. SSO or role profiles carry no static key). */
  unsupported: string | null
}

export interface ImportResult {
  imported: ProfileView[]
  failed: { name: string; error: BridgeError }[]
}

export interface BucketSummary {
  name: string
  /** Null when the store did not say and could not be asked. */
  region: string | null
  /** ISO 8601. */
  createdAt: string | null
}

export interface AppInfo {
  version: string
  /** 'electron' or 'browser': the renderer adapts a few affordances to it. */
  shell: 'electron' | 'browser'
  /** The OS language, for the first choice of UI language. */
  osLocale: string
  platform: string
  /**
   * Set when profiles.json was damaged at start: Cubeta went back to the last good copy
   * (or to none) and kept the damaged file here. Keychain secrets are never touched.
   */
  profilesRecovered: { damagedCopy: string | null; restoredFromBackup: boolean } | null
}

/** Errors cross the bridge as data, in words a user can act on. */
export interface BridgeError {
  /** Stable, machine-readable; the renderer translates by it. */
  code: string
  /** English fallback sentence. */
  message: string
  /** What to do about it. */
  hint: string
  /** Values the translated message may interpolate. */
  params?: Record<string, string | number>
}

export type BridgeResult<T> = { ok: true; value: T } | { ok: false; error: BridgeError }

// ---- Guided setup (the wizard) ----

export type SetupStepId = 'user' | 'userPolicy' | 'accessKey' | 'bucket' | 'publicRead' | 'propagation' | 'verify'
export type SetupStepStatus = 'pending' | 'running' | 'waiting' | 'done' | 'failed'

export interface SetupStep {
  id: SetupStepId
  status: SetupStepStatus
  /** What happened or is happening, in words: "Created user ana-web", "Waiting for AWS… 6 s". */
  detail: string | null
  error: BridgeError | null
}

/** Everything a run created, so a rollback can undo exactly that and nothing else. */
export type CreatedResource =
  | { kind: 'user'; name: string }
  | { kind: 'inline-policy'; user: string; policyName: string }
  | { kind: 'managed-policy'; user: string; policyArn: string }
  | { kind: 'access-key'; user: string; keyIdMasked: string }
  | { kind: 'bucket'; name: string; region: string }
  | { kind: 'public-access-block'; bucket: string }
  | { kind: 'bucket-policy'; bucket: string }
  | { kind: 'cors'; bucket: string }
  | { kind: 'test-object'; bucket: string; key: string }

export type UserPolicyChoice = 'least-privilege' | 's3-full-access'

export interface SetupPlan {
  userName: string
  userMode: 'new' | 'existing'
  policy: UserPolicyChoice
  bucket: string
  region: string
  cors: boolean
  keepTestObject: boolean
  /** The user's answer when the IAM user already has 2 access keys: which one to delete. */
  deleteAccessKeyRef: string | null
}

export interface ExistingAccessKey {
  /** Opaque reference to send back; the id itself stays masked. */
  ref: string
  keyIdMasked: string
  createdAt: string | null
  active: boolean
}

export interface SetupState {
  sessionId: string
  status: 'ready' | 'running' | 'needs-key-choice' | 'failed' | 'verified' | 'finished' | 'rolled-back'
  steps: SetupStep[]
  created: CreatedResource[]
  existingKeys: ExistingAccessKey[] | null
  /** The bucket policy as written (merged with any that was there). */
  bucketPolicyJson: string | null
  verified: { publicUrl: string; contentType: string; previewDataUrl: string; bytes: number } | null
  /** Other names to offer when the bucket name is taken by another account. */
  bucketSuggestions: string[]
  /** What a rollback removed, and what it kept with the reason. */
  rollback: { removed: string[]; kept: string[] } | null
}

/** What a half-done setup created, to show before the admin keys are asked for again. */
export interface PendingSetup {
  accountId: string
  userName: string
  bucket: string
  region: string
  created: CreatedResource[]
  updatedAt: string
}

export interface SetupStart {
  sessionId: string
  accountId: string
  adminArn: string
  /** Permissions the admin keys lack; setup can't succeed until they are granted. */
  missingPermissions: string[]
  /** How the dry check was done: IAM's simulator, Cubeta reading the policies, root (nothing to check), or not possible. */
  permissionCheck: 'simulated' | 'evaluated' | 'root' | 'unavailable'
  /** A half-done setup of this same account is waiting: adopt it (setup/adoptPending). */
  pendingInAccount: boolean
}

export interface SetupFinish {
  profile: ProfileView
  bucket: string
  region: string
  publicUrl: string
  /** Whether the test image behind publicUrl is still in the bucket. */
  testImageKept: boolean
  /** .env lines with the secret masked: the real one only on an explicit reveal. */
  envMasked: string
  storagesSnippet: string
  templateExample: string
}

export type SetupAdmin =
  | { source: 'keys'; accessKeyId: string; secretAccessKey: string; saveAsProfile: string | null }
  | { source: 'profile'; profileId: string }

// ---- The file browser ----

/** One row of a folder listing: a "folder" is a common prefix, never a HEAD per object. */
export interface ObjectEntry {
  /** The full key; folders end with "/". */
  key: string
  /** The last path segment, without the trailing "/" of a folder. */
  name: string
  kind: 'folder' | 'object'
  size: number | null
  /** ISO 8601. */
  lastModified: string | null
  storageClass: string | null
}

export interface ListingPage {
  entries: ObjectEntry[]
  /** Opaque; null on the last page. */
  nextToken: string | null
}

export interface ObjectProperties {
  key: string
  size: number
  etag: string | null
  contentType: string | null
  cacheControl: string | null
  lastModified: string | null
  storageClass: string | null
  metadata: Record<string, string>
}

export type UrlForm = 'public' | 'path-style' | 'custom-base' | 'presigned' | 'html' | 'markdown'

export interface ObjectRef {
  profileId: string
  bucket: string
  key: string
}

export interface OperationProgress {
  operationId: string
  kind: 'delete' | 'rename'
  done: number
  /** Null while still counting. */
  total: number | null
  finished: boolean
}

// ---- Transfers ----

export type TransferStatus =
  | 'queued'
  | 'checking'
  | 'waiting-conflict'
  | 'running'
  /** The server can't be reached; the file retries by itself. */
  | 'waiting-network'
  /** Cubeta stopped in the middle of this multipart upload: resume or discard it. */
  | 'interrupted'
  | 'done'
  | 'failed'
  | 'cancelled'
  | 'skipped'

export interface TransferView {
  id: string
  batchId: string
  direction: 'upload'
  bucket: string
  /** The object key it goes to (after a "keep both" rename). */
  key: string
  /** The path the user dropped, relative to the drop: "fotos/2024/gato.png". */
  name: string
  size: number
  transferred: number
  status: TransferStatus
  /** Bytes per second, smoothed; null when not running. */
  speed: number | null
  etaSeconds: number | null
  error: BridgeError | null
  /**
   * For an interrupted upload: `disk` resumes from the same file by itself; `page`
   * (browser mode) needs the user to choose the file again.
   */
  resume: 'disk' | 'page' | null
}

export interface TransferTotals {
  count: number
  active: number
  done: number
  failed: number
  interrupted: number
  bytes: number
  transferred: number
  /** 0..1 across unfinished work, or null when idle: drives the taskbar/dock progress. */
  progress: number | null
}

export interface ConflictQuestion {
  batchId: string
  transferId: string
  key: string
  existingSize: number | null
  existingModified: string | null
  /** How many more in this batch are still unasked, for "apply to all". */
  remaining: number
}

export type ConflictChoice = 'overwrite' | 'skip' | 'keep-both'

export interface TransfersSnapshot {
  transfers: TransferView[]
  totals: TransferTotals
  conflict: ConflictQuestion | null
  /** Batches that just finished, with the keys they wrote, so the browser can refresh and select them. */
  finishedBatches: { batchId: string; bucket: string; prefix: string; keys: string[] }[]
}

/** A file the page will stream in browser mode, declared before its bytes. */
export interface DeclaredFile {
  relativePath: string
  size: number
}

/** Every call: its input and its output. */
export interface Calls {
  'app/info': { input: Record<string, never>; output: AppInfo }
  'keychain/status': { input: Record<string, never>; output: KeychainStatus }
  'profiles/list': { input: Record<string, never>; output: ProfileView[] }
  'profiles/add': { input: ProfileDraft; output: ProfileView }
  'profiles/update': { input: ProfileEdit; output: ProfileView }
  'profiles/delete': { input: { id: string }; output: { id: string } }
  'profiles/scanAwsFiles': { input: Record<string, never>; output: AwsFileProfile[] }
  'profiles/importAwsFiles': { input: { names: string[]; secretStorage: SecretStorageKind }; output: ImportResult }
  'buckets/list': { input: { profileId: string }; output: BucketSummary[] }
  'setup/start': { input: { admin: SetupAdmin }; output: SetupStart }
  'setup/run': { input: { sessionId: string; plan: SetupPlan }; output: SetupState }
  'setup/rollback': { input: { sessionId: string }; output: SetupState }
  'setup/finish': { input: { sessionId: string; profileName: string }; output: SetupFinish }
  /** The one deliberate exception to "no secret reaches the window": an explicit reveal or copy. */
  'setup/revealEnv': { input: { sessionId: string }; output: { env: string } }
  'setup/close': { input: { sessionId: string }; output: { closed: boolean } }
  /** A setup a previous run of Cubeta left half-done, if any (from the journal on disk). */
  'setup/pending': { input: Record<string, never>; output: { pending: PendingSetup | null } }
  /** Takes over the half-done setup in a session whose admin keys were just checked. */
  'setup/adoptPending': { input: { sessionId: string }; output: { state: SetupState; plan: SetupPlan } }
  /** Electron only: the main process writes the clipboard (the window has no permission to). */
  'clipboard/writeText': { input: { text: string }; output: { written: true } }
  /** One page of a folder (delimiter "/"); the window pulls pages so first rows show at once. */
  'objects/listPage': { input: { profileId: string; bucket: string; prefix: string; token: string | null }; output: ListingPage }
  /** A zero-byte "prefix/name/" object. */
  'objects/createFolder': { input: { profileId: string; bucket: string; prefix: string; name: string }; output: { key: string } }
  /** Keys ending in "/" delete the whole folder, in batches of 1,000, with progress events. */
  'objects/delete': { input: { profileId: string; bucket: string; keys: string[]; operationId: string }; output: { deleted: number; failed: { key: string; error: BridgeError }[] } }
  /** Copy, then delete; folders recursively. Refuses to overwrite an existing target. */
  'objects/rename': { input: { profileId: string; bucket: string; from: string; to: string; operationId: string }; output: { key: string; moved: number } }
  'objects/properties': { input: ObjectRef; output: ObjectProperties }
  /** Copy in place with new headers; other metadata is kept. */
  'objects/setHeaders': { input: ObjectRef & { contentType: string; cacheControl: string | null }; output: ObjectProperties }
  /** A data: URL of an image (at most 10 MB), for the preview panel under a strict CSP. */
  'objects/preview': { input: ObjectRef; output: { dataUrl: string | null; reason: string | null } }
  /** An anonymous ranged GET of the public URL: what a visitor's browser would get. */
  'objects/checkPublic': { input: ObjectRef; output: { isPublic: boolean; status: number; url: string } }
  /** The text to copy for some keys, one line each. Presigned URLs need the secret, so this runs in main. */
  /** Electron: files and folders by path; folders recurse and keep their relative paths. */
  'transfers/uploadPaths': { input: { profileId: string; bucket: string; prefix: string; paths: string[]; cacheControl: string | null }; output: { batchId: string } }
  /** Browser mode: declare the files; the engine then asks for each one's bytes (transfers/needBytes). */
  'transfers/uploadDeclared': { input: { profileId: string; bucket: string; prefix: string; files: DeclaredFile[]; cacheControl: string | null }; output: { batchId: string; transferIds: string[] } }
  'transfers/resolveConflict': { input: { batchId: string; choice: ConflictChoice; applyToAll: boolean }; output: TransfersSnapshot }
  'transfers/cancel': { input: { ids: string[] | null }; output: TransfersSnapshot }
  'transfers/retryFailed': { input: Record<string, never>; output: TransfersSnapshot }
  /** Continue interrupted uploads from the parts already on the server. */
  'transfers/resume': { input: { ids: string[] }; output: TransfersSnapshot }
  'transfers/clearFinished': { input: Record<string, never>; output: TransfersSnapshot }
  'transfers/list': { input: Record<string, never>; output: TransfersSnapshot }
  /** Electron: asks for a folder, then streams the objects there (never over an existing file). */
  'objects/download': { input: { profileId: string; bucket: string; keys: string[] }; output: { folder: string | null; written: string[] } }
  /** Browser mode: a one-time link the browser downloads itself, streamed through the local server. */
  'objects/downloadLink': { input: ObjectRef; output: { url: string } }
  'urls/build': { input: { profileId: string; bucket: string; keys: string[]; form: UrlForm; expiresInSeconds: number | null }; output: { text: string; urls: string[] } }
}

export type CallName = keyof Calls
export type CallInput<K extends CallName> = Calls[K]['input']
export type CallOutput<K extends CallName> = Calls[K]['output']

/** Every event the main process pushes to the renderer. */
export interface Events {
  'profiles/changed': { profiles: ProfileView[] }
  'setup/progress': SetupState
  'objects/progress': OperationProgress
  'transfers/changed': TransfersSnapshot
  /** Browser mode: the engine is ready for this file's bytes; the page PUTs them to /api/upload/<id>. */
  'transfers/needBytes': { transferId: string }
}
export type EventName = keyof Events

/** Runtime lists, checked against the types so that neither can drift. */
export const callNames = [
  'app/info',
  'keychain/status',
  'profiles/list',
  'profiles/add',
  'profiles/update',
  'profiles/delete',
  'profiles/scanAwsFiles',
  'profiles/importAwsFiles',
  'buckets/list',
  'setup/start',
  'setup/run',
  'setup/rollback',
  'setup/finish',
  'setup/revealEnv',
  'setup/close',
  'setup/pending',
  'setup/adoptPending',
  'clipboard/writeText',
  'objects/listPage',
  'objects/createFolder',
  'objects/delete',
  'objects/rename',
  'objects/properties',
  'objects/setHeaders',
  'objects/preview',
  'objects/checkPublic',
  'urls/build',
  'objects/download',
  'objects/downloadLink',
  'transfers/uploadPaths',
  'transfers/uploadDeclared',
  'transfers/resolveConflict',
  'transfers/cancel',
  'transfers/retryFailed',
  'transfers/resume',
  'transfers/clearFinished',
  'transfers/list',
] as const satisfies readonly CallName[]

export const eventNames = ['profiles/changed', 'setup/progress', 'objects/progress', 'transfers/changed', 'transfers/needBytes'] as const satisfies readonly EventName[]

// Fails to compile when a call is typed but not listed.
type Missing = Exclude<CallName, (typeof callNames)[number]>
const everyCallListed: Missing extends never ? true : Missing = true
void everyCallListed

/** The API the renderer sees, in Electron (preload) and in browser mode alike. */
export type CubetaApi = {
  [K in CallName]: (input: CallInput<K>) => Promise<BridgeResult<CallOutput<K>>>
} & {
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void
  /** Electron only: the path of a dropped or picked file (webUtils.getPathForFile). */
  pathForFile?(file: File): string
}

/** The channel name an IPC call or event travels on. */
export const channelFor = (name: CallName | EventName): string => `cubeta:${name}`
