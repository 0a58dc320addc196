/** The file browser's icons: decorative, always beside a visible or accessible name. */
import { iconBase } from '../../ui/icons'

const base = iconBase

export function BackIcon() {
  return (
    <svg {...base}>
      <path d="M13 8H3M7 4 3 8l4 4" />
    </svg>
  )
}

export function UpIcon() {
  return (
    <svg {...base}>
      <path d="M8 13V3M4 7l4-4 4 4" />
    </svg>
  )
}

export function FolderIcon() {
  return (
    <svg {...base} className="browser-icon browser-icon--folder">
      <path d="M1.75 4.25A1.25 1.25 0 0 1 3 3h3l1.5 1.75H13a1.25 1.25 0 0 1 1.25 1.25v5.75A1.25 1.25 0 0 1 13 13H3a1.25 1.25 0 0 1-1.25-1.25z" />
    </svg>
  )
}

export function FileIcon() {
  return (
    <svg {...base} className="browser-icon browser-icon--file">
      <path d="M4 1.75h5L12.25 5v8.25a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V2.75a1 1 0 0 1 1-1z" />
      <path d="M9 1.75V5h3.25" />
    </svg>
  )
}

export function LinkIcon() {
  return (
    <svg {...base}>
      <path d="M6.75 9.25a2.75 2.75 0 0 0 3.9 0l2.1-2.1a2.75 2.75 0 0 0-3.9-3.9l-.6.6" />
      <path d="M9.25 6.75a2.75 2.75 0 0 0-3.9 0l-2.1 2.1a2.75 2.75 0 0 0 3.9 3.9l.6-.6" />
    </svg>
  )
}

export function ChevronDownIcon() {
  return (
    <svg {...base} width={12} height={12}>
      <path d="m4 6 4 4 4-4" />
    </svg>
  )
}

export function ChevronRightIcon() {
  return (
    <svg {...base} width={12} height={12} className="breadcrumbs__separator">
      <path d="m6 4 4 4-4 4" />
    </svg>
  )
}

export function FolderPlusIcon() {
  return (
    <svg {...base}>
      <path d="M1.75 4.25A1.25 1.25 0 0 1 3 3h3l1.5 1.75H13a1.25 1.25 0 0 1 1.25 1.25v5.75A1.25 1.25 0 0 1 13 13H3a1.25 1.25 0 0 1-1.25-1.25z" />
      <path d="M8 6.75v4M6 8.75h4" />
    </svg>
  )
}

export function SortIcon({ direction }: { direction: 'ascending' | 'descending' | 'none' }) {
  return (
    <svg {...base} width={10} height={10} className={`sort-icon sort-icon--${direction}`}>
      {direction === 'descending' ? <path d="m4 6 4 4 4-4" /> : <path d="m4 10 4-4 4 4" />}
    </svg>
  )
}

export function SearchIcon() {
  return (
    <svg {...base} width={14} height={14} className="filter-box__icon">
      <circle cx="7" cy="7" r="4.25" />
      <path d="m10.25 10.25 3 3" />
    </svg>
  )
}
