import type { BridgeError } from '../../src-main/contract/bridge'

/** Reads one raw, uninterpolated string of the UI language's catalog, or undefined if absent. */
export type CatalogLookup = (key: string) => string | undefined

export interface ShownError {
  message: string
  hint: string
}

/** The language the main process writes its messages in. */
export const serverLanguage = 'en'

/**
 * The words a user sees for a bridge error
 *
 * The server already speaks English, and its English sentences are the most specific
 * (file paths, per-platform keychain hints), so they are shown as they are. Other
 * languages translate by `code`, filling `{{param}}` from `error.params`. A translation
 * is used only when both its message and hint exist and every placeholder could be
 * filled: half a translation, or a stray `{{name}}`, reads worse than plain English.
 * When the server named the missing permission, `errors.<code>.withPermission` (which
 * says it) is preferred to the general sentence.
 */
export function translateError(error: BridgeError, language: string, lookup: CatalogLookup): ShownError {
  const original = { message: error.message, hint: error.hint }
  if (language === serverLanguage) return original
  const translated = (base: string) => {
    const message = fill(lookup(`${base}.message`), error.params)
    const hint = fill(lookup(`${base}.hint`), error.params)
    return message !== null && hint !== null ? { message, hint } : null
  }
  const specific = error.params?.permission !== undefined ? translated(`errors.${error.code}.withPermission`) : null
  return specific ?? translated(`errors.${error.code}`) ?? original
}

const placeholder = /\{\{\s*([\w.-]+)\s*\}\}/g

/** Interpolates a template, or returns null when a value is missing. */
export function fill(template: string | undefined, params: BridgeError['params']): string | null {
  if (typeof template !== 'string') return null
  let complete = true
  const text = template.replace(placeholder, (_match, name: string) => {
    const value = params?.[name]
    if (value === undefined) {
      complete = false
      return ''
    }
    return String(value)
  })
  return complete ? text : null
}
