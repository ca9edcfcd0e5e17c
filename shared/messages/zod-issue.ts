// zod's issues as Messages, read from the issue's code and data (minimum, maximum, expected type, options,
// keys), never from zod's English. Our own refinements put their Message in the issue's params
// (customIssue below), so a custom issue carries its Message through zod untouched.
import type { z } from 'zod'
import { message, isMessageValue, type Message } from './message'
import { inlineList } from './message-list'

type Issue = z.core.$ZodIssue

/** params for ctx.addIssue / refine: an issue whose text is our Message */
export function customIssue(path: PropertyKey[], m: Message): { code: 'custom'; path: PropertyKey[]; message: string; params: { message: Message } } {
  // zod wants a string message too; the key stands in, and nothing shows it
  return { code: 'custom', path, message: m.key, params: { message: m } }
}

const quoted = (v: unknown): string => (typeof v === 'string' ? v : String(v))

function sizeMessage(issue: Extract<Issue, { code: 'too_small' | 'too_big' }>): Message {
  const small = issue.code === 'too_small'
  const n = Number(small ? issue.minimum : issue.maximum)
  switch (issue.origin) {
    case 'number':
    case 'int':
    case 'bigint':
      if (small) return message(issue.inclusive ? 'validation.atLeast' : 'validation.greaterThan', { n })
      return message(issue.inclusive ? 'validation.atMost' : 'validation.lessThan', { n })
    case 'string':
      if (small) return n <= 1 ? message('validation.required') : message('validation.tooShort', { n })
      return message('validation.tooLong', { n })
    case 'array':
    case 'set':
      if (issue.exact) return message('validation.exactItems', { n })
      return message(small ? 'validation.minItems' : 'validation.maxItems', { n })
    default:
      return message('validation.invalid')
  }
}

function typeMessage(expected: string): Message {
  if (expected === 'int') return message('validation.integer')
  if (expected === 'number') return message('validation.number')
  return message('validation.wrongType')
}

/** One zod issue as a Message. */
export function zodIssueMessage(issue: Issue): Message {
  switch (issue.code) {
    case 'custom': {
      const m = (issue.params as { message?: unknown } | undefined)?.message
      return isMessageValue(m) ? m : message('validation.invalid')
    }
    case 'invalid_type':
      return typeMessage(issue.expected)
    case 'too_small':
    case 'too_big':
      return sizeMessage(issue)
    case 'invalid_value':
      return issue.values.length === 1
        ? message('validation.expected', { value: quoted(issue.values[0]) })
        : message('validation.oneOf', { options: issue.values.map(quoted).join(', ') })
    case 'invalid_union':
      // a discriminated union with an unknown tag: name the tags it takes
      if (issue.discriminator && 'options' in issue && issue.options?.length)
        return message('validation.oneOf', { options: issue.options.map(quoted).join(', ') })
      return message('validation.invalid')
    case 'unrecognized_keys':
      return message('validation.unrecognizedKeys', { keys: issue.keys.join(', ') })
    case 'invalid_format':
      return message('validation.badFormat')
    default:
      return message('validation.invalid')
  }
}

/** The dotted path of an issue, as field errors name their field. */
export function issueField(issue: Issue, whole = '(spec)'): string {
  return issue.path.map(String).join('.') || whole
}

/** Several issues as one Message, each behind its path ("field a: ...; and field b: ..."); at most `max`. */
export function zodIssuesMessage(issues: readonly Issue[], whole = '(root)', max = 8): Message {
  if (issues.length === 0) return message('validation.invalid')
  return inlineList(issues.slice(0, max).map((i) => message('errmsg.fieldIssue', { field: issueField(i, whole), issue: zodIssueMessage(i) })))
}
