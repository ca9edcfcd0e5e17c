// Tasks 0..count-1 of one kind on the worker pool, consumed in order: a few in flight at a time (one
// queued beyond the busy workers, so a worker that finishes starts the next at once), each result kept
// until its turn (in-order.ts: the first failure or a stop before the last result aborts the rest,
// `checkpoint`, a job's cancel, is polled while the caller waits). Used by the per-row tasks
// of a layer analysis and of its shift (layers/pooled-layers.ts, layers/pooled-shift.ts).
import type { Transferable } from 'node:worker_threads'
import type { WorkerPool } from './pool'
import { InOrderAnswers } from './in-order'

export interface OrderedTask {
  payload: unknown
  /** buffers of the payload to move to the worker instead of copying */
  transfer?: Transferable[]
  /** called once the task has ended, whichever way (release what only it needed) */
  ended?(): void
}

export class OrderedTasks<R> {
  private readonly answers: InOrderAnswers<R>
  private next = 0

  constructor(
    private readonly pool: WorkerPool,
    private readonly kind: string,
    private readonly count: number,
    private readonly make: (i: number) => OrderedTask
  ) {
    this.answers = new InOrderAnswers<R>(count)
    for (let i = 0; i <= pool.size; i++) this.submit()
  }

  /** Result i (call in order), once its worker has sent it; `checkpoint` is polled meanwhile. */
  at(i: number, checkpoint?: () => Promise<void>): Promise<R> {
    return this.answers.at(i, checkpoint)
  }

  /** Wait until every task has ended, stopping those still running unless every result was delivered. */
  stop(): Promise<void> {
    return this.answers.stop()
  }

  private submit(): void {
    if (this.next >= this.count || this.answers.stopped) return
    const i = this.next++
    let task: OrderedTask
    try {
      task = this.make(i)
    } catch (error) {
      // e.g. no memory for the task's copies: the caller hears of it at its next result
      this.answers.fail(error)
      return
    }
    const run = this.pool
      .run<R>(this.kind, task.payload, { signal: this.answers.signal, ...(task.transfer ? { transfer: task.transfer } : {}) })
      .then(
        (r) => {
          this.answers.put(i, r)
          this.submit()
        },
        (error: unknown) => this.answers.fail(error)
      )
      .finally(() => task.ended?.())
    this.answers.track(run)
  }
}
