import type { TFunction } from 'i18next'
import type { DoctorText } from '../../../src-main/contract/bridge'

/**
 * A doctor sentence in the UI language: the catalog's words for its code, filled with
 * its values; the main process's English when the catalog has none.
 */
export function sayDoctor(t: TFunction, text: DoctorText): string {
  return t(`findings.${text.code}`, { ...text.params, defaultValue: text.message })
}
