// Engine errors that carry an API error code, so every failure reaches the user as { code, message }.
// The message is a Message (worded at the edge in the reader's language); Error.message keeps its
// English for logs and stack traces.
import type { ApiError, ErrorCode } from '../../shared/contract'
import type { FieldError } from '../../shared/experiment'
import { type Message, message, MessageError, messageOf } from '../../shared/messages'
import { errnoOf, plainIoMessage } from './io-messages'

export class EngineError extends MessageError {
  constructor(
    readonly code: ErrorCode,
    msg: Message,
    readonly fields?: FieldError[]
  ) {
    super(msg)
    this.name = 'EngineError'
  }
}

export class CancelledError extends EngineError {
  constructor() {
    super('cancelled', message('engine.cancelled'))
  }
}

/** Integration produced NaN/Inf or exploded; `depth` is where it was detected. */
export class BlowUpError extends EngineError {
  constructor(
    readonly depth: number,
    detail: Message
  ) {
    super('blow-up', message('engine.blowUp', { depth: depth.toPrecision(6), detail }))
  }
}

export function toApiError(e: unknown): ApiError {
  if (e instanceof EngineError) return e.fields ? { code: e.code, message: e.msg, fields: e.fields } : { code: e.code, message: e.msg }
  // an operating-system error: a plain message, never Node's text with the machine's paths
  const errno = errnoOf(e)
  if (errno) return { code: 'io', message: plainIoMessage(errno) }
  // an error that carries a Message but no code (a broken file's reader): its Message, as an internal error
  const carried = messageOf(e)
  if (carried) return { code: 'internal', message: carried }
  return { code: 'internal', message: message('errmsg.internal', { detail: e instanceof Error ? e.message : String(e) }) }
}
