import { expect, type Locator, type Page } from '@playwright/test'

/** The steps several journeys share, as a user does them through the UI. */
const profileWords = {
  en: { add: 'Add a profile', name: 'Profile name', keyId: 'Access key ID', secret: 'Secret access key', region: 'Region', save: 'Save profile', buckets: 'Buckets' },
  es: { add: 'Agregar un perfil', name: 'Nombre del perfil', keyId: 'ID de clave de acceso', secret: 'Clave de acceso secreta', region: 'Región', save: 'Guardar perfil', buckets: 'Buckets' },
}

/** A profile added through the welcome screen's form, in the page's language; ends on the bucket list. */
export async function addProfileThroughUi(
  page: Page,
  keys: { accessKeyId: string; secretAccessKey: string },
  options: { name?: string; region?: string; language?: 'en' | 'es' } = {},
) {
  const words = profileWords[options.language ?? 'en']
  await page.getByRole('button', { name: words.add }).click()
  await page.getByLabel(words.name).fill(options.name ?? 'Mi proyecto Django')
  await page.getByLabel(words.keyId).fill(keys.accessKeyId)
  await page.getByLabel(words.secret).fill(keys.secretAccessKey)
  await page.getByLabel(words.region).selectOption(options.region ?? 'eu-west-1')
  await page.getByRole('button', { name: words.save }).click()
  await expect(page.getByRole('table', { name: words.buckets })).toBeVisible()
}

/** "Upload files", then the files chosen in the browser's file picker. */
export async function uploadThroughPicker(page: Page, paths: string | string[]) {
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Upload files' }).click()
  await (await chooser).setFiles(paths)
}

/** A public-read policy like the one setup writes, for tests that fetch URLs anonymously. */
export function publicReadPolicy(bucket: string): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Sid: 'TestPublicRead', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/*` }],
  })
}

/**
 * An action on the selection from the folder toolbar: its button when the window is wide
 * enough to show it, else the same action in the toolbar's "More" menu. Returns the
 * control that was clicked in the toolbar, where focus belongs after a dialog it opens.
 */
export async function folderAction(page: Page, name: string, words: { toolbar: string; more: string } = { toolbar: 'Folder actions', more: 'More' }): Promise<Locator> {
  const toolbar = page.getByRole('group', { name: words.toolbar })
  const button = toolbar.getByRole('button', { name, exact: true })
  if (await button.isVisible()) {
    await button.click()
    return button
  }
  const more = toolbar.getByRole('button', { name: words.more, exact: true })
  await more.click()
  await page.getByRole('menu').getByRole(name === 'Properties' || name === 'Propiedades' ? 'menuitemcheckbox' : 'menuitem', { name, exact: true }).click()
  return more
}
