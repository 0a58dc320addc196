/**
 * The bridge's attack surface, written out by hand
 *
 * The IPC, preload and checklist unit tests and the `_electron` spec all compare what is
 * registered and exposed against these lists, so they can't disagree with each other.
 * Adding a call or event to the contract makes them fail until it is added here too, so
 * every new channel into the main process is a deliberate, reviewed change.
 */
export const expectedCalls = [
  'app/info',
  'keychain/status',
  'clipboard/writeText',
  'profiles/list',
  'profiles/add',
  'profiles/update',
  'profiles/delete',
  'profiles/removeOrphanedSecrets',
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
  'transfers/pageBytes',
  'transfers/resolveConflict',
  'transfers/cancel',
  'transfers/retryFailed',
  'transfers/resume',
  'transfers/clearFinished',
  'transfers/list',
  'transfers/window',
  'index/status',
  'index/refresh',
  'index/cancel',
  'search/start',
  'search/cancel',
  'sync/pairs',
  'sync/savePair',
  'sync/deletePair',
  'sync/chooseFolder',
  'sync/preview',
  'sync/run',
  'sync/cancel',
  'sync/zipLink',
  'urlDoctor/run',
  'urlDoctor/applyFix',
  'buckets/create',
  'buckets/measure',
  'buckets/delete',
  'operations/cancel',
  'versions/status',
  'versions/listPage',
  'versions/restore',
  'versions/undelete',
  'versions/deletePermanently',
  'versions/presign',
  'versions/download',
  'bucketSettings/read',
  'bucketSettings/setVersioning',
  'bucketSettings/setCors',
  'bucketSettings/setPublicAccessBlock',
  'bucketSettings/setPolicy',
  'bucketSettings/setOwnership',
  'bucketSettings/setEncryption',
  'bucketSettings/setWebsite',
  'bucketSettings/setLifecycle',
  'uploads/listIncomplete',
  'uploads/abort',
  'uploads/addAbortRule',
  'objects/tags',
  'objects/setTags',
  'objects/applyTag',
  'objects/setStorageClass',
  'objects/restore',
]

export const expectedEvents = ['profiles/changed', 'setup/progress', 'objects/progress', 'transfers/changed', 'transfers/needBytes', 'index/status', 'search/results', 'sync/progress', 'objects/changed', 'urlDoctor/progress']

/** What the preload adds to the calls: event subscription, and ids for files on disk. */
export const expectedPreloadExtras = ['on', 'diskFileIds']

/** Every key of `window.cubeta` in Electron, sorted. */
export const expectedBridgeKeys = [...expectedCalls, ...expectedPreloadExtras].sort()

/** Every channel main listens on: one per call, and the preload's own for dropped files' paths. */
export const expectedIpcChannels = [...expectedCalls.map((name) => `cubeta:${name}`), 'cubeta-preload:diskFiles/register']

