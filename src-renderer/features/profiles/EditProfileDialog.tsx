import { useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ProfileView } from '../../../src-main/contract/bridge'
import { shellLanding } from '../../app/shellFocus'
import { Dialog } from '../../ui/Dialog'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { useBucketsStore } from '../buckets/bucketsStore'
import { compactMask } from './displayKey'
import { ConnectionFields, KeyFields, NameField, PublicBaseUrlField } from './ProfileFields'
import { checkProfileForm, formFromProfile, hasChanges, toEdit } from './profileForm'
import { useProfilesStore } from './profilesStore'
import { useProfileForm } from './useProfileForm'
import { DialogForm } from '../../ui/DialogForm'
import { FormActions } from '../../ui/FormActions'

export function EditProfileDialog({ profileId, onClose }: { profileId: string; onClose: () => void }) {
  const profile = useProfilesStore((s) => s.profiles.find((p) => p.id === profileId))
  // Deleted elsewhere (another window, the browser tab) while this was opening.
  useEffect(() => {
    if (!profile) onClose()
  }, [profile, onClose])
  return profile ? <EditProfileForm profile={profile} onClose={onClose} /> : null
}

/** Rename, move to another region or endpoint, set the public base URL, or replace the keys of one profile. */
function EditProfileForm({ profile, onClose }: { profile: ProfileView; onClose: () => void }) {
  const { t } = useTranslation()
  const update = useProfilesStore((s) => s.update)
  const activeId = useProfilesStore((s) => s.activeId)
  const loadBuckets = useBucketsStore((s) => s.load)
  const [replaceKeys, setReplaceKeys] = useState(!profile.hasSecret)
  const replaceId = useId()
  const form = useProfileForm(() => formFromProfile(profile))
  const fieldProps = { values: form.values, problems: form.problems, onChange: form.change }

  const save = async () => {
    const edit = toEdit(profile, form.values, replaceKeys)
    if (!hasChanges(edit)) return
    const saved = await update(edit)
    // New keys or a new region can change what the bucket list shows.
    if (saved.id === activeId) void loadBuckets(saved.id)
  }

  return (
    <Dialog title={t('profileForm.editTitle')} onClose={onClose} focusFallback={shellLanding}>
      <DialogForm formRef={form.formRef} busy={form.busy} onSubmit={() => void form.submit(checkProfileForm(form.values, { withKeys: replaceKeys }), save, onClose)}>
        <div className="form__body">
          <NameField {...fieldProps} />
          <ConnectionFields {...fieldProps} />
          <PublicBaseUrlField {...fieldProps} />
          <div className="checkbox-field">
            <input
              id={replaceId}
              type="checkbox"
              checked={replaceKeys}
              aria-describedby={`${replaceId}-help`}
              onChange={(event) => setReplaceKeys(event.target.checked)}
            />
            <div>
              <label htmlFor={replaceId}>{t('profileForm.replaceKeys')}</label>
              <p id={`${replaceId}-help`} className="field__help">
                {t('profileForm.currentKey', { key: compactMask(profile.keyIdMasked) })}
              </p>
            </div>
          </div>
          {replaceKeys && <KeyFields {...fieldProps} />}
        </div>
        {form.error && <ErrorAlert error={form.error} />}
        <FormActions busy={form.busy} busyText={t('profileForm.saving')} submitText={t('profileForm.saveChanges')} onCancel={onClose} />
      </DialogForm>
    </Dialog>
  )
}
