import { useTranslation } from 'react-i18next'
import { awsRegions } from '../../src-main/contract/rules/regions'

/**
 * "eu-west-1 — Europe (Ireland)", "eu-west-1 — Europa (Irlanda)": the code, which is
 * what AWS and the settings use, then the AWS console's name in the UI language (the
 * shell catalog's `regions`; the contract's English name if a new region lacks one).
 */
export function useRegionLabel(): (code: string) => string {
  const { t, i18n } = useTranslation()
  return (code) => {
    const english = awsRegions.find((region) => region.code === code)?.label
    const name = i18n.exists(`regions.${code}`) ? t(`regions.${code}`) : english
    return name ? `${code} — ${name}` : code
  }
}
