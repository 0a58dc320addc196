import { describe, expect, it } from 'vitest'
import { savedThemeChoice, themeAttribute } from '../../../src-renderer/features/theme/themeChoice'

describe('theme choice', () => {
  it('follows the OS unless the user picked light or dark', () => {
    expect(savedThemeChoice(null)).toBe('system')
    expect(savedThemeChoice('purple')).toBe('system')
    expect(savedThemeChoice('dark')).toBe('dark')
    expect(themeAttribute('system')).toBeNull()
    expect(themeAttribute('light')).toBe('light')
  })
})
