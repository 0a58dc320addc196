import { useState } from 'react'
import { storageClasses, type StorageClass } from '../../../src-main/contract/rules/objectTools/storageClassRules'
import { bridge, unwrap } from '../../bridge/bridgeClient'
import { Field } from '../../ui/Field'
import { useStorageClassName } from '../browser/browserI18n'
import { useBrowserStore, type BrowserLocation } from '../browser/browserStore'
import { useVersioningStore } from '../versions/versioningStore'
import { useObjectToolsTranslation } from './i18n'
import { SelectionToolDialog, useSelectionWords } from './SelectionToolDialog'

/** Copies a selection in place to another storage class, keeping headers, metadata and tags. */
export function StorageClassDialog({ location, keys, onClose }: { location: BrowserLocation; keys: string[]; onClose: () => void }) {
  const { t } = useObjectToolsTranslation()
  const what = useSelectionWords(keys)
  const className = useStorageClassName()
  const versioned = useVersioningStore((s) => s.status === 'on' || s.status === 'suspended')
  const [chosen, setChosen] = useState<StorageClass>('STANDARD_IA')
  const label = (c: StorageClass) => className(c) ?? c

  return (
    <SelectionToolDialog
      title={t('storageClass.title', { what })}
      keys={keys}
      confirmLabel={t('storageClass.confirm', { what })}
      summary={
        <>
          <p>{t('storageClass.summary', { class: label(chosen) })}</p>
          {versioned && <p>{t('newVersion')}</p>}
          {(chosen === 'GLACIER' || chosen === 'DEEP_ARCHIVE') && <p className="delete-warning">{t('storageClass.archiveNote')}</p>}
        </>
      }
      run={async (operationId) => unwrap(await bridge['objects/setStorageClass']({ profileId: location.profileId, bucket: location.bucket, keys, storageClass: chosen, operationId }))}
      onDone={() => void useBrowserStore.getState().refresh()}
      onClose={onClose}
    >
      <Field label={t('storageClass.class')}>
        {(control) => (
          <select {...control} className="select" value={chosen} onChange={(e) => setChosen(e.target.value as StorageClass)}>
            {storageClasses.map((c) => (
              <option key={c} value={c}>
                {label(c)}
              </option>
            ))}
          </select>
        )}
      </Field>
    </SelectionToolDialog>
  )
}
