import { useTranslation } from 'react-i18next'
import { useRegionLabel } from '../../i18n/regionNames'
import { awsRegions } from '../../../src-main/contract/rules/regions'

interface Props {
  id: string
  value: string
  onChange: (region: string) => void
  /** S3-compatible stores accept their own region names; "auto" is the common one. */
  customEndpoint: boolean
  'aria-describedby'?: string
  'aria-invalid'?: boolean
}

export function RegionSelect({ value, onChange, customEndpoint, ...control }: Props) {
  const { t } = useTranslation()
  const regionLabel = useRegionLabel()
  const known = awsRegions.some((r) => r.code === value) || (customEndpoint && value === 'auto')
  return (
    <select {...control} className="select" value={value} onChange={(event) => onChange(event.target.value)}>
      {customEndpoint && <option value="auto">{t('profileForm.regionAuto')}</option>}
      {/* A region saved earlier stays selectable even when it is not in today's list. */}
      {!known && <option value={value}>{value}</option>}
      {awsRegions.map((region) => (
        <option key={region.code} value={region.code}>
          {regionLabel(region.code)}
        </option>
      ))}
    </select>
  )
}
