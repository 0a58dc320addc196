/** Decorative icons: always next to text, so hidden from assistive technology. */

export const iconBase = {
  width: 16,
  height: 16,
  viewBox: '0 0 16 16',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.5,
  strokeLinecap: 'round' as const,
  strokeLinejoin: 'round' as const,
  'aria-hidden': true,
  focusable: false,
}

export function BucketIcon({ size = 16 }: { size?: number }) {
  return (
    <svg {...iconBase} width={size} height={size}>
      <ellipse cx="8" cy="3.5" rx="5.5" ry="1.75" />
      <path d="M2.5 3.5 4 13a1.5 1.5 0 0 0 1.5 1.25h5A1.5 1.5 0 0 0 12 13l1.5-9.5" />
    </svg>
  )
}

export function PlusIcon() {
  return (
    <svg {...iconBase}>
      <path d="M8 3v10M3 8h10" />
    </svg>
  )
}

export function RefreshIcon() {
  return (
    <svg {...iconBase}>
      <path d="M13 8a5 5 0 1 1-1.5-3.55" />
      <path d="M13 2.5v3h-3" />
    </svg>
  )
}

export function ImportIcon() {
  return (
    <svg {...iconBase}>
      <path d="M8 2.5v7.5M5 7l3 3 3-3" />
      <path d="M3 11.5v1A1.5 1.5 0 0 0 4.5 14h7a1.5 1.5 0 0 0 1.5-1.5v-1" />
    </svg>
  )
}

export function AlertIcon() {
  return (
    <svg {...iconBase} className="notice__icon">
      <path d="M8 1.75 14.5 13.5h-13z" />
      <path d="M8 6.25v3.25M8 11.5v.25" />
    </svg>
  )
}

export function KeyIcon() {
  return (
    <svg {...iconBase}>
      <circle cx="5.5" cy="10.5" r="3" />
      <path d="m7.6 8.4 5.9-5.9M11.5 4.5l1.5 1.5" />
    </svg>
  )
}

export function ClockIcon() {
  return (
    <svg {...iconBase} width={12} height={12}>
      <circle cx="8" cy="8" r="6" />
      <path d="M8 4.75V8l2 1.5" />
    </svg>
  )
}

export function CloseIcon() {
  return (
    <svg {...iconBase} width={14} height={14}>
      <path d="m4 4 8 8M12 4l-8 8" />
    </svg>
  )
}

/** Guided setup: the one action that does many steps for you. */
export function SparkIcon() {
  return (
    <svg {...iconBase}>
      <path d="M8 1.5v3M8 11.5v3M1.5 8h3M11.5 8h3M3.4 3.4l2.1 2.1M10.5 10.5l2.1 2.1M12.6 3.4l-2.1 2.1M5.5 10.5l-2.1 2.1" />
    </svg>
  )
}
