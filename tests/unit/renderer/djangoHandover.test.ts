import { describe, expect, it } from 'vitest'
import { exampleStaticFile, pipInstallLine, settingsSnippet, templateExample, uploadUrlShape } from '../../../src-renderer/features/setupWizard/djangoHandover'
import en from '../../../src-renderer/features/setupWizard/i18n/en.json'
import es from '../../../src-renderer/features/setupWizard/i18n/es.json'

/** The real paste test is tests/integration/djangoHandover.test.ts; these pin the texts' shape. */
const languages = { en: en.export.snippet, es: es.export.snippet }

describe.each(Object.entries(languages))('the Django handover in %s', (_language, words) => {
  it('has comments that stay comments: one line each, never closing a template comment', () => {
    for (const [key, text] of Object.entries(words)) {
      expect(text, key).not.toMatch(/[\r\n]/)
      expect(text, key).not.toContain('#}')
    }
  })

  it('loads the .env beside manage.py, names python-dotenv on the pip line, and keeps media and static apart', () => {
    for (const form of ['storages', 'legacy'] as const) {
      const text = settingsSnippet(form, words)
      expect(text).toContain(`# ${pipInstallLine}`)
      expect(pipInstallLine).toContain('python-dotenv')
      expect(text).toMatch(/^load_dotenv\(.*BASE_DIR.*"\.env"\)+$/m)
      expect(text).toContain(`# ${words.dotenv}`)
      expect(text).toContain('AWS_DEFAULT_ACL = None')
      expect(text).toContain('AWS_QUERYSTRING_AUTH = False')
      expect(text.match(/"media"/g)).toHaveLength(1)
      expect(text.match(/"static"/g)).toHaveLength(1)
    }
  })

  it('uses STORAGES for Django 4.2 or newer, and the two older settings for 3.2 to 4.1', () => {
    const storages = settingsSnippet('storages', words)
    const legacy = settingsSnippet('legacy', words)
    expect(storages).toContain(`# ${words.storagesWhere}`)
    expect(storages).toContain('STORAGES = {')
    expect(storages).not.toContain('DEFAULT_FILE_STORAGE')
    expect(legacy).toContain(`# ${words.legacyWhere}`)
    expect(legacy).not.toContain('STORAGES = {')
    expect(legacy).toContain('DEFAULT_FILE_STORAGE = f"{__name__}.MediaStorage"')
    expect(legacy).toContain('STATICFILES_STORAGE = f"{__name__}.StaticStorage"')
  })

  it('shows the test image only when it was kept, and then with its URL escaped for an attribute', () => {
    const without = templateExample(null, words)
    expect(without).not.toMatch(/https?:/)
    expect(without).toContain('{{ photo.image.url }}')
    expect(without).toContain(`{% static '${exampleStaticFile}' %}`)
    expect(without.startsWith('{% load static %}\n')).toBe(true)
    const kept = templateExample('https://b.s3.eu-west-1.amazonaws.com/media/a%20b.png?x=1&y="2"', words)
    expect(kept).toContain('<img src="https://b.s3.eu-west-1.amazonaws.com/media/a%20b.png?x=1&amp;y=&quot;2&quot;" alt="">')
    expect(kept).toContain(`{# ${words.keptImage} #}`)
  })
})

describe('the shape of an upload’s URL', () => {
  it('is the media base with the example name encoded per segment', () => {
    expect(uploadUrlShape('https://b.s3.eu-west-1.amazonaws.com/media/', es.export.snippet)).toBe('https://b.s3.eu-west-1.amazonaws.com/media/fotos/ejemplo.jpg')
    expect(uploadUrlShape('http://127.0.0.1:9/b/media/', { ...en.export.snippet, exampleFile: 'año 1/a+b.jpg' })).toBe('http://127.0.0.1:9/b/media/a%C3%B1o%201/a%2Bb.jpg')
  })
})
