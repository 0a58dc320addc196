/**
 * The bridge's attack surface, written out by hand
 *
 * The IPC and preload tests compare what is registered and exposed against these lists.
 * Adding a call or event to the contract makes them fail until it is added here too, so
 * every new channel into the main process is a deliberate, reviewed change.
 */
export const expectedCalls = [
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
]

export const expectedEvents = ['profiles/changed', 'setup/progress', 'objects/progress', 'transfers/changed', 'transfers/needBytes']
