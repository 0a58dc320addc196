import type { ProfileView } from '../../src-main/contract/bridge'
import { BrowserPane } from '../features/browser/BrowserPane'
import { BucketToolbarButtons } from '../features/bucketSettings/BucketToolbarButtons'
import { SearchBar } from '../features/search/SearchBar'
import { SyncButtons } from '../features/sync/SyncButtons'
import { UploadControls } from '../features/transfers/UploadControls'
import { UploadDropTarget } from '../features/transfers/UploadDropTarget'
import { useVersionedDelete } from '../features/versions/useVersionedDelete'
import { VersionsOrFiles, VersionsSwitch } from '../features/versions/VersionsSwitch'

/**
 * The file browser with what other features add to it: uploads (drop target, buttons),
 * versions (the switch, the versions view, Undo after a delete), folder sync and the
 * folder .zip, search over the bucket
 * index in the header, and the way to the bucket's settings. Loaded when a bucket is first opened.
 */
export function BucketBrowser({ profile, bucket, onCloseBucket }: { profile: ProfileView; bucket: string; onCloseBucket: () => void }) {
  const deleteHooks = useVersionedDelete(profile.id, bucket)
  return (
    <BrowserPane
      profile={profile}
      bucket={bucket}
      onCloseBucket={onCloseBucket}
      wrapFolderView={(folderView, where) => (
        <VersionsOrFiles where={where}>
          <UploadDropTarget {...where}>{folderView}</UploadDropTarget>
        </VersionsOrFiles>
      )}
      toolbarExtras={(where, compact) => (
        <>
          <UploadControls {...where} compact={compact} />
          <SyncButtons {...where} compact={compact} />
          <VersionsSwitch {...where} />
          <BucketToolbarButtons {...where} compact={compact} />
        </>
      )}
      headerExtras={(where) => <SearchBar profileId={where.profileId} bucket={where.bucket} />}
      deleteHooks={deleteHooks}
    />
  )
}
