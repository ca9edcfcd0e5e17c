// Engine errors that carry an API error code, so every failure reaches the user as { code, message }.
import type { ApiError, ErrorCode } from '../../shared/contract'
import type { FieldError } from '../../shared/experiment'
import { say } from '../../shared/messages'

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
  const err = e as NodeJS.ErrnoException
  if (err && typeof err.code === 'string' && /^E[A-Z]+$/.test(err.code)) return { code: 'io', message: `${err.code}: ${err.message}` }
  return { code: 'internal', message: e instanceof Error ? e.message : String(e) }
}
