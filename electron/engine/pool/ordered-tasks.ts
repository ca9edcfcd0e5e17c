// Tasks 0..count-1 of one kind on the worker pool, consumed in order: a few in flight at a time (one
// queued beyond the busy workers, so a worker that finishes starts the next at once), each result kept
// until its turn. The first failure or a stop before the last result aborts the rest (the pool terminates
// busy workers); `checkpoint` (a job's cancel) is polled while the caller waits. Used by the per-row tasks
// of a layer analysis and of its shift (layers/pooled-layers.ts, layers/pooled-shift.ts).
import type { Transferable } from 'node:worker_threads'
import type { WorkerPool } from './pool'

export interface OrderedTask {
  payload: unknown
  /** buffers of the payload to move to the worker instead of copying */
  transfer?: Transferable[]
  /** called once the task has ended, whichever way (release what only it needed) */
  ended?(): void
}

/** how often the checkpoint is polled while the caller waits for a result */
const POLL_MS = 25
const delay = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

export class OrderedTasks<R> {
  private readonly controller = new AbortController()
  private readonly results: (R | undefined)[]
  private readonly tasks: Promise<void>[] = []
  private failure: { error: unknown } | undefined
  private waiters: (() => void)[] = []
  private next = 0
  private delivered = 0

  constructor(
    private readonly pool: WorkerPool,
    private readonly kind: string,
    private readonly count: number,
    private readonly make: (i: number) => OrderedTask
  ) {
    this.results = new Array<R | undefined>(count)
    for (let i = 0; i <= pool.size; i++) this.submit()
  }

  /** Result i (call in order), once its worker has sent it; `checkpoint` is polled meanwhile. */
  async at(i: number, checkpoint?: () => Promise<void>): Promise<R> {
    for (;;) {
      if (this.failure) throw this.failure.error
      const r = this.results[i]
      if (r !== undefined) {
        this.results[i] = undefined
        this.delivered++
        return r
      }
      await Promise.race([new Promise<void>((w) => this.waiters.push(w)), delay(POLL_MS)])
      await checkpoint?.()
    }
  }

  /** Wait until every task has ended, stopping those still running unless every result was delivered. */
  async stop(): Promise<void> {
    // after the last result nothing runs: terminating workers then would only cost fresh ones
    if (this.delivered < this.count) this.controller.abort()
    await Promise.allSettled(this.tasks)
  }

  private wake(): void {
    const w = this.waiters
    this.waiters = []
    for (const r of w) r()
  }

  private submit(): void {
    if (this.next >= this.count || this.failure || this.controller.signal.aborted) return
    const i = this.next++
    let task: OrderedTask
    try {
      task = this.make(i)
    } catch (error) {
      // e.g. no memory for the task's copies: the caller hears of it at its next result
      this.failure ??= { error }
      this.controller.abort()
      this.wake()
      return
    }
    const run = this.pool
      .run<R>(this.kind, task.payload, { signal: this.controller.signal, ...(task.transfer ? { transfer: task.transfer } : {}) })
      .then(
        (r) => {
          this.results[i] = r
          this.wake()
          this.submit()
        },
        (error: unknown) => {
          this.failure ??= { error }
          this.controller.abort()
          this.wake()
        }
      )
      .finally(() => task.ended?.())
    this.tasks.push(run)
  }
}
