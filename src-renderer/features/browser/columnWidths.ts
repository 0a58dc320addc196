/**
 * Column widths the user dragged, and the CSS variables the grid's columns read
 *
 * Until Name is dragged it takes the room left over; once dragged, the empty actions
 * column at the end takes it instead. A width is kept within limits that still show a
 * useful cell, and a reset (double-click, or Home on the handle) forgets it.
 */
export type ResizableColumn = 'name' | 'size' | 'modified' | 'storageClass'
export type ColumnWidths = Partial<Record<ResizableColumn, number>>

export const columnLimits: Record<ResizableColumn, { min: number; max: number; initial: number }> = {
  name: { min: 120, max: 1200, initial: 320 },
  size: { min: 64, max: 240, initial: 96 },
  modified: { min: 100, max: 400, initial: 190 },
  storageClass: { min: 90, max: 360, initial: 176 },
}

export function clampWidth(column: ResizableColumn, width: number): number {
  const { min, max } = columnLimits[column]
  return Math.round(Math.max(min, Math.min(max, width)))
}

export function columnVariables(widths: ColumnWidths): Record<string, string> {
  const px = (column: ResizableColumn) => `${widths[column] ?? columnLimits[column].initial}px`
  return {
    '--col-name': widths.name ? `${widths.name}px` : 'minmax(160px, 1fr)',
    '--col-size': px('size'),
    '--col-modified': px('modified'),
    '--col-class': px('storageClass'),
    '--col-actions': widths.name ? 'minmax(124px, 1fr)' : '124px',
  }
}

/** Widths read back from storage: anything that is not a sane number is dropped. */
export function parseWidths(saved: string | null): ColumnWidths {
  try {
    const value: unknown = saved ? JSON.parse(saved) : {}
    if (!value || typeof value !== 'object') return {}
    const widths: ColumnWidths = {}
    for (const column of Object.keys(columnLimits) as ResizableColumn[]) {
      const width = (value as Record<string, unknown>)[column]
      if (typeof width === 'number' && Number.isFinite(width)) widths[column] = clampWidth(column, width)
    }
    return widths
  } catch {
    return {}
  }
}
