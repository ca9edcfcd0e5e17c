// Errors that carry a Message: the thrown error keeps English in `.message` (logs, stack traces) and the
// Message in `.msg`, so whoever catches it can pass the Message on (as an ApiError, or as a nested param
// of another Message) instead of English text.
import { english, isMessageValue, type Message } from './message'

export class MessageError extends Error {
  constructor(readonly msg: Message) {
    super(english(msg))
    this.name = 'MessageError'
  }
}

/** The Message a thrown value carries (a MessageError, or any error given a `.msg`), if it carries one. */
export function messageOf(e: unknown): Message | undefined {
  const m = (e as { msg?: unknown } | null | undefined)?.msg
  return isMessageValue(m) ? m : undefined
}

/** A SyntaxError (what JSON.parse throws, so callers treat it alike) that carries a Message. */
export function messageSyntaxError(m: Message): SyntaxError & { msg: Message } {
  return Object.assign(new SyntaxError(english(m)), { msg: m })
}
