import { useEffect, useId, useState } from 'react'
import type { BridgeError, ObjectProperties } from '../../../src-main/contract/bridge'
import { bridge, unwrap } from '../../bridge/bridgeClient'
import { asBridgeError } from '../../errors/asBridgeError'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { CloseIcon } from '../../ui/icons'
import { useBrowserTranslation, useStorageClassName } from './browserI18n'
import type { BrowserLocation } from './browserStore'
import { useBrowserUiStore } from './browserUiStore'
import { formatExactBytes, formatModified, formatSize, noValue, storageClassLabel } from './formatting'
import { looksLikeImage, previewReasonKey } from './previewRules'
import { useSelectedEntries } from './useBrowserSelectors'
import './propertiesPanel.css'
import { useFormatLocale } from '../../i18n/formatLocale'
import { useRestoreStateText } from '../objectTools/restoreStateText'

type Preview = { dataUrl: string | null; reason: string | null }

/**
 * The side panel: the selected file's headers and metadata, and a preview when it is an
 * image. Previews arrive as data: URLs from the main process, the only images the
 * window's CSP lets in besides its own.
 */
export function PropertiesPanel({ location }: { location: BrowserLocation }) {
  const { t } = useBrowserTranslation()
  const titleId = useId()
  const close = () => useBrowserUiStore.getState().setPropertiesOpen(false)
  const selected = useSelectedEntries()
  const single = selected.length === 1 && selected[0]?.kind === 'object' ? selected[0] : null
  return (
    <aside className="properties-panel" aria-labelledby={titleId}>
      <header className="properties-panel__header">
        <h2 id={titleId} className="properties-panel__title">
          {t('properties.title')}
        </h2>
        <button type="button" className="button button--quiet button--icon" aria-label={t('properties.close')} title={t('properties.close')} onClick={close}>
          <CloseIcon />
        </button>
      </header>
      {single ? <PropertiesOf key={single.key} location={location} objectKey={single.key} /> : <p className="quiet properties-panel__empty">{t('properties.pickOne')}</p>}
    </aside>
  )
}

function PropertiesOf({ location, objectKey }: { location: BrowserLocation; objectKey: string }) {
  const { t } = useBrowserTranslation()
  const version = useBrowserUiStore((s) => s.propertiesVersion)
  const [properties, setProperties] = useState<ObjectProperties | null>(null)
  const [preview, setPreview] = useState<Preview | null>(null)
  const [error, setError] = useState<BridgeError | null>(null)
  const language = useFormatLocale()
  const storageClassName = useStorageClassName()
  const restoreState = useRestoreStateText()

  useEffect(() => {
    let current = true
    const ref = { profileId: location.profileId, bucket: location.bucket, key: objectKey }
    setError(null)
    void (async () => {
      try {
        const found = unwrap(await bridge['objects/properties'](ref))
        if (!current) return
        setProperties(found)
        // Only images get a preview: reading other files would be a wasted download.
        if (!looksLikeImage(objectKey, found.contentType)) return setPreview({ dataUrl: null, reason: null })
        const shown = unwrap(await bridge['objects/preview'](ref))
        if (current) setPreview(shown)
      } catch (caught) {
        if (current) setError(asBridgeError(caught))
      }
    })()
    return () => {
      current = false
    }
  }, [location, objectKey, version])

  const name = objectKey.split('/').pop() ?? objectKey
  const reasonText = (reason: string) => {
    const key = previewReasonKey(reason)
    return key ? t(`properties.noPreview.${key}`) : reason
  }
  if (error) return <ErrorAlert error={error} namespace="browser" className="properties-panel__error" />
  if (!properties) {
    return (
      <div className="properties-panel__loading" role="status">
        <span className="spinner" aria-hidden="true" />
        <span className="visually-hidden">{t('properties.loading')}</span>
      </div>
    )
  }
  const metadata = Object.entries(properties.metadata)
  return (
    <div className="properties-panel__body">
      {preview?.dataUrl ? (
        <figure className="properties-panel__preview">
          <img src={preview.dataUrl} alt={t('properties.previewOf', { name })} />
        </figure>
      ) : preview?.reason ? (
        <p className="quiet properties-panel__no-preview">{reasonText(preview.reason)}</p>
      ) : null}
      <p className="properties-panel__key mono">{properties.key}</p>
      <dl className="properties-list">
        <Fact label={t('properties.size')} value={`${formatSize(properties.size, language)} (${t('grid.exactBytes', { count: properties.size, bytes: formatExactBytes(properties.size, language) })})`} />
        <Fact label={t('properties.modified')} value={formatModified(properties.lastModified, language)} />
        <Fact label={t('properties.contentType')} value={properties.contentType} mono />
        <Fact label={t('properties.cacheControl')} value={properties.cacheControl} mono />
        <Fact label={t('properties.etag')} value={properties.etag} mono keepEndTogether />
        <Fact
          label={t('properties.storageClass')}
          value={
            properties.archiveTier
              ? t('properties.storageClassInTier', { storageClass: storageClassLabel(properties.storageClass, storageClassName), tier: t(`archiveTiers.${properties.archiveTier}`) })
              : storageClassLabel(properties.storageClass ?? 'STANDARD', storageClassName)
          }
        />
        {restoreState(properties) && <Fact label={restoreState.label} value={restoreState(properties)} />}
      </dl>
      <h3 className="properties-panel__subtitle">{t('properties.metadata')}</h3>
      {metadata.length === 0 ? (
        <p className="quiet">{t('properties.noMetadata')}</p>
      ) : (
        <dl className="properties-list">
          {metadata.map(([key, value]) => (
            <Fact key={key} label={key} value={value} mono />
          ))}
        </dl>
      )}
    </div>
  )
}

/**
 * One property. `keepEndTogether` holds the last characters on one line, so an ETag
 * ("9d4e…67a6") never wraps its closing quote alone onto a line of its own.
 */
function Fact({ label, value, mono, keepEndTogether }: { label: string; value: string | null; mono?: boolean; keepEndTogether?: boolean }) {
  const shown = value || noValue
  return (
    <div className="properties-list__item">
      <dt>{label}</dt>
      <dd className={mono && value ? 'mono' : undefined}>
        {keepEndTogether && shown.length > 4 ? (
          <>
            {shown.slice(0, -4)}
            <span className="nowrap">{shown.slice(-4)}</span>
          </>
        ) : (
          shown
        )}
      </dd>
    </div>
  )
}
