/* Pure and dependency-free: the renderer checks as the user types, the main side checks again. */
import type { NameProblem } from './bucketNameRule'

/** IAM user names: 1 to 64 characters of letters, digits and + = , . @ _ - */
export function iamUserNameProblems(name: string): NameProblem[] {
  const problems: NameProblem[] = []
  if (name.length < 1 || name.length > 64) problems.push({ code: 'user-length', message: 'A user name has 1 to 64 characters.' })
  if (/\s/.test(name)) problems.push({ code: 'user-space', message: 'A user name cannot contain spaces; use - or _ instead.' })
  else if (/[^A-Za-z0-9+=,.@_-]/.test(name)) {
    problems.push({ code: 'user-characters', message: 'Use only letters, digits and + = , . @ _ - in a user name.' })
  }
  return problems
}
