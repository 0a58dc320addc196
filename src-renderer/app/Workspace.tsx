import { BucketsPane } from '../features/buckets/BucketsPane'
import { KeychainBanner } from '../features/keychain/KeychainBanner'
import { ProfileHeader } from '../features/profiles/ProfileHeader'
import { useActiveProfile } from '../features/profiles/profilesStore'
import { Sidebar } from './Sidebar'
import { useAppViewStore } from './appViewStore'
import { FolderView } from '../features/folderView/FolderView'
import { TransferPanel } from '../features/transfers/TransferPanel'

/** The everyday layout: profiles and buckets on the left; the buckets, or one bucket's folders, on the right. */
export function Workspace() {
  const profile = useActiveProfile()
  const opened = useAppViewStore((s) => s.opened)
  const browsing = profile && opened?.profileId === profile.id ? opened.bucket : null
  return (
    <div className="workspace">
      <Sidebar />
      <main className="main-pane">
        <KeychainBanner dismissible />
        {profile && <ProfileHeader profile={profile} />}
        <section className="pane-body">
          {profile && browsing ? <FolderView profileId={profile.id} bucket={browsing} publicBaseUrl={profile.publicBaseUrl} /> : profile && <BucketsPane />}
        </section>
        <TransferPanel />
      </main>
    </div>
  )
}
