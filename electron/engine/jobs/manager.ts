// The job manager: runs long jobs one at a time from a bounded queue, gives each an id, and reports
// 'started', throttled 'progress' and exactly one of 'done' / 'failed' / 'cancelled' per job.
import { randomBytes } from 'node:crypto'
import type { JobEvent } from '../../../shared/contract'
import { CancelledError, EngineError, toApiError } from '../errors'
import { createJobContext, type JobContext } from './context'
import { Throttle } from './throttle'
import { message } from '../../../shared/messages'
import { type Message } from '../../../shared/messages'
import type { TrainingProgress } from '../../../shared/job-progress'

/** A job's work; resolves to the id of the run it wrote. */
export type JobTask = (ctx: JobContext, jobId: string) => Promise<string>

export interface JobManagerOptions {
  /** jobs waiting behind the running one before submit refuses with 'busy' (default 8) */
  maxQueued?: number
  /** minimum spacing of progress events (default 100 ms: about 10 per second) */
  progressIntervalMs?: number
}

interface Job {
  id: string
  name: string
  task: JobTask
  controller: AbortController
}

let counter = 0
const newJobId = (): string => `job-${Date.now().toString(36)}-${(++counter).toString(36)}-${randomBytes(3).toString('hex')}`

export class JobManager {
  private readonly queue: Job[] = []
  private current: Job | undefined
  private readonly listeners = new Set<(e: JobEvent) => void>()
  private readonly maxQueued: number
  private readonly intervalMs: number
  private idleWaiters: (() => void)[] = []

  constructor(options: JobManagerOptions = {}) {
    this.maxQueued = options.maxQueued ?? 8
    this.intervalMs = options.progressIntervalMs ?? 100
  }

  onEvent(listener: (e: JobEvent) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Queue a job; returns its id. Throws EngineError('busy') when the queue is full. */
  submit(name: string, task: JobTask): string {
    if (this.queue.length >= this.maxQueued) throw new EngineError('busy', message('engine.queueFull', { count: this.queue.length }))
    const job: Job = { id: newJobId(), name, task, controller: new AbortController() }
    this.queue.push(job)
    this.pump()
    return job.id
  }

  /** Request cancellation; true if the job was queued or running. A queued job ends at once. */
  cancel(jobId: string): boolean {
    if (this.current?.id === jobId) {
      this.current.controller.abort()
      return true
    }
    const i = this.queue.findIndex((j) => j.id === jobId)
    if (i < 0) return false
    this.queue.splice(i, 1)
    this.emit({ jobId, type: 'cancelled' })
    this.settleIdle()
    return true
  }

  get runningJobId(): string | undefined {
    return this.current?.id
  }

  get queuedCount(): number {
    return this.queue.length
  }

  /** Resolves when nothing is running or queued. */
  idle(): Promise<void> {
    if (!this.current && this.queue.length === 0) return Promise.resolve()
    return new Promise((r) => this.idleWaiters.push(r))
  }

  /** Cancel everything and wait for the running job to end. */
  async dispose(): Promise<void> {
    for (const j of [...this.queue]) this.cancel(j.id)
    if (this.current) this.current.controller.abort()
    await this.idle()
    this.listeners.clear()
  }

  private emit(e: JobEvent): void {
    for (const l of this.listeners) {
      try {
        l(e)
      } catch {
        // a failing listener must not break the job or the other listeners
      }
    }
  }

  private settleIdle(): void {
    if (this.current || this.queue.length > 0) return
    const w = this.idleWaiters
    this.idleWaiters = []
    w.forEach((r) => r())
  }

  private pump(): void {
    if (this.current) return
    const job = this.queue.shift()
    if (!job) {
      this.settleIdle()
      return
    }
    // the job becomes current now, but starts on a microtask: its events follow the submit call
    this.current = job
    queueMicrotask(() => {
      void this.execute(job).finally(() => {
        this.current = undefined
        this.pump()
      })
    })
  }

  private async execute(job: Job): Promise<void> {
    const { id: jobId } = job
    if (job.controller.signal.aborted) {
      this.emit({ jobId, type: 'cancelled' })
      return
    }
    const throttle = new Throttle<{ fraction: number; depth?: number; message?: Message; training?: TrainingProgress }>(this.intervalMs, (p) =>
      this.emit({ jobId, type: 'progress', ...p })
    )
    const ctx = createJobContext(job.controller.signal, (fraction, depth, message, training) =>
      throttle.push({ fraction, ...(depth !== undefined ? { depth } : {}), ...(message !== undefined ? { message } : {}), ...(training ? { training } : {}) })
    )
    this.emit({ jobId, type: 'started', name: job.name })
    try {
      const runId = await job.task(ctx, jobId)
      throttle.cancel()
      this.emit({ jobId, type: 'progress', fraction: 1 })
      this.emit({ jobId, type: 'done', runId })
    } catch (e) {
      throttle.cancel()
      if (e instanceof CancelledError || job.controller.signal.aborted) this.emit({ jobId, type: 'cancelled' })
      else this.emit({ jobId, type: 'failed', error: toApiError(e) })
    }
  }
}
