import { Dialog } from '../../ui/Dialog'
import { useUrlDoctorTranslation } from './i18n'
import './urlDoctor.css'

/**
 * Copy URL refused a key that no URL can reach ("a/./b.txt"): why, and Rename to a
 * name that every URL reaches, instead of handing out a link to another file.
 */
export function UnreachableKeyDialog({ objectKey, segment, suggestion, onRename, onClose }: { objectKey: string; segment: string; suggestion: string; onRename: () => void; onClose: () => void }) {
  const { t } = useUrlDoctorTranslation()
  return (
    <Dialog title={t('unreachable.title')} onClose={onClose} size="small">
      <div className="dialog__text">
        <p className="unreachable-key__name">{t('unreachable.body', { key: objectKey, segment })}</p>
        <p className="mono unreachable-key__name">{t('unreachable.suggestion', { suggestion })}</p>
      </div>
      <div className="form__actions">
        <button type="button" className="button button--primary" data-autofocus onClick={onRename}>
          {t('unreachable.rename')}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t('close')}
        </button>
      </div>
    </Dialog>
  )
}
