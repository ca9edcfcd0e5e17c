// Engine errors that carry an API error code, so every failure reaches the user as { code, message }.
import type { ApiError, ErrorCode } from '../../shared/contract'
import type { FieldError } from '../../shared/experiment'
import { say } from '../../shared/messages'
import { errnoOf, plainIoMessage } from './io-messages'

export class EngineError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldError[]
  ) {
    super(message)
    this.name = 'EngineError'
  }
}

export class CancelledError extends EngineError {
  constructor() {
    super('cancelled', say('engine.cancelled'))
  }
}

/** Integration produced NaN/Inf or exploded; `depth` is where it was detected. */
export class BlowUpError extends EngineError {
  constructor(readonly depth: number, detail: string) {
    super('blow-up', say('engine.blowUp', { depth: depth.toPrecision(6), detail }))
  }
}

export function toApiError(e: unknown): ApiError {
  if (e instanceof EngineError) return e.fields ? { code: e.code, message: e.message, fields: e.fields } : { code: e.code, message: e.message }
  // an operating-system error: a plain message, never Node's text with the machine's paths
  const errno = errnoOf(e)
  if (errno) return { code: 'io', message: plainIoMessage(errno) }
  return { code: 'internal', message: e instanceof Error ? e.message : String(e) }
}
