import { BucketIcon } from '../../ui/icons'
import { breadcrumbsFor } from './breadcrumbs'
import { useBrowserTranslation } from './browserI18n'
import { ChevronRightIcon } from './browserIcons'
import { useBrowserStore } from './browserStore'

/** bucket › folder › folder: every crumb but the last opens its folder. */
export function Breadcrumbs({ bucket }: { bucket: string }) {
  const { t } = useBrowserTranslation()
  const prefix = useBrowserStore((s) => s.location?.prefix ?? '')
  const navigate = useBrowserStore((s) => s.navigate)
  const crumbs = breadcrumbsFor(bucket, prefix)
  return (
    <nav aria-label={t('breadcrumbs')} className="breadcrumbs">
      <ol className="breadcrumbs__list">
        {crumbs.map((crumb, index) => {
          const last = index === crumbs.length - 1
          const text = crumb.label || '∅'
          return (
            <li key={crumb.prefix} className="breadcrumbs__item">
              {index > 0 ? <ChevronRightIcon /> : <BucketIcon />}
              {last ? (
                <span className="breadcrumbs__current" aria-current="page" title={crumb.prefix || bucket}>
                  {text}
                </span>
              ) : (
                <button type="button" className="breadcrumbs__link" title={crumb.prefix || bucket} onClick={() => navigate(crumb.prefix)}>
                  {text}
                </button>
              )}
            </li>
          )
        })}
      </ol>
    </nav>
  )
}
