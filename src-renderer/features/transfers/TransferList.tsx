import { useEffect, useMemo, useRef, type ReactNode } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { TransferBatchRange, TransferView } from '../../../src-main/contract/bridge'
import { useProfilesStore } from '../profiles/profilesStore'
import { useTransfersTranslation } from './i18n'
import { panelLayout, windowFor, type PanelItem } from './transferBatches'
import { TransferRow } from './TransferRow'
import { useTransfersStore } from './transfersStore'

/** A row's height before it is measured (name, bar, sizes). */
const rowEstimate = 58
const headingEstimate = 24

/**
 * Every file of the queue, one group per upload, virtualised as the file grid is: only
 * the rows in view are in the page, and only they are fetched (transfers/window), so a
 * queue of 50,000 files costs the panel what a queue of 50 does.
 */
export function TransferList() {
  const { t } = useTransfersTranslation()
  const { transfers, batches, window } = useTransfersStore((s) => s.snapshot)
  const showRows = useTransfersStore((s) => s.showRows)
  const layout = useMemo(() => panelLayout(batches), [batches])
  const byPosition = useMemo(() => new Map(transfers.map((view) => [view.position, view])), [transfers])
  const scrollRef = useRef<HTMLUListElement>(null)
  const virtualizer = useVirtualizer({
    count: layout.count,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => (layout.at(index).kind === 'batch' ? headingEstimate : rowEstimate),
    overscan: 6,
  })
  const items = virtualizer.getVirtualItems()

  // The rows in view, by queue position: fetched when the window we have doesn't hold them.
  const positions = items.map((item) => layout.at(item.index)).flatMap((entry) => (entry.kind === 'row' ? [entry.position] : []))
  const inView = positions.length === 0 ? null : { first: positions[0]!, last: positions[positions.length - 1]! }
  const wanted = windowFor(inView, window)
  const wantedKey = wanted ? `${wanted.offset}:${wanted.limit}` : null
  useEffect(() => {
    // The key stands for the window: asking again only when it changes.
    if (wanted) void showRows(wanted)
  }, [wantedKey, showRows])

  // Consecutive items of one batch share its list, so each upload stays one list with its name.
  const runs: { batch: TransferBatchRange; items: { index: number; entry: PanelItem }[] }[] = []
  for (const item of items) {
    const entry = layout.at(item.index)
    const last = runs[runs.length - 1]
    if (last && last.batch.batchId === entry.batch.batchId && last.batch.first === entry.batch.first) last.items.push({ index: item.index, entry })
    else runs.push({ batch: entry.batch, items: [{ index: item.index, entry }] })
  }
  const before = items[0]?.start ?? 0
  const after = Math.max(0, virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0))

  return (
    // A Tab stop, so a list longer than the panel can be scrolled from the keyboard.
    <ul ref={scrollRef} className="transfer-panel__list" aria-label={t('panel.title')} tabIndex={0}>
      {before > 0 && <li aria-hidden="true" style={{ height: before }} />}
      {runs.map((run) => (
        <BatchRows key={`${run.batch.batchId}:${run.batch.first}`} batch={run.batch} headingIndex={run.items[0]?.entry.kind === 'batch' ? run.items[0].index : null} measure={virtualizer.measureElement}>
          {run.items.map(({ index, entry }) => (entry.kind === 'batch' ? null : <Row key={index} index={index} view={byPosition.get(entry.position)} measure={virtualizer.measureElement} />))}
        </BatchRows>
      ))}
      {after > 0 && <li aria-hidden="true" style={{ height: after }} />}
    </ul>
  )
}

type Measure = (element: Element | null) => void

/** One upload: where it went ("To media-django/fotos/ · profile Blog"), then its files in view. */
function BatchRows({ batch, headingIndex, measure, children }: { batch: TransferBatchRange; headingIndex: number | null; measure: Measure; children: ReactNode }) {
  const heading = useBatchHeading(batch)
  return (
    <li className="transfer-batch">
      {headingIndex !== null && (
        <p className="transfer-batch__target" title={heading} data-index={headingIndex} ref={measure}>
          {heading}
        </p>
      )}
      <ul className="transfer-batch__files" aria-label={heading}>
        {children}
      </ul>
    </li>
  )
}

function useBatchHeading(batch: TransferBatchRange): string {
  const { t } = useTransfersTranslation()
  const target = useTransfersStore((s) => s.batchTargets[batch.batchId])
  const profile = useProfilesStore((s) => (target ? s.profiles.find((p) => p.id === target.profileId)?.name : undefined))
  const where = `${batch.bucket}/${target?.prefix ?? ''}`
  return profile ? t('panel.batchTo', { where, profile }) : t('panel.batchToBucket', { where })
}

/** A file, or its place while its row is being fetched. */
function Row({ index, view, measure }: { index: number; view: TransferView | undefined; measure: Measure }) {
  if (!view) return <li className="transfer transfer--loading" aria-hidden="true" data-index={index} ref={measure} style={{ height: rowEstimate }} />
  return <TransferRow transfer={view} index={index} measure={measure} />
}
