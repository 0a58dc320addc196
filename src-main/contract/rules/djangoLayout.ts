/* Pure and dependency-free: the verify step, the export panel and the tests agree on it. */

/**
 * Where a Django site's files go in its bucket
 *
 * Uploads (the default storage) and collectstatic's files each get their own prefix.
 * Sharing the bucket's root lets `collectstatic --clear` walk the uploads, and makes
 * django-storages ask S3 for an empty key (ParamValidationError: Invalid length for
 * parameter Key).
 */
export const djangoMediaLocation = 'media'
export const djangoStaticLocation = 'static'

/** The wizard's test image sits where Django's uploads go, so its URL has their shape. */
export const testImageKey = (now: number): string => `${djangoMediaLocation}/cubeta-check/cubeta-check-${now}.png`
