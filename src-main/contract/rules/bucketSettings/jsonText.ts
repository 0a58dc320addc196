/* Pure and dependency-free: the editors check as the user types, the main side checks again. */
/**
 * JSON parsing that says where it broke, by line and column
 *
 * JSON.parse's messages differ between engines and keep the last of two equal keys
 * without a word. A policy with "Statement" twice would lose one list of statements
 * silently, so a repeated key is a problem here, like a syntax error.
 */
export type JsonProblemCode =
  | 'json-empty'
  | 'json-expected-value'
  | 'json-expected-key'
  | 'json-expected-colon'
  | 'json-expected-comma'
  | 'json-unterminated-string'
  | 'json-bad-escape'
  | 'json-control-character'
  | 'json-bad-number'
  | 'json-trailing-text'
  | 'json-duplicate-key'

export interface JsonProblem {
  code: JsonProblemCode
  /** 1-based. */
  line: number
  column: number
  /** Offset in the text, for moving the caret there. */
  offset: number
  /** What was found there ("}" or "end of text"), or the repeated key. */
  found: string
}

export type JsonParse = { ok: true; value: unknown } | { ok: false; problem: JsonProblem }

class Stop extends Error {
  constructor(readonly code: JsonProblemCode, readonly offset: number, readonly found?: string) {
    super(code)
  }
}

export function parseJsonText(text: string): JsonParse {
  let i = 0
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i++
  }
  const fail = (code: JsonProblemCode, at = i, found?: string): never => {
    throw new Stop(code, at, found)
  }
  const value = (): unknown => {
    ws()
    const c = text[i]
    if (c === '{') return object()
    if (c === '[') return array()
    if (c === '"') return string()
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return number()
    for (const [word, v] of [['true', true], ['false', false], ['null', null]] as const) {
      if (text.startsWith(word, i)) {
        i += word.length
        return v
      }
    }
    return fail('json-expected-value')
  }
  const object = () => {
    const result: Record<string, unknown> = {}
    const seen = new Set<string>()
    i++
    ws()
    if (text[i] === '}') {
      i++
      return result
    }
    for (;;) {
      ws()
      if (text[i] !== '"') fail('json-expected-key')
      const keyAt = i
      const key = string()
      if (seen.has(key)) fail('json-duplicate-key', keyAt, key)
      seen.add(key)
      ws()
      if (text[i] !== ':') fail('json-expected-colon')
      i++
      Object.defineProperty(result, key, { value: value(), enumerable: true, writable: true, configurable: true })
      ws()
      if (text[i] === ',') {
        i++
        continue
      }
      if (text[i] === '}') {
        i++
        return result
      }
      fail('json-expected-comma')
    }
  }
  const array = () => {
    const result: unknown[] = []
    i++
    ws()
    if (text[i] === ']') {
      i++
      return result
    }
    for (;;) {
      result.push(value())
      ws()
      if (text[i] === ',') {
        i++
        continue
      }
      if (text[i] === ']') {
        i++
        return result
      }
      fail('json-expected-comma')
    }
  }
  const string = (): string => {
    const start = i
    i++
    let out = ''
    for (;;) {
      if (i >= text.length) fail('json-unterminated-string', start)
      const c = text[i] as string
      if (c === '"') {
        i++
        return out
      }
      if (c < ' ') fail('json-control-character')
      if (c === '\\') {
        const e = text[i + 1]
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' }
        if (e !== undefined && simple[e] !== undefined) {
          out += simple[e]
          i += 2
          continue
        }
        if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16))
          i += 6
          continue
        }
        fail('json-bad-escape')
      }
      out += c
      i++
    }
  }
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i))
    if (!match) return fail('json-bad-number')
    i += match[0].length
    return Number(match[0])
  }

  try {
    ws()
    if (i >= text.length) fail('json-empty')
    const result = value()
    ws()
    if (i < text.length) fail('json-trailing-text')
    return { ok: true, value: result }
  } catch (error) {
    if (!(error instanceof Stop)) throw error
    return { ok: false, problem: { code: error.code, offset: error.offset, found: error.found ?? describeAt(text, error.offset), ...lineAndColumn(text, error.offset) } }
  }
}

export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset)
  const lines = before.split('\n')
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 }
}

const describeAt = (text: string, offset: number) => (offset >= text.length ? 'end of text' : JSON.stringify(text[offset]).slice(1, -1))
