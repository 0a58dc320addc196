import { djangoMediaLocation, djangoStaticLocation } from '../../../src-main/contract/rules/djangoLayout'
import { encodeKey } from '../../../src-main/contract/rules/publicUrl'
import type en from './i18n/en.json'

/**
 * The texts the export panel hands over, pasted into a Django project as they are
 *
 * Pure, so the integration test builds a real Django project from exactly these strings
 * (tests/integration/djangoHandover.test.ts). The comments inside are in the UI's
 * language: `words` is the catalog's `export.snippet` subtree. Nothing here holds a
 * secret: the settings read the .env the main process wrote.
 */
export type SnippetWords = typeof en.export.snippet

/** STORAGES came in Django 4.2; 3.2 to 4.1 name each storage by its own setting. */
export type DjangoForm = 'storages' | 'legacy'

export const pipInstallLine = 'pip install "django-storages>=1.14" boto3 python-dotenv'

/** A static file every stock project has after collectstatic: django.contrib.admin's. */
export const exampleStaticFile = 'admin/img/icon-yes.svg'

export function settingsSnippet(form: DjangoForm, words: SnippetWords): string {
  const legacy = form === 'legacy'
  return [
    `# ${legacy ? words.legacyWhere : words.storagesWhere}`,
    `# ${pipInstallLine}`,
    'import os',
    '',
    'from dotenv import load_dotenv',
    ...(legacy ? ['from storages.backends.s3 import S3Storage'] : []),
    '',
    `# ${words.dotenv}`,
    // Projects begun before Django 3.1 may still have a str BASE_DIR: os.path.join takes both.
    legacy ? 'load_dotenv(os.path.join(BASE_DIR, ".env"))' : 'load_dotenv(BASE_DIR / ".env")',
    '',
    'AWS_ACCESS_KEY_ID = os.environ["AWS_ACCESS_KEY_ID"]',
    'AWS_SECRET_ACCESS_KEY = os.environ["AWS_SECRET_ACCESS_KEY"]',
    'AWS_STORAGE_BUCKET_NAME = os.environ["AWS_STORAGE_BUCKET_NAME"]',
    'AWS_S3_REGION_NAME = os.environ["AWS_S3_REGION_NAME"]',
    `AWS_DEFAULT_ACL = None  # ${words.acl}`,
    `AWS_QUERYSTRING_AUTH = False  # ${words.querystring}`,
    `AWS_S3_FILE_OVERWRITE = False  # ${words.overwrite}`,
    '',
    `# ${words.folders}`,
    `# ${words.foldersWhy}`,
    ...(legacy ? legacyStorages(words) : storagesSetting()),
    '',
  ].join('\n')
}

function storagesSetting(): string[] {
  return [
    'STORAGES = {',
    '    "default": {',
    '        "BACKEND": "storages.backends.s3.S3Storage",',
    `        "OPTIONS": {"location": "${djangoMediaLocation}"},`,
    '    },',
    '    "staticfiles": {',
    '        "BACKEND": "storages.backends.s3.S3Storage",',
    `        "OPTIONS": {"location": "${djangoStaticLocation}"},`,
    '    },',
    '}',
  ]
}

/** Classes in settings.py itself, named by `__name__`, so nothing depends on the project's name. */
function legacyStorages(words: SnippetWords): string[] {
  return [
    `# ${words.legacyClasses}`,
    'class MediaStorage(S3Storage):',
    `    location = "${djangoMediaLocation}"`,
    '',
    '',
    'class StaticStorage(S3Storage):',
    `    location = "${djangoStaticLocation}"`,
    '',
    '',
    'DEFAULT_FILE_STORAGE = f"{__name__}.MediaStorage"',
    'STATICFILES_STORAGE = f"{__name__}.StaticStorage"',
  ]
}

/**
 * Template lines whose every URL serves: the kept test image (only when it was kept),
 * an upload's URL from its model field, and a static file through {% static %}.
 */
export function templateExample(keptImageUrl: string | null, words: SnippetWords): string {
  const kept = keptImageUrl ? [`{# ${words.keptImage} #}`, `<img src="${escapeAttribute(keptImageUrl)}" alt="">`, ''] : []
  return [
    '{% load static %}',
    '',
    ...kept,
    `{# ${words.uploaded} #}`,
    '<img src="{{ photo.image.url }}" alt="">',
    '',
    `{# ${words.staticFile} #}`,
    `<img src="{% static '${exampleStaticFile}' %}" alt="">`,
    '',
  ].join('\n')
}

/** The URL a file saved as `words.exampleFile` gets: the shape of every upload's URL. */
export const uploadUrlShape = (mediaBaseUrl: string, words: SnippetWords): string => `${mediaBaseUrl}${encodeKey(words.exampleFile)}`

const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;')
