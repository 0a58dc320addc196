import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AwsFileProfile, BridgeError, ImportResult, SecretStorageKind } from '../../../src-main/contract/bridge'
import { bridge, unwrap } from '../../bridge/bridgeClient'
import { asBridgeError } from '../../errors/asBridgeError'
import { shellLanding } from '../../app/shellFocus'
import { Dialog } from '../../ui/Dialog'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { useKeychainAvailable } from '../keychain/keychainStore'
import { effectiveSecretStorage, SecretStorageChoice } from '../keychain/SecretStorageChoice'
import { AwsFileProfileRow, isImportable } from './AwsFileProfileRow'
import { useProfilesStore } from './profilesStore'
import { DialogForm } from '../../ui/DialogForm'

type Scan = { status: 'scanning' } | { status: 'ready'; found: AwsFileProfile[] } | { status: 'error'; error: BridgeError }

/**
 * Import from the AWS CLI's files, only when asked. Profiles that cannot be imported
 * stay listed, disabled, with the reason, so that nothing silently goes missing.
 */
export function ImportAwsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation()
  const importFromAwsFiles = useProfilesStore((s) => s.importFromAwsFiles)
  const keychainAvailable = useKeychainAvailable()
  const [pickedStorage, setPickedStorage] = useState<SecretStorageKind | null>(null)
  const secretStorage = effectiveSecretStorage(pickedStorage, keychainAvailable)
  const [scan, setScan] = useState<Scan>({ status: 'scanning' })
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set())
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<BridgeError | null>(null)
  const [result, setResult] = useState<ImportResult | null>(null)

  useEffect(() => {
    let current = true
    bridge['profiles/scanAwsFiles']({})
      .then(unwrap)
      .then((found) => {
        if (!current) return
        setScan({ status: 'ready', found })
        // The usual case is one or two profiles, all wanted: start with every importable one ticked.
        setSelected(new Set(found.filter(isImportable).map((p) => p.name)))
      })
      .catch((caught: unknown) => current && setScan({ status: 'error', error: asBridgeError(caught) }))
    return () => {
      current = false
    }
  }, [])

  const toggle = (name: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current)
      if (on) next.add(name)
      else next.delete(name)
      return next
    })

  const submit = async () => {
    setBusy(true)
    setError(null)
    try {
      const outcome = await importFromAwsFiles([...selected], secretStorage)
      if (outcome.failed.length === 0) return onClose()
      setResult(outcome)
    } catch (caught) {
      setError(asBridgeError(caught))
    }
    setBusy(false)
  }

  return (
    <Dialog title={t('importAws.title')} onClose={onClose} focusFallback={shellLanding}>
      <DialogForm busy={busy} ready={selected.size > 0 && !result} onSubmit={() => void submit()}>
        <div className="form__body">
          {result ? (
            <ImportOutcome result={result} />
          ) : (
            <>
              <p className="dialog__text">{t('importAws.intro')}</p>
              {scan.status === 'scanning' && (
                <p role="status" className="quiet">
                  {t('importAws.scanning')}
                </p>
              )}
              {scan.status === 'error' && <ErrorAlert error={scan.error} />}
              {scan.status === 'ready' && scan.found.length === 0 && <p className="quiet">{t('importAws.none')}</p>}
              {scan.status === 'ready' && scan.found.length > 0 && (
                <fieldset className="import-list">
                  <legend className="field__label">{t('importAws.profilesLabel')}</legend>
                  <ul>
                    {scan.found.map((profile) => (
                      <AwsFileProfileRow
                        key={profile.name}
                        profile={profile}
                        checked={selected.has(profile.name)}
                        onToggle={(on) => toggle(profile.name, on)}
                      />
                    ))}
                  </ul>
                </fieldset>
              )}
              {scan.status === 'ready' && scan.found.some(isImportable) && (
                <SecretStorageChoice value={secretStorage} onChange={setPickedStorage} />
              )}
            </>
          )}
        </div>
        {error && <ErrorAlert error={error} />}
        <div className="form__actions">
          <p role="status" className="form__status">
            {busy ? t('importAws.importing') : ''}
          </p>
          {result ? (
            <button type="button" className="button button--primary" onClick={onClose}>
              {t('common.done')}
            </button>
          ) : (
            <>
              <button type="button" className="button" onClick={onClose}>
                {t('common.cancel')}
              </button>
              <button type="submit" className="button button--primary" disabled={selected.size === 0} aria-disabled={busy || undefined}>
                {t('importAws.submit')}
              </button>
            </>
          )}
        </div>
      </DialogForm>
    </Dialog>
  )
}

/** Shown only when some profiles failed: what came in, and why the rest did not. */
function ImportOutcome({ result }: { result: ImportResult }) {
  const { t } = useTranslation()
  return (
    <div className="import-outcome">
      {result.imported.length > 0 && <p>{t('importAws.imported', { count: result.imported.length })}</p>}
      <p className="field__label">{t('importAws.failedTitle')}</p>
      <ul className="import-outcome__failures">
        {result.failed.map((failure) => (
          <li key={failure.name}>
            <p className="import-outcome__name">{failure.name}</p>
            <ErrorAlert error={failure.error} />
          </li>
        ))}
      </ul>
    </div>
  )
}
