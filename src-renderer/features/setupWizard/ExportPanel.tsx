import { useState } from 'react'
import type { BridgeError, SetupFinish } from '../../../src-main/contract/bridge'
import { asBridgeError } from '../../errors/asBridgeError'
import { ChoiceOption } from './ChoiceOption'
import { CopyButton } from './CopyButton'
import { settingsSnippet, templateExample, uploadUrlShape, type DjangoForm, type SnippetWords } from './djangoHandover'
import { ExportBlock } from './ExportBlock'
import { PageFrame } from './PageFrame'
import { SetupErrorAlert } from './SetupErrorAlert'
import { useSetupWizardStore } from './setupWizardStore'
import { useSetupTranslation } from './useSetupTranslation'

/**
 * The end: what to paste into the Django project. The real .env (with the secret) is
 * fetched only on an explicit reveal or copy, and lives in this component's state
 * alone, so it is gone as soon as the panel closes. The settings and the template are
 * written here, in the UI's language, for the Django version the user picks. The test
 * image's URL is handed out only while the image is there; otherwise the panel shows an
 * upload's URL shape and says it is one.
 */
export function ExportPanel({ finish, onOpenBucket }: { finish: SetupFinish; onOpenBucket: () => void }) {
  const { t } = useSetupTranslation()
  const revealEnv = useSetupWizardStore((s) => s.revealEnv)
  const [revealed, setRevealed] = useState<string | null>(null)
  const [shown, setShown] = useState(false)
  const [error, setError] = useState<BridgeError | null>(null)
  const [form, setForm] = useState<DjangoForm>('storages')
  const words = t('export.snippet', { returnObjects: true }) as unknown as SnippetWords
  const settings = settingsSnippet(form, words)
  const template = templateExample(finish.testImageKept ? finish.publicUrl : null, words)

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
      {finish.testImageKept ? (
        <ExportBlock
          title={t('export.urlTitle')}
          help={t('export.urlKept')}
          code={finish.publicUrl}
          actions={<CopyButton label={t('export.copyUrl')} text={() => finish.publicUrl} />}
        />
      ) : (
        <ExportBlock title={t('export.shapeTitle')} help={t('export.shapeHelp', { file: words.exampleFile })} code={uploadUrlShape(finish.mediaBaseUrl, words)} />
      )}
      <fieldset className="choice-group">
        <legend className="field__label">{t('export.versionLegend')}</legend>
        <ChoiceOption
          type="radio"
          name="setup-django-version"
          label={t('export.versionStorages')}
          help={t('export.versionStoragesHelp')}
          checked={form === 'storages'}
          onChange={() => setForm('storages')}
        />
        <ChoiceOption
          type="radio"
          name="setup-django-version"
          label={t('export.versionLegacy')}
          help={t('export.versionLegacyHelp')}
          checked={form === 'legacy'}
          onChange={() => setForm('legacy')}
        />
      </fieldset>
      <ExportBlock
        title={t('export.settingsTitle')}
        help={form === 'storages' ? t('export.settingsHelpStorages') : t('export.settingsHelpLegacy')}
        code={settings}
        whole
        actions={<CopyButton label={t('export.copySettings')} text={() => settings} />}
      />
      <ExportBlock
        title={t('export.templateTitle')}
        help={t('export.templateHelp')}
        code={template}
        whole
        actions={<CopyButton label={t('export.copyTemplate')} text={() => template} />}
      />
    </PageFrame>
  )
}
