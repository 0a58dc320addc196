import { z } from 'zod'
import { call } from '../shared/callSpec'
import { bucketName, id, objectKey } from '../shared/schemaParts'

/**
 * The URL doctor: "Why doesn't this URL work?"
 *
 * It runs its checks in a fixed order and reports each one as it lands (the
 * `urlDoctor/progress` event carries the whole report so far). Every sentence travels as
 * a code with its values, for the window to translate, plus the English as a fallback
 * (contract/words/urlDoctor.ts).
 */

/** The URL forms Cubeta copies that a visitor opens without keys. */
export const doctorUrlForm = z.enum(['public', 'path-style', 'custom-base'])
export type DoctorUrlForm = z.infer<typeof doctorUrlForm>

/** How the site uses the file: a plain <img> or link needs no CORS; the others do. */
export const doctorUsage = z.enum(['page', 'fetch', 'canvas', 'font'])
export type DoctorUsage = z.infer<typeof doctorUsage>

/** A site's origin, "https://blog.example": its pages send it as Referer and Origin. */
const siteOrigin = z
  .string()
  .trim()
  .max(2048)
  .transform((value, ctx) => {
    const url = URL.canParse(value) ? new URL(value) : URL.canParse(`https://${value}`) && !value.includes('://') ? new URL(`https://${value}`) : null
    if (!url || !/^https?:$/.test(url.protocol) || url.username || url.password || (url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
      ctx.addIssue({ code: 'custom', message: 'a site address looks like https://blog.example' })
      return z.NEVER
    }
    return url.origin
  })
  .nullable()

const doctorQuestionFields = {
  profileId: id,
  bucket: bucketName,
  /** An object key, or a folder prefix ending in "/" (its first file is checked). */
  key: objectKey,
  form: doctorUrlForm,
  origin: siteOrigin,
  usage: doctorUsage,
}
export type DoctorQuestion = z.output<z.ZodObject<typeof doctorQuestionFields>>

/** In the order they run. */
export const doctorCheckIds = ['request', 'account-block', 'bucket-block', 'policy', 'ownership', 'object', 'cors', 'requester-pays', 'base-url'] as const
export type DoctorCheckId = (typeof doctorCheckIds)[number]

/**
 * waiting/running: not done yet; pass/warn/fail: judged; not-checked: the profile's key
 * may not read what the check needs (never shown as a pass); skipped: does not apply
 * here (no CORS use, not AWS, no base URL...).
 */
export type DoctorCheckState = 'waiting' | 'running' | 'pass' | 'warn' | 'fail' | 'not-checked' | 'skipped'

/** A sentence the window translates by its code; `message` is the English. */
export interface DoctorText {
  code: string
  params: Record<string, string | number>
  message: string
}

export interface DoctorFinding extends DoctorText {
  /** cause: why the URL fails (or downloads instead of showing); warning: works, but fragile; info: what was seen. */
  severity: 'cause' | 'warning' | 'info'
  fix: DoctorFix | null
}

export type DoctorFix =
  /** A change Cubeta makes after showing exactly this, and asking. */
  | { kind: 'apply'; id: string; title: DoctorText; changes: DoctorChange[]; caution: DoctorText | null }
  /** What to do, where Cubeta must not act (account settings, KMS keys, your CDN). */
  | { kind: 'words'; text: DoctorText }
  /** No URL can reach this key: rename it (the window opens Rename with this name). */
  | { kind: 'rename'; key: string; suggestion: string; text: DoctorText }
  /** A key that does exist and is probably the one meant: check that one instead. */
  | { kind: 'use-key'; key: string; text: DoctorText }

export interface DoctorChange {
  /** What changes: "Bucket policy", "Content-Type"... */
  label: DoctorText
  /** As it is now (null: nothing there), and as it will be (null: removed). */
  before: string | null
  after: string | null
}

export interface DoctorCheck {
  id: DoctorCheckId
  state: DoctorCheckState
  findings: DoctorFinding[]
}

export interface DoctorReport {
  runId: string
  question: DoctorQuestion
  /** The object checked: the key itself, or the first file under the folder. */
  checkedKey: string | null
  /** The URL a visitor would open. */
  url: string | null
  checks: DoctorCheck[]
  finished: boolean
  /** The cause in one sentence, with its fix; or that the URL works. Null while running. */
  conclusion: DoctorFinding | null
}

export const urlDoctorCalls = {
  /** Runs every check for one object's URL; `urlDoctor/progress` shows each verdict as it lands. */
  'urlDoctor/run': call<DoctorReport>()(z.object({ ...doctorQuestionFields, runId: id }).strict()),
  /** Applies a fix a run showed (only as shown: the bucket is checked first), then runs the doctor again as `nextRunId`. */
  'urlDoctor/applyFix': call<DoctorReport>()(z.object({ runId: id, fixId: z.string().min(1).max(64), nextRunId: id }).strict()),
}

export interface UrlDoctorEvents {
  'urlDoctor/progress': DoctorReport
}
