/**
 * What a profile's fields may hold: the bridge schemas and the renderer's forms both
 * read these, so a field is never refused by one side with a limit the other didn't show.
 */
export const profileNameMaxLength = 64
export const accessKeyIdMinLength = 3
export const accessKeyIdMaxLength = 128
export const secretAccessKeyMaxLength = 256

/** IAM access key ids are letters and digits; other stores add a few symbols. */
export const accessKeyIdPattern = /^[\w+=,.@-]+$/

/** A pasted secret with a space or newline around it is a copy mistake, not a secret. */
export const hasSurroundingSpace = (value: string): boolean => value.trim() !== value
