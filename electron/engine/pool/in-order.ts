// The answers of pool tasks, which arrive in any order, handed to one consumer in order: answer i is kept
// until the consumer asks for it, while the consumer's checkpoint (a job's cancel) is polled. The first
// failure aborts every task still running (the pool terminates busy workers); so does a stop before the
// last answer was taken. Shared by the per-depth statistics (pooled-metrics.ts, answers as progress notes)
// and the per-row tasks of a layer analysis (ordered-tasks.ts, answers as task results).
/** how often the checkpoint is polled while the consumer waits for an answer */
const POLL_MS = 25
const delay = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

export class InOrderAnswers<R> {
  private readonly controller = new AbortController()
  private readonly answers: (R | undefined)[]
  private readonly tasks: Promise<void>[] = []
  private failure: { error: unknown } | undefined
  private waiters: (() => void)[] = []
  private delivered = 0

  constructor(private readonly count: number) {
    this.answers = new Array<R | undefined>(count)
  }

  /** the signal every task runs under (pool.run's `signal`) */
  get signal(): AbortSignal {
    return this.controller.signal
  }

  /** a task failed or everything was stopped: start no more */
  get stopped(): boolean {
    return this.failure !== undefined || this.controller.signal.aborted
  }

  /** a running task, so stop() can wait for it */
  track(task: Promise<void>): void {
    this.tasks.push(task)
  }

  put(i: number, answer: R): void {
    this.answers[i] = answer
    this.wake()
  }

  /** the first failure is the one the consumer hears of; the other tasks are aborted */
  fail(error: unknown): void {
    this.failure ??= { error }
    this.controller.abort()
    this.wake()
  }

  /** Answer i (ask in order), once it has come; `checkpoint` is polled meanwhile. */
  async at(i: number, checkpoint?: () => Promise<void>): Promise<R> {
    for (;;) {
      if (this.failure) throw this.failure.error
      const r = this.answers[i]
      if (r !== undefined) {
        this.answers[i] = undefined
        this.delivered++
        return r
      }
      await Promise.race([new Promise<void>((w) => this.waiters.push(w)), delay(POLL_MS)])
      await checkpoint?.()
    }
  }

  /** Wait until every task has ended, stopping those still running unless every answer was taken (cancel, failure). */
  async stop(): Promise<void> {
    // after the last answer only the tasks' endings are left: terminating workers then would cost fresh ones
    if (this.delivered < this.count) this.controller.abort()
    await Promise.allSettled(this.tasks)
  }

  private wake(): void {
    const w = this.waiters
    this.waiters = []
    for (const r of w) r()
  }
}
