import type { TFunction } from 'i18next'
import type { UrlForm } from '../../../src-main/contract/bridge'
import type { MenuItem } from './Menu'
import { isFormAvailable, urlForms } from './urlForms'

/**
 * The "Copy as…" entries, shared by the toolbar menu and the right-click menu.
 * `t` is scoped to the `browser` group.
 */
export function copyMenuItems(t: TFunction, options: { publicBaseUrl: string | null; canCopy: boolean; copy: (form: UrlForm) => void }): MenuItem[] {
  return urlForms.map((form) => {
    const available = isFormAvailable(form, options.publicBaseUrl)
    return {
      id: `copy-${form}`,
      label: t(`forms.${form}`),
      onSelect: () => options.copy(form),
      disabled: !available || !options.canCopy,
      ...(available ? {} : { hint: t('forms.customBaseMissing') }),
    }
  })
}
