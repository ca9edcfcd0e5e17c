// Progress throttling: at most one event per interval (leading edge), the latest pending value
// delivered by a trailing timer, and a flush so the final value is never lost.

export class Throttle<T> {
  private last = -Infinity
  private pending: T | undefined
  private timer: ReturnType<typeof setTimeout> | undefined

  constructor(
    private readonly intervalMs: number,
    private readonly emit: (value: T) => void,
    private readonly now: () => number = Date.now
  ) {}

  push(value: T): void {
    const t = this.now()
    if (t - this.last >= this.intervalMs) {
      this.clearTimer()
      this.pending = undefined
      this.last = t
      this.emit(value)
      return
    }
    this.pending = value
    if (!this.timer) {
      this.timer = setTimeout(
        () => {
          this.timer = undefined
          this.flush()
        },
        this.intervalMs - (t - this.last)
      )
      this.timer.unref?.()
    }
  }

  /** Emit the pending value now, if any. */
  flush(): void {
    this.clearTimer()
    if (this.pending === undefined) return
    const v = this.pending
    this.pending = undefined
    this.last = this.now()
    this.emit(v)
  }

  /** Drop the pending value (the job ended otherwise). */
  cancel(): void {
    this.clearTimer()
    this.pending = undefined
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = undefined
  }
}
