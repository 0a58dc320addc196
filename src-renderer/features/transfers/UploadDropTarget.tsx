import { useRef, useState, type ReactNode } from 'react'
import { filesFromDataTransfer } from './droppedFiles'
import { useTransfersTranslation } from './i18n'
import { useTransfersStore } from './transfersStore'
import './transfers.css'

interface Props {
  profileId: string
  bucket: string
  prefix: string
  children: ReactNode
}

/**
 * Files and folders dropped from the desktop onto the folder view upload into it
 *
 * Only drags that carry files react, so dragging text or rows inside the page does
 * nothing. The overlay names the destination.
 */
export function UploadDropTarget({ profileId, bucket, prefix, children }: Props) {
  const { t } = useTransfersTranslation()
  const upload = useTransfersStore((s) => s.upload)
  const [over, setOver] = useState(false)
  const depth = useRef(0)
  const carriesFiles = (event: React.DragEvent) => [...event.dataTransfer.types].includes('Files')

  return (
    <div
      className={`upload-drop${over ? ' upload-drop--over' : ''}`}
      onDragEnter={(event) => {
        if (!carriesFiles(event)) return
        event.preventDefault()
        depth.current++
        setOver(true)
      }}
      onDragOver={(event) => {
        if (!carriesFiles(event)) return
        event.preventDefault()
        event.dataTransfer.dropEffect = 'copy'
      }}
      onDragLeave={() => {
        depth.current = Math.max(0, depth.current - 1)
        if (depth.current === 0) setOver(false)
      }}
      onDrop={(event) => {
        if (!carriesFiles(event)) return
        event.preventDefault()
        depth.current = 0
        setOver(false)
        void filesFromDataTransfer(event.dataTransfer).then((picked) => upload({ profileId, bucket, prefix }, picked))
      }}
    >
      {children}
      {over && (
        <div className="upload-drop__overlay" aria-hidden="true">
          <p>{t('upload.drop', { where: prefix ? `${bucket}/${prefix}` : `${bucket} — ${t('upload.bucketRoot')}` })}</p>
        </div>
      )}
    </div>
  )
}
