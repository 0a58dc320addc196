import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { SecretStorageKind } from '../../../src-main/contract/bridge'
import { useKeychainAvailable } from './keychainStore'

interface Props {
  value: SecretStorageKind
  onChange: (value: SecretStorageKind) => void
}

/**
 * Keychain or this session only. Without a keychain the first option stays visible but
 * disabled, so that the user learns it exists and why it is off.
 */
export function SecretStorageChoice({ value, onChange }: Props) {
  const { t } = useTranslation()
  const keychainAvailable = useKeychainAvailable()
  const name = useId()
  const options = [
    { kind: 'keychain', label: t('secretStorage.keychain'), help: t('secretStorage.keychainHelp'), disabled: !keychainAvailable },
    { kind: 'session', label: t('secretStorage.session'), help: t('secretStorage.sessionHelp'), disabled: false },
  ] as const
  return (
    <fieldset className="choice-group">
      <legend className="field__label">{t('secretStorage.legend')}</legend>
      {options.map((option) => {
        const id = `${name}-${option.kind}`
        return (
          <div key={option.kind} className={`choice ${option.disabled ? 'choice--disabled' : ''}`}>
            <input
              id={id}
              type="radio"
              name={name}
              value={option.kind}
              checked={value === option.kind}
              disabled={option.disabled}
              aria-describedby={`${id}-help`}
              onChange={() => onChange(option.kind)}
            />
            <div className="choice__text">
              <label htmlFor={id} className="choice__label">
                {option.label}
              </label>
              <p id={`${id}-help`} className="choice__help">
                {option.disabled ? t('secretStorage.keychainUnavailable') : option.help}
              </p>
            </div>
          </div>
        )
      })}
    </fieldset>
  )
}

/**
 * The storage a form uses: the user's pick while the keychain works, the keychain by
 * default, and the session whenever the keychain is out of reach (even if picked before).
 */
export const effectiveSecretStorage = (picked: SecretStorageKind | null, keychainAvailable: boolean): SecretStorageKind =>
  keychainAvailable ? (picked ?? 'keychain') : 'session'
