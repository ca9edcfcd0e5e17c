// A small rotating log of JSON lines (<dir>/nagare.log, then .1 and .2): time, level, event and, when
// there is one, the job id and an error code and message. Never data values or file contents: callers
// pass only those fields. Logging never throws; a log that cannot be written is silently skipped.
import { appendFileSync, mkdirSync, readFileSync, renameSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { insideWorkspaceSync } from '../inside-workspace'

export type LogLevel = 'info' | 'warn' | 'error'
export interface LogEntry {
  level: LogLevel
  /** what happened, e.g. 'job-started', 'job-failed', 'engine-crashed' */
  event: string
  jobId?: string
  code?: string
  message?: string
}
export type LogSink = (entry: LogEntry) => void

export const LOG_FILE = 'nagare.log'
const MAX_MESSAGE = 500

export interface RotatingLogOptions {
  /** rotate when the current file would pass this size (default 1 MiB) */
  maxBytes?: number
  /** files kept including the current one (default 3) */
  keep?: number
  now?: () => Date
}

export class RotatingLog {
  readonly file: string
  private readonly maxBytes: number
  private readonly keep: number
  private readonly now: () => Date

  constructor(
    readonly dir: string,
    options: RotatingLogOptions = {}
  ) {
    this.file = join(dir, LOG_FILE)
    this.maxBytes = options.maxBytes ?? 1024 * 1024
    this.keep = Math.max(1, options.keep ?? 3)
    this.now = options.now ?? (() => new Date())
  }

  /** the files from newest to oldest */
  files(): string[] {
    return Array.from({ length: this.keep }, (_, i) => (i === 0 ? this.file : `${this.file}.${i}`))
  }

  write(entry: LogEntry): void {
    const record: Record<string, string> = { time: this.now().toISOString(), level: entry.level, event: entry.event }
    if (entry.jobId) record.jobId = entry.jobId
    if (entry.code) record.code = entry.code
    if (entry.message) record.message = entry.message.length > MAX_MESSAGE ? `${entry.message.slice(0, MAX_MESSAGE)}…` : entry.message
    const line = JSON.stringify(record) + '\n'
    try {
      mkdirSync(this.dir, { recursive: true })
      // a log file that is a link out of the log folder is not written through (the write is skipped)
      for (const f of this.files()) insideWorkspaceSync(this.dir, f)
      const size = statSync(this.file, { throwIfNoEntry: false })?.size ?? 0
      if (size > 0 && size + Buffer.byteLength(line) > this.maxBytes) this.rotate()
      appendFileSync(this.file, line)
    } catch {
      // a log must never break the engine (full disk, read-only folder)
    }
  }

  private rotate(): void {
    const files = this.files()
    // the oldest is overwritten by the rename of the one before it
    for (let i = files.length - 1; i > 0; i--) {
      try {
        renameSync(files[i - 1], files[i])
      } catch {
        // a missing older file is normal
      }
    }
  }

  /** The last `count` lines at the given levels, oldest first, across the rotated files. */
  tail(count: number, levels: LogLevel[] = ['warn', 'error']): string[] {
    const out: string[] = []
    for (const f of this.files()) {
      let text: string
      try {
        text = readFileSync(insideWorkspaceSync(this.dir, f), 'utf8')
      } catch {
        continue
      }
      const lines = text.split('\n').filter((l) => l.trim() !== '')
      for (let i = lines.length - 1; i >= 0 && out.length < count; i--) {
        try {
          const level = (JSON.parse(lines[i]) as { level?: unknown }).level
          if (levels.includes(level as LogLevel)) out.push(lines[i])
        } catch {
          // a torn line (crash mid-append) is skipped
        }
      }
      if (out.length >= count) break
    }
    return out.reverse()
  }
}
