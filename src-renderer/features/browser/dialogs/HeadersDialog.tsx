import { useEffect, useState } from 'react'
import type { BridgeError } from '../../../../src-main/contract/bridge'
import { bridge, unwrap } from '../../../bridge/bridgeClient'
import { asBridgeError } from '../../../errors/asBridgeError'
import { Dialog } from '../../../ui/Dialog'
import { DialogForm } from '../../../ui/DialogForm'
import { ErrorAlert } from '../../../ui/ErrorAlert'
import { Field } from '../../../ui/Field'
import { useBrowserTranslation } from '../browserI18n'
import type { BrowserLocation } from '../browserStore'
import { useBrowserUiStore } from '../browserUiStore'
import { useToastStore } from '../toastStore'
import { objectGrid } from './gridFocus'
import type { KeyValueRow } from '../../objectTools/KeyValueRows'
import { MetadataSection, useMetadataCheck } from '../../objectTools/MetadataSection'
import { LiteralInput } from '../../../ui/LiteralInput'

/** The same shape the main process accepts: type/subtype, optional parameters. */
const contentTypePattern = /^[\w.+-]+\/[\w.+-]+(\s*;.*)?$/

/**
 * Content-Type, Cache-Control and the user metadata (x-amz-meta-*) of one object. S3
 * can't edit headers in place, so the main process copies the object onto itself,
 * keeping its other headers and its tags.
 */
export function HeadersDialog({ location, objectKey, onClose }: { location: BrowserLocation; objectKey: string; onClose: () => void }) {
  const { t } = useBrowserTranslation()
  const [values, setValues] = useState<{ contentType: string; cacheControl: string; metadata: KeyValueRow[] } | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const checkMetadata = useMetadataCheck()
  const [metadataProblems, setMetadataProblems] = useState<{ byField: Map<string, string>; whole: string | null }>({ byField: new Map(), whole: null })
  const [error, setError] = useState<BridgeError | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    let current = true
    bridge['objects/properties']({ ...refOf(location), key: objectKey })
      .then(unwrap)
      .then((properties) =>
        current && setValues({ contentType: properties.contentType ?? '', cacheControl: properties.cacheControl ?? '', metadata: Object.entries(properties.metadata).map(([first, second]) => ({ first, second })) }),
      )
      .catch((caught: unknown) => current && setError(asBridgeError(caught)))
    return () => {
      current = false
    }
  }, [location, objectKey])

  const submit = async () => {
    if (!values) return
    const contentType = values.contentType.trim()
    if (!contentTypePattern.test(contentType)) {
      setProblem(t('headers.contentTypeProblem'))
      return
    }
    const metadata = checkMetadata(values.metadata)
    setMetadataProblems(metadata)
    if (!metadata.ok) return
    setBusy(true)
    setError(null)
    try {
      unwrap(await bridge['objects/setHeaders']({ ...refOf(location), key: objectKey, contentType, cacheControl: values.cacheControl.trim() || null, metadata: metadata.entries }))
      useBrowserUiStore.getState().propertiesChanged()
      useToastStore.getState().show(t('toast.headersSaved'))
      onClose()
    } catch (caught) {
      setError(asBridgeError(caught))
      setBusy(false)
    }
  }

  return (
    <Dialog title={t('headers.title')} onClose={() => !busy && onClose()} focusFallback={objectGrid}>
      <DialogForm busy={busy || !values} onSubmit={() => void submit()}>
        <div className="form__body">
          <p className="dialog__text mono">{objectKey}</p>
          <Field label={t('headers.contentType')} help={t('headers.contentTypeHelp')} problem={problem ?? undefined}>
            {(control) => (
              <LiteralInput
                {...control}
                readOnly={!values}
                value={values?.contentType ?? ''}
                onChange={(event) => {
                  setValues((v) => v && { ...v, contentType: event.target.value })
                  setProblem(null)
                }}
              />
            )}
          </Field>
          <Field label={t('headers.cacheControl')} help={t('headers.cacheControlHelp')}>
            {(control) => (
              <LiteralInput
                {...control}
                readOnly={!values}
                placeholder="public, max-age=86400"
                value={values?.cacheControl ?? ''}
                onChange={(event) => setValues((v) => v && { ...v, cacheControl: event.target.value })}
              />
            )}
          </Field>
          {values && (
            <MetadataSection
              rows={values.metadata}
              onChange={(metadata) => {
                setValues((v) => v && { ...v, metadata })
                setMetadataProblems({ byField: new Map(), whole: null })
              }}
              problems={metadataProblems.byField}
              whole={metadataProblems.whole}
              readOnly={busy}
            />
          )}
        </div>
        {error && <ErrorAlert error={error} namespace="browser" />}
        <div className="form__actions">
          <p role="status" className="form__status">
            {!values && !error ? t('headers.reading') : busy ? t('headers.saving') : ''}
          </p>
          <button type="button" className="button" aria-disabled={busy || undefined} onClick={() => !busy && onClose()}>
            {t('cancel')}
          </button>
          <button type="submit" className="button button--primary" aria-disabled={busy || !values || undefined}>
            {t('headers.save')}
          </button>
        </div>
      </DialogForm>
    </Dialog>
  )
}

const refOf = (location: BrowserLocation) => ({ profileId: location.profileId, bucket: location.bucket })
