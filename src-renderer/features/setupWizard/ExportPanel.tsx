import { useState } from 'react'
import type { BridgeError, SetupFinish } from '../../../src-main/contract/bridge'
import { asBridgeError } from '../../errors/asBridgeError'
import { CopyButton } from './CopyButton'
import { ExportBlock } from './ExportBlock'
import { PageFrame } from './PageFrame'
import { SetupErrorAlert } from './SetupErrorAlert'
import { useSetupWizardStore } from './setupWizardStore'
import { useSetupTranslation } from './useSetupTranslation'

/**
 * The end: what to paste into the Django project. The real .env (with the secret) is
 * fetched only on an explicit reveal or copy, and lives in this component's state
 * alone, so it is gone as soon as the panel closes.
 */
export function ExportPanel({ finish, onOpenBucket }: { finish: SetupFinish; onOpenBucket: () => void }) {
  const { t } = useSetupTranslation()
  const revealEnv = useSetupWizardStore((s) => s.revealEnv)
  const [revealed, setRevealed] = useState<string | null>(null)
  const [shown, setShown] = useState(false)
  const [error, setError] = useState<BridgeError | null>(null)

  const realEnv = async () => {
    if (revealed !== null) return revealed
    try {
      const env = await revealEnv()
      setRevealed(env)
      setError(null)
      return env
    } catch (caught) {
      setError(asBridgeError(caught))
      throw caught
    }
  }
  const toggle = async () => {
    if (shown) return setShown(false)
    await realEnv().then(() => setShown(true), () => undefined)
  }

  return (
    <PageFrame
      heading={t('export.heading')}
      actions={
        <button type="button" className="button button--primary" onClick={onOpenBucket}>
          {t('export.openBucket')}
        </button>
      }
    >
      <div className="setup-callout">
        <p className="setup-callout__main">{t('export.forgotten', { name: finish.profile.name })}</p>
      </div>
      <ExportBlock
        title={t('export.envTitle')}
        help={t('export.envHelp')}
        code={shown && revealed !== null ? revealed : finish.envMasked}
        actions={
          <>
            <button type="button" className="button" onClick={() => void toggle()}>
              {shown ? t('export.hideSecret') : t('export.revealSecret')}
            </button>
            <CopyButton label={t('export.copyEnv')} text={realEnv} />
          </>
        }
      />
      {error && <SetupErrorAlert error={error} />}
      <ExportBlock
        title={t('export.urlTitle')}
        help={finish.testImageKept ? t('export.urlKept') : t('export.urlDeleted')}
        code={finish.publicUrl}
        actions={<CopyButton label={t('export.copyUrl')} text={() => finish.publicUrl} />}
      />
      <ExportBlock title={t('export.settingsTitle')} code={finish.storagesSnippet} actions={<CopyButton label={t('export.copySettings')} text={() => finish.storagesSnippet} />} />
      <ExportBlock title={t('export.templateTitle')} code={finish.templateExample} actions={<CopyButton label={t('export.copyTemplate')} text={() => finish.templateExample} />} />
    </PageFrame>
  )
}
