import { createInstance } from 'i18next'
import { describe, expect, it } from 'vitest'
import { bucketNameProblems, bucketNameWarnings } from '../../../src-main/contract/rules/bucketNameRule'
import { iamUserNameProblems } from '../../../src-main/contract/rules/iamUserNameRule'
import { registerSetupWizardTranslations, setupNamespace } from '../../../src-renderer/features/setupWizard/i18n'
import en from '../../../src-renderer/features/setupWizard/i18n/en.json'
import es from '../../../src-renderer/features/setupWizard/i18n/es.json'

type Tree = { [key: string]: string | Tree }

const flatten = (tree: Tree, prefix = ''): Record<string, string> =>
  Object.fromEntries(
    Object.entries(tree).flatMap(([key, value]) =>
      typeof value === 'string' ? [[`${prefix}${key}`, value]] : Object.entries(flatten(value, `${prefix}${key}.`)),
    ),
  )
const english = flatten(en as Tree)
const spanish = flatten(es as Tree)
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort()

describe('setup wizard catalogs', () => {
  // Keys, placeholders and plural forms of every catalog: tests/unit/catalogs.test.ts.
  it('translate every rule code the pure rules can produce', () => {
    const samples = ['a', 'Ab', 'a_b', '-ab', 'ab-', 'a..b', '192.168.1.1', 'xn--ab', 'ab-s3alias', '', 'a b', 'a#b', 'x'.repeat(65)]
    const codes = new Set(samples.flatMap((s) => [...bucketNameProblems(s), ...bucketNameWarnings(s), ...iamUserNameProblems(s)].map((p) => p.code)))
    const expected = ['bucket-length', 'bucket-uppercase', 'bucket-characters', 'bucket-start', 'bucket-end', 'bucket-double-dot', 'bucket-ip',
      'bucket-reserved-prefix', 'bucket-reserved-suffix', 'bucket-dots', 'user-length', 'user-space', 'user-characters']
    expect([...codes].sort()).toEqual([...expected].sort())
    for (const code of codes) {
      expect(english[`problems.${code}`], code).toBeDefined()
      expect(spanish[`problems.${code}`], code).toBeDefined()
    }
  })

  it('translate the setup error codes, message and hint', () => {
    const codes = ['access-denied', 'user-not-found', 'bucket-taken', 'bucket-other-region', 'malformed-policy', 'policy-unreadable', 'key-not-active',
      'account-blocks-public', 'public-read-refused', 'public-url-wrong', 'public-url-unreachable', 'setup-busy', 'setup-finished',
      'setup-admin-forgotten', 'setup-session-gone', 'setup-needs-aws', 'setup-user-changed', 'setup-not-verified', 'setup-no-key',
      'invalid-access-key-id', 'signature-mismatch', 'profile-name-taken']
    for (const code of codes) {
      for (const part of ['message', 'hint']) {
        expect(english[`errors.${code}.${part}`], `${code}.${part}`).toBeDefined()
        expect(spanish[`errors.${code}.${part}`], `${code}.${part}`).toBeDefined()
      }
    }
    // The params the server sends are the ones the translations use.
    expect(placeholders(spanish['errors.bucket-other-region.message'] ?? '')).toEqual(['bucket', 'region'])
    expect(placeholders(spanish['errors.user-not-found.message'] ?? '')).toEqual(['name'])
  })

  it('use the exact English accessible names the tests and the docs rely on', () => {
    const names = ['admin.accessKeyId', 'admin.secretAccessKey', 'user.name', 'bucket.name', 'bucket.region', 'verified.profileName', 'admin.profile',
      'admin.sourceKeys', 'admin.sourceProfile', 'user.modeNew', 'user.modeExisting', 'user.leastPrivilege', 'user.fullAccess', 'publicRead.cors',
      'publicRead.keepTest', 'nav.next', 'nav.back', 'nav.setUp', 'run.tryAgain', 'run.rollBack', 'nav.cancel', 'nav.finish', 'publicRead.copyPolicy',
      'export.copyEnv', 'export.revealSecret', 'export.copySettings', 'export.copyTemplate', 'export.openBucket', 'run.deleteAndContinue',
      'admin.checkAgain', 'title']
    expect(names.map((key) => english[key])).toEqual(['Access key ID', 'Secret access key', 'IAM user name', 'Bucket name', 'Region', 'Profile name',
      'Admin profile', 'Paste admin keys', 'Use a saved profile', 'Create a new user', 'Use an existing user', 'Least privilege (recommended)',
      'Full access, as in the tutorial (AmazonS3FullAccess)', 'Allow CORS GET from any site', 'Keep the test image', 'Next', 'Back', 'Set up', 'Try again', 'Roll back', 'Cancel',
      'Finish', 'Copy policy', 'Copy .env', 'Reveal secret', 'Copy settings', 'Copy template', 'Open the bucket', 'Delete the selected key and continue',
      'Check again', 'Guided setup'])
    expect(english['cancel.rollBack']).toBe('Roll back')
    expect(english['verified.imageAlt']).toBe('The test image, fetched anonymously from its public URL')
    expect(english['admin.safety']).toBe('These keys are used for setup only. They stay in memory and are forgotten when the wizard ends.')
    expect(english['publicRead.whatBecomesPublic']).toBe('Objects can be read by anyone who has their URL. Listing the bucket stays private.')
  })

  it('registers into its own namespace, once, without touching the shell’s', () => {
    const i18n = createInstance()
    void i18n.init({ resources: { en: { translation: { nav: { next: 'shell' } } } }, lng: 'es', fallbackLng: 'en', initAsync: false })
    registerSetupWizardTranslations(i18n)
    registerSetupWizardTranslations(i18n)
    expect(i18n.t('nav.next', { ns: setupNamespace })).toBe('Siguiente')
    expect(i18n.t('title', { ns: setupNamespace, lng: 'en' })).toBe('Guided setup')
    expect(i18n.t('nav.next', { lng: 'en' })).toBe('shell')
  })
})
