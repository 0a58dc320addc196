import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SecretStorageKind } from '../../../src-main/contract/bridge'
import { shellLanding } from '../../app/shellFocus'
import { Dialog } from '../../ui/Dialog'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { useKeychainAvailable } from '../keychain/keychainStore'
import { effectiveSecretStorage, SecretStorageChoice } from '../keychain/SecretStorageChoice'
import { ConnectionFields, KeyFields, NameField } from './ProfileFields'
import { checkProfileForm, emptyProfileForm, toDraft } from './profileForm'
import { useProfilesStore } from './profilesStore'
import { useProfileForm } from './useProfileForm'
import { DialogForm } from '../../ui/DialogForm'
import { FormActions } from '../../ui/FormActions'

/** A new profile. Saving checks the keys with a real call; the new profile becomes active. */
export function AddProfileDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation()
  const add = useProfilesStore((s) => s.add)
  const keychainAvailable = useKeychainAvailable()
  const [pickedStorage, setPickedStorage] = useState<SecretStorageKind | null>(null)
  const secretStorage = effectiveSecretStorage(pickedStorage, keychainAvailable)
  const form = useProfileForm(() => emptyProfileForm(secretStorage))
  const fieldProps = { values: form.values, problems: form.problems, onChange: form.change }

  return (
    <Dialog title={t('profileForm.addTitle')} onClose={onClose} focusFallback={shellLanding}>
      <DialogForm
        formRef={form.formRef}
        busy={form.busy}
        onSubmit={() => {
          const values = { ...form.values, secretStorage }
          void form.submit(checkProfileForm(values, { withKeys: true }), async () => {
            await add(toDraft(values))
          }, onClose)
        }}
      >
        <div className="form__body">
          <NameField {...fieldProps} />
          <KeyFields {...fieldProps} />
          <ConnectionFields {...fieldProps} />
          <SecretStorageChoice value={secretStorage} onChange={setPickedStorage} />
        </div>
        {form.error && <ErrorAlert error={form.error} />}
        <FormActions busy={form.busy} busyText={t('profileForm.checking')} submitText={t('profileForm.save')} onCancel={onClose} />
      </DialogForm>
    </Dialog>
  )
}
