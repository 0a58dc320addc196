import { useEffect, useId, useRef, useState } from 'react'
import type { ExistingAccessKey } from '../../../src-main/contract/bridge'
import { formatCreated } from '../buckets/formatCreated'
import { compactMask } from '../profiles/displayKey'
import { useSetupTranslation } from './useSetupTranslation'
import { useFormatLocale } from '../../i18n/formatLocale'

interface Props {
  keys: ExistingAccessKey[]
  busy: boolean
  onConfirm: (ref: string) => void
}

/** IAM allows 2 keys per user: the run paused, and only the user may say which one goes. */
export function KeyChoice({ keys, busy, onConfirm }: Props) {
  const { t } = useSetupTranslation()
  const locale = useFormatLocale()
  const [chosen, setChosen] = useState<string | null>(null)
  const name = useId()
  const ref = useRef<HTMLDivElement>(null)
  // The question appears below the step list, maybe below the fold: bring it into view.
  useEffect(() => {
    ref.current?.scrollIntoView?.({ block: 'nearest' })
  }, [])
  return (
    <div ref={ref} className="setup-panel">
      <fieldset className="choice-group">
        <legend className="field__label">{t('run.keyChoiceLegend')}</legend>
        {keys.map((key) => {
          const id = `${name}-${key.ref}`
          const facts = t('run.keyFacts', {
            key: compactMask(key.keyIdMasked),
            date: formatCreated(key.createdAt, locale) ?? t('run.keyDateUnknown'),
            state: key.active ? t('run.keyActive') : t('run.keyInactive'),
          })
          return (
            <div key={key.ref} className="choice setup-key">
              <input id={id} type="radio" name={name} checked={chosen === key.ref} aria-describedby={`${id}-facts`} onChange={() => setChosen(key.ref)} />
              <div className="choice__text">
                <label htmlFor={id} className="choice__label">
                  {t('run.deleteThisKey')}
                </label>
                <p id={`${id}-facts`} className="choice__help mono">
                  {facts}
                </p>
              </div>
            </div>
          )
        })}
      </fieldset>
      <p className="setup-note">{t('run.keyWarning')}</p>
      <div>
        <button type="button" className="button button--danger" disabled={chosen === null || busy} onClick={() => chosen && onConfirm(chosen)}>
          {t('run.deleteAndContinue')}
        </button>
      </div>
    </div>
  )
}
