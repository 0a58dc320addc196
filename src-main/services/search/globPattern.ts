/**
 * Globs, as people type them in a file search
 *
 * - `*` is any run of characters within one folder name, `?` one character, `[abc]`,
 *   `[a-z]` and `[!abc]` (or `[^abc]`) one character from (or not from) a set;
 * - `**` between slashes (`2024/**\/foto*`, `**\/*.css`, `static/**`) is any number of
 *   folders, none included; elsewhere it is a plain `*`;
 * - `{png,jpg}` is either word; `{hash}` is 6 or more hex digits, the part of a hashed
 *   static name (`app.3f9a2c.css`) that changes with its content;
 * - `\` makes the next character literal.
 * A pattern without a "/" is matched against the name alone, anywhere below the search
 * folder (`*.png` finds every PNG); one with a "/" against the path below the folder.
 *
 * Two translations: an exact RegExp, and a looser SQLite GLOB that can only say "maybe"
 * (its `*` also crosses "/"), which lets SQLite skip most rows before the RegExp decides.
 * Neither ever throws: an unclosed `[` or `{` is taken literally.
 */
export interface CompiledGlob {
  /** Matches the whole name (or path) it is given. */
  regexp: RegExp
  /** A SQLite GLOB that every exact match also matches. */
  looseGlob: string
  /** Whether the pattern is matched against paths (it has a "/") or names. */
  matchesPaths: boolean
  /** The text every match starts with (the pattern up to its first wildcard), for a key range. */
  leadingText: string
}

export function isGlob(text: string): boolean {
  return /[*?[\]{}\\]/.test(text)
}

type Token = { kind: 'literal'; text: string } | { kind: 'star' } | { kind: 'globstar' } | { kind: 'one' } | { kind: 'set'; negated: boolean; body: string } | { kind: 'either'; options: string[] } | { kind: 'hash' }

export function compileGlob(pattern: string): CompiledGlob {
  const matchesPaths = pattern.includes('/')
  const source = pattern.replace(/^\/+/, '')
  const tokens = tokenize(source)
  const leadingText = tokens[0]?.kind === 'literal' ? tokens[0].text : ''
  let regexp = ''
  let loose = ''
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!
    switch (token.kind) {
      case 'literal':
        regexp += escapeRegExp(token.text)
        loose += escapeSqliteGlob(token.text)
        break
      case 'star':
        regexp += '[^/]*'
        loose += '*'
        break
      case 'globstar': {
        // "**/" : zero or more whole folders; a final "/**": everything below.
        const next = tokens[i + 1]
        if (next?.kind === 'literal' && next.text.startsWith('/')) {
          regexp += '(?:[^/]*/)*'
          tokens[i + 1] = { kind: 'literal', text: next.text.slice(1) }
        } else regexp += '.*'
        loose += '*'
        break
      }
      case 'one':
        regexp += '[^/]'
        loose += '?'
        break
      case 'set': {
        const set = setRegExp(token)
        regexp += set ?? escapeRegExp(`[${token.negated ? '!' : ''}${token.body}]`)
        loose += set ? '?' : escapeSqliteGlob(`[${token.negated ? '!' : ''}${token.body}]`)
        break
      }
      case 'either':
        regexp += `(?:${token.options.map(escapeRegExp).join('|')})`
        loose += '*'
        break
      case 'hash':
        regexp += '[0-9a-fA-F]{6,}'
        loose += '*'
        break
    }
  }
  // Sets and alternatives become "?"/"*" in the loose form; collapse runs of "*".
  return { regexp: new RegExp(`^${regexp}$`, 'su'), looseGlob: loose.replace(/\*{2,}/g, '*'), matchesPaths, leadingText }
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = []
  const literal = (text: string) => {
    const last = tokens.at(-1)
    if (last?.kind === 'literal') last.text += text
    else tokens.push({ kind: 'literal', text })
  }
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!
    if (c === '\\') {
      literal(source[i + 1] ?? '\\')
      i++
    } else if (c === '*') {
      let end = i
      while (source[end + 1] === '*') end++
      const atStart = i === 0 || source[i - 1] === '/'
      const atEnd = end === source.length - 1 || source[end + 1] === '/'
      tokens.push(end > i && atStart && atEnd ? { kind: 'globstar' } : { kind: 'star' })
      i = end
    } else if (c === '?') tokens.push({ kind: 'one' })
    else if (c === '[') {
      const close = source.indexOf(']', i + 2)
      if (close === -1) {
        literal('[')
        continue
      }
      let body = source.slice(i + 1, close)
      const negated = body.startsWith('!') || body.startsWith('^')
      if (negated) body = body.slice(1)
      if (body === '') literal(source.slice(i, close + 1))
      else tokens.push({ kind: 'set', negated, body })
      i = close
    } else if (c === '{') {
      const close = source.indexOf('}', i + 1)
      if (close === -1) {
        literal('{')
        continue
      }
      const body = source.slice(i + 1, close)
      if (body === 'hash') tokens.push({ kind: 'hash' })
      else if (body.includes(',')) tokens.push({ kind: 'either', options: body.split(',') })
      else literal(source.slice(i, close + 1))
      i = close
    } else literal(c)
  }
  return tokens
}

/** One character from a set, never "/"; null when the set is no valid range ("[z-a]"). */
function setRegExp(token: Extract<Token, { kind: 'set' }>): string | null {
  const body = token.body.replace(/\//g, '').replace(/[\\\]^[]/g, (c) => `\\${c}`)
  if (body === '') return token.negated ? '[^/]' : '(?!)'
  const source = token.negated ? `[^/${body}]` : `(?!/)[${body}]`
  try {
    new RegExp(source, 'u')
    return source
  } catch {
    return null
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, (c) => `\\${c}`)
}

/** In SQLite's GLOB only `*`, `?` and `[` are special; a bracket makes each literal. */
function escapeSqliteGlob(text: string): string {
  return text.replace(/[*?[]/g, (c) => `[${c}]`)
}
