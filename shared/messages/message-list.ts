// Several Messages as one, for a param that lists problems (a payload's issues, a spec's field errors).
// The list is a balanced tree of two-part catalogue entries, so it renders in either language with the
// language's own separator, and a long list stays shallow enough for the renderer's nesting limit.
import { message, type Message } from './message'

type ListKey = 'errmsg.issueList' | 'errmsg.lineList'

function join(ms: readonly Message[], key: ListKey): Message {
  if (ms.length === 1) return ms[0]
  const half = Math.ceil(ms.length / 2)
  return message(key, { first: join(ms.slice(0, half), key), next: join(ms.slice(half), key) })
}

/** The Messages joined inline ("a; b; c"); `ms` must not be empty. */
export function inlineList(ms: readonly Message[]): Message {
  return join(ms, 'errmsg.issueList')
}

/** The Messages one a line; `ms` must not be empty. */
export function lineList(ms: readonly Message[]): Message {
  return join(ms, 'errmsg.lineList')
}
