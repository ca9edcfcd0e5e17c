// Several Messages as one, for a param that lists problems (a payload's issues, a spec's field errors).
// The list is a balanced tree of a two-part catalogue entry, so it renders in either language with the
// language's own joining words, and a long list stays shallow enough for the renderer's nesting limit.
import { message, type Message } from './message'

/** The Messages joined into one ("a; and b; and c"); `ms` must not be empty. */
export function inlineList(ms: readonly Message[]): Message {
  if (ms.length === 1) return ms[0]
  const half = Math.ceil(ms.length / 2)
  return message('errmsg.issueList', { first: inlineList(ms.slice(0, half)), next: inlineList(ms.slice(half)) })
}
