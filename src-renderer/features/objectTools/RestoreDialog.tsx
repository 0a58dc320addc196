import { useState } from 'react'
import { maxRestoreDays, restoreTiers, type RestoreTier } from '../../../src-main/contract/rules/objectTools/storageClassRules'
import { bridge, unwrap } from '../../bridge/bridgeClient'
import { Field } from '../../ui/Field'
import type { BrowserLocation } from '../browser/browserStore'
import { useBrowserUiStore } from '../browser/browserUiStore'
import { useObjectToolsTranslation } from './i18n'
import { SelectionToolDialog, useSelectionWords } from './SelectionToolDialog'

/** Asks S3 to bring archived files back for some days, at a chosen speed (tier). */
export function RestoreDialog({ location, keys, onClose }: { location: BrowserLocation; keys: string[]; onClose: () => void }) {
  const { t } = useObjectToolsTranslation()
  const what = useSelectionWords(keys)
  const [daysText, setDaysText] = useState('7')
  const [tier, setTier] = useState<RestoreTier>('Standard')
  const [problem, setProblem] = useState<string | undefined>(undefined)
  const days = /^\d+$/.test(daysText.trim()) ? Number(daysText.trim()) : Number.NaN
  const validDays = Number.isInteger(days) && days >= 1 && days <= maxRestoreDays

  return (
    <SelectionToolDialog
      title={t('restore.title', { what })}
      keys={keys}
      confirmLabel={t('restore.confirm', { what })}
      summary={<p>{t('restore.summary', { days: validDays ? days : '…' })}</p>}
      validate={() => {
        setProblem(validDays ? undefined : t('restore.daysProblem'))
        return validDays
      }}
      run={async (operationId) => unwrap(await bridge['objects/restore']({ profileId: location.profileId, bucket: location.bucket, keys, days, tier, operationId }))}
      // The properties panel shows the restore state: read it again.
      onDone={() => useBrowserUiStore.getState().propertiesChanged()}
      onClose={onClose}
    >
      <Field label={t('restore.days')} help={t('restore.daysHelp')} problem={problem}>
        {(control) => <input {...control} className="input" type="text" inputMode="numeric" autoComplete="off" value={daysText} onChange={(e) => setDaysText(e.target.value)} />}
      </Field>
      <fieldset className="choice-group">
        <legend className="field__label">{t('restore.tier')}</legend>
        {restoreTiers.map((choice) => (
          <label key={choice} className="choice">
            <input type="radio" name="restore-tier" checked={tier === choice} onChange={() => setTier(choice)} />
            {t(`restore.tiers.${choice}`)}
          </label>
        ))}
      </fieldset>
    </SelectionToolDialog>
  )
}
