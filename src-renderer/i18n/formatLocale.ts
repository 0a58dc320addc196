import { useLanguageStore } from '../features/language/languageStore'

/** The format locale for the UI language now in use; components re-render when either changes. */
export function useFormatLocale(): string {
  return useLanguageStore((s) => s.formatLocale)
}
