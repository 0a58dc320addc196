import { lazy, Suspense, useEffect } from 'react'
import { useBrowserStore } from '../features/browser/browserStore'
import { BucketsPane } from '../features/buckets/BucketsPane'
import { KeychainBanner } from '../features/keychain/KeychainBanner'
import { ProfileHeader } from '../features/profiles/ProfileHeader'
import { useActiveProfile } from '../features/profiles/profilesStore'
import { TransferPanel } from '../features/transfers/TransferPanel'
import { useTransfersStore } from '../features/transfers/transfersStore'
import { Sidebar } from './Sidebar'
import { useAppViewStore } from './appViewStore'

// The file browser (grid, dialogs, menus, versions) loads when a bucket is first opened.
const BucketBrowser = lazy(() => import('./BucketBrowser').then((m) => ({ default: m.BucketBrowser })))
// A bucket's settings panel, likewise, when first opened.
const BucketSettingsPane = lazy(() => import('../features/bucketSettings/BucketSettingsPane').then((m) => ({ default: m.BucketSettingsPane })))

/**
 * The everyday layout: profiles and buckets on the left; on the right, the active
 * profile's buckets, or the file browser for the bucket the user opened; the transfer
 * queue at the bottom.
 */
export function Workspace() {
  const profile = useActiveProfile()
  const opened = useAppViewStore((s) => s.opened)
  const closeBucket = useAppViewStore((s) => s.closeBucket)
  const openBucket = useAppViewStore((s) => s.openBucket)
  const browsing = profile && opened?.profileId === profile.id ? opened.bucket : null
  const settings = opened?.panel === 'settings'
  useUploadsShowInBrowser()
  return (
    <div className="workspace">
      <Sidebar />
      <main className="main-pane">
        <KeychainBanner dismissible />
        {profile && browsing && settings ? (
          <Suspense fallback={<div className="pane-body" role="status" aria-busy="true" />}>
            <BucketSettingsPane
              key={`${profile.id}/${browsing}/settings`}
              profile={profile}
              bucket={browsing}
              onCloseBucket={closeBucket}
              onShowFiles={() => openBucket({ profileId: profile.id, bucket: browsing })}
            />
          </Suspense>
        ) : profile && browsing ? (
          <Suspense fallback={<div className="pane-body" role="status" aria-busy="true" />}>
            <BucketBrowser key={`${profile.id}/${browsing}`} profile={profile} bucket={browsing} onCloseBucket={closeBucket} />
          </Suspense>
        ) : (
          <>
            {profile && <ProfileHeader profile={profile} />}
            <section className="pane-body">{profile && <BucketsPane />}</section>
          </>
        )}
        <TransferPanel />
      </main>
    </div>
  )
}

/** When an upload batch lands in the open folder, the folder reloads with the new files selected. */
function useUploadsShowInBrowser() {
  useEffect(
    () =>
      useTransfersStore.getState().onBatchFinished((batch) => {
        const browser = useBrowserStore.getState()
        const here = browser.location
        if (!here || batch.bucket !== here.bucket || !batch.keys.some((key) => key.startsWith(here.prefix))) return
        void browser.refresh()
        browser.select(batch.keys)
      }),
    [],
  )
}
