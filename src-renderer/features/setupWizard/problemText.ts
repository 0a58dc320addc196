import type { TFunction } from 'i18next'
import type { NameProblem } from '../../../src-main/contract/rules/bucketNameRule'

/** The quoted part of a rule's English message, e.g. the reserved prefix in “xn--”. */
export const quotedPart = (message: string): string => /“([^”]*)”/.exec(message)?.[1] ?? ''

/** A rule problem in the UI language, by its code; the rule's English if the code is new. */
export function problemText(t: TFunction, problem: NameProblem | undefined): string | undefined {
  if (!problem) return undefined
  return t(`problems.${problem.code}`, { defaultValue: problem.message, part: quotedPart(problem.message) })
}
