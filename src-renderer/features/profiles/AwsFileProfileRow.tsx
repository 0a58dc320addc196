import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { AwsFileProfile } from '../../../src-main/contract/bridge'
import { compactMask, unsupportedReasonKey } from './displayKey'

/** The server's English phrase, in the UI language when it is a known one. */
function useTranslatedReason() {
  const { t } = useTranslation()
  return (reason: string) => {
    const key = unsupportedReasonKey(reason)
    return key ? t(`importAws.reasons.${key}`) : reason
  }
}

export const isImportable = (profile: AwsFileProfile): boolean => !profile.unsupported && !profile.alreadyImported

interface Props {
  profile: AwsFileProfile
  checked: boolean
  onToggle: (on: boolean) => void
}

/** One profile from ~/.aws: its name is the checkbox's label; key, region and any reason describe it. */
export function AwsFileProfileRow({ profile, checked, onToggle }: Props) {
  const { t } = useTranslation()
  const translatedReason = useTranslatedReason()
  const id = useId()
  const importable = isImportable(profile)
  const reason = profile.alreadyImported
    ? t('importAws.alreadyImported')
    : profile.unsupported
      ? t('importAws.unsupported', { reason: translatedReason(profile.unsupported) })
      : null
  const where = profile.endpoint ?? profile.region ?? t('importAws.defaultRegion')
  return (
    <li className={`import-row ${importable ? '' : 'import-row--disabled'}`}>
      <input
        id={id}
        type="checkbox"
        checked={importable && checked}
        disabled={!importable}
        aria-describedby={`${id}-details`}
        onChange={(event) => onToggle(event.target.checked)}
      />
      <div className="import-row__text">
        <label htmlFor={id} className="import-row__name">
          {profile.name}
        </label>
        <p id={`${id}-details`} className="import-row__details">
          {profile.keyIdMasked ? <span className="mono">{compactMask(profile.keyIdMasked)}</span> : <span>{t('importAws.noKey')}</span>}
          <span aria-hidden="true"> · </span>
          <span>{where}</span>
          {reason && (
            <>
              <span aria-hidden="true"> · </span>
              <span className="import-row__reason">{reason}</span>
            </>
          )}
        </p>
      </div>
    </li>
  )
}
