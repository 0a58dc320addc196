import type { PendingSetup } from '../../../src-main/contract/bridge'
import { CreatedList } from './CreatedList'
import { useSetupTranslation } from './useSetupTranslation'
import { dateFormat } from '../../i18n/formatters'
import { useFormatLocale } from '../../i18n/formatLocale'

/**
 * A setup that a previous run of Cubeta left half-done: what it made, and what to do.
 * Shown on the admin page, where the keys to continue or roll back are asked for.
 */
export function PendingSetupNotice({ pending }: { pending: PendingSetup }) {
  const { t } = useSetupTranslation()
  const date = dateFormat(useFormatLocale(), { dateStyle: 'long', timeStyle: 'short' }).format(new Date(pending.updatedAt))
  return (
    <section className="notice setup-pending" aria-label={t('pending.title')}>
      <div className="notice__text">
        <p className="notice__message">{t('pending.title')}</p>
        <p>{t('pending.body', { date, bucket: pending.bucket, region: pending.region, user: pending.userName })}</p>
        <CreatedList resources={pending.created} />
        <p className="notice__hint">{t('pending.next', { account: pending.accountId })}</p>
      </div>
    </section>
  )
}
