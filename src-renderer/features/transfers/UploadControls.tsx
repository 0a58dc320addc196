import { useId, useRef } from 'react'
import { filesFromInput } from './droppedFiles'
import { useTransfersTranslation } from './i18n'
import { useTransfersStore } from './transfersStore'

/**
 * The Upload buttons (files, or a whole folder) and the batch's Cache-Control. Compact
 * (a narrow window) labels the field just "Cache-Control", with the rest in its description.
 */
export function UploadControls({ profileId, bucket, prefix, compact = false }: { profileId: string; bucket: string; prefix: string; compact?: boolean }) {
  const { t } = useTransfersTranslation()
  const upload = useTransfersStore((s) => s.upload)
  const cacheControl = useTransfersStore((s) => s.cacheControl)
  const setCacheControl = useTransfersStore((s) => s.setCacheControl)
  const filesInput = useRef<HTMLInputElement>(null)
  const folderInput = useRef<HTMLInputElement>(null)
  const cacheId = useId()
  const helpId = useId()

  const picked = (input: HTMLInputElement | null) => {
    if (!input?.files || input.files.length === 0) return
    void upload({ profileId, bucket, prefix }, filesFromInput(input.files))
    input.value = ''
  }

  return (
    <div className="upload-controls">
      <button type="button" className="button" onClick={() => filesInput.current?.click()}>
        {t('upload.files')}
      </button>
      <button type="button" className="button" onClick={() => folderInput.current?.click()}>
        {t('upload.folder')}
      </button>
      <input ref={filesInput} className="offscreen" type="file" multiple tabIndex={-1} aria-hidden="true" onChange={(e) => picked(e.currentTarget)} />
      <input
        ref={(node) => {
          folderInput.current = node
          // webkitdirectory isn't in React's typings; it makes the picker choose folders.
          node?.setAttribute('webkitdirectory', '')
        }}
        className="offscreen"
        type="file"
        multiple
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => picked(e.currentTarget)}
      />
      <label className={`upload-controls__cache${compact ? ' upload-controls__cache--compact' : ''}`} htmlFor={cacheId} title={compact ? t('upload.cacheControl') : undefined}>
        <span>{compact ? t('upload.cacheControlShort') : t('upload.cacheControl')}</span>
        <input id={cacheId} className="input input--mono upload-controls__input" value={cacheControl} aria-describedby={helpId} onChange={(e) => setCacheControl(e.target.value)} spellCheck={false} />
      </label>
      <span id={helpId} className="visually-hidden">
        {compact ? `${t('upload.cacheControl')}. ${t('upload.cacheControlHelp')}` : t('upload.cacheControlHelp')}
      </span>
    </div>
  )
}
