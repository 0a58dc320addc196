import { useTransfersTranslation } from './i18n'
import { useTransfersStore } from './transfersStore'

/**
 * "Upload to media-django finished: 4 files uploaded, 1 failed", for screen readers
 * only. A polite status region that is in the page before its words change, since
 * screen readers announce only changes to live regions that already exist. The
 * sequence number is the key, so the same words twice are announced twice.
 */
export function FinishedAnnouncement() {
  const { t } = useTransfersTranslation()
  const last = useTransfersStore((s) => s.lastFinished)
  let words = ''
  if (last) {
    const { bucket, done, failed, notSent } = last.outcome
    const parts = [t('announce.uploaded', { count: done })]
    if (failed > 0) parts.push(t('announce.failed', { count: failed }))
    if (notSent > 0) parts.push(t('announce.notSent', { count: notSent }))
    words = t('announce.finished', { bucket, parts: parts.join(', ') })
  }
  return (
    <p role="status" className="visually-hidden">
      <span key={last?.seq ?? 0}>{words}</span>
    </p>
  )
}
