import { useEffect, useState } from 'react'
import type { BridgeError } from '../../../../src-main/contract/bridge'
import { bridge, unwrap } from '../../../bridge/bridgeClient'
import { asBridgeError } from '../../../errors/asBridgeError'
import { Dialog } from '../../../ui/Dialog'
import { ErrorAlert } from '../../../ui/ErrorAlert'
import { useBrowserTranslation } from '../browserI18n'
import type { BrowserLocation } from '../browserStore'

type Answer = { isPublic: boolean; status: number; url: string }

/**
 * "Is this public?", answered the way a visitor would find out: the main process opens
 * the public URL without keys and reports what came back.
 */
export function PublicCheckDialog({ location, objectKey, onClose }: { location: BrowserLocation; objectKey: string; onClose: () => void }) {
  const { t } = useBrowserTranslation()
  const [answer, setAnswer] = useState<Answer | null>(null)
  const [error, setError] = useState<BridgeError | null>(null)

  useEffect(() => {
    let current = true
    bridge['objects/checkPublic']({ profileId: location.profileId, bucket: location.bucket, key: objectKey })
      .then(unwrap)
      .then((value) => current && setAnswer(value))
      .catch((caught: unknown) => current && setError(asBridgeError(caught)))
    return () => {
      current = false
    }
  }, [location, objectKey])

  return (
    <Dialog title={t('public.title')} onClose={onClose} size="small">
      <div className="dialog__text public-check">
        <p className="mono public-check__key">{objectKey}</p>
        <div role="status">
          {!answer && !error && <p>{t('public.checking')}</p>}
          {answer && (
            <p className={`public-check__answer public-check__answer--${answer.isPublic ? 'public' : 'private'}`}>
              {answer.isPublic ? t('public.yes') : t('public.no', { status: answer.status })}
            </p>
          )}
        </div>
        {answer && (
          <p className="quiet public-check__url" title={answer.url}>
            {t('public.checked', { url: answer.url })}
          </p>
        )}
        {answer && !answer.isPublic && <p className="quiet">{t('public.noHint')}</p>}
      </div>
      {error && <ErrorAlert error={error} namespace="browser" />}
      <div className="form__actions">
        <button type="button" className="button" data-autofocus onClick={onClose}>
          {t('close')}
        </button>
      </div>
    </Dialog>
  )
}
