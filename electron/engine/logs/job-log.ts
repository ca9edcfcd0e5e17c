// What the engine logs: job lifecycle events and failed calls, reduced to ids, codes and messages
// (never specs, names, data values or file contents).
import type { ApiError, JobEvent } from '../../../shared/contract'
import { english } from '../../../shared/messages'
import type { LogEntry, LogLevel, LogSink } from './rotating-log'

/** The log entry of a job event; progress is not logged. */
export function jobLogEntry(e: JobEvent): LogEntry | undefined {
  switch (e.type) {
    case 'started':
      return { level: 'info', event: 'job-started', jobId: e.jobId }
    case 'done':
      return { level: 'info', event: 'job-done', jobId: e.jobId }
    case 'cancelled':
      return { level: 'info', event: 'job-cancelled', jobId: e.jobId }
    case 'failed':
      return {
        level: e.error.code === 'engine-crashed' || e.error.code === 'internal' || e.error.code === 'io' ? 'error' : 'warn',
        event: 'job-failed',
        jobId: e.jobId,
        code: e.error.code,
        message: english(e.error.message)
      }
    default:
      return undefined
  }
}

/** which failed calls are worth a line: the user's own input errors are not */
const CALL_LEVEL: Partial<Record<ApiError['code'], LogLevel>> = {
  internal: 'error',
  io: 'error',
  'engine-crashed': 'error',
  'unreadable-run': 'warn',
  busy: 'warn',
  budget: 'warn'
}

export function logFailedCall(log: LogSink, method: string, error: ApiError): void {
  const level = CALL_LEVEL[error.code]
  if (level) log({ level, event: `call-failed:${method}`, code: error.code, message: english(error.message) })
}
