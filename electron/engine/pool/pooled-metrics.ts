// The per-depth statistics (depth-stats.ts) across the worker pool: the depths are cut into contiguous
// ranges, each a 'depth-stats' task that reads its clouds (and the depth before it, for the step
// distances) in place when the trajectories are in shared memory (the pooled transport's), else gets a
// copy of them, and reads depth 0's sorted reference and the labels from shared memory. Each depth's
// numbers come back as a progress note, so depthMetrics consumes them in order while its own thread runs
// the DepthTracker. A few ranges are in flight at a time (memory: the copies, whose buffers travel to the
// worker and back and are reused); the first failure or a cancel stops them all.
import type { DepthPlan, DepthStats } from '../metrics/depth-stats'
import type { WorkerPool } from './pool'
import { InOrderAnswers } from './in-order'

/** what one task carries (tasks.ts runs it) */
export interface DepthStatsTask {
  plan: DepthPlan
  /** index of the range's first depth */
  first: number
  /** flat clouds [*, n, d]: the depth before `first` when `primed`, then the range's depths */
  clouds: Float32Array
  primed: boolean
  /** per depth of the range: estimate the entropy by kNN */
  knn: boolean[]
}

/** the progress note of one finished depth */
export interface DepthStatsNote {
  s: number
  stats: DepthStats
}

/** the most bytes of clouds one task is given */
export const TASK_BYTES = 32 * 1024 * 1024

/** Depths per task: about four ranges per worker (balance), at most TASK_BYTES of clouds, at least one. */
export function rangeDepths(samples: number, n: number, d: number, workers: number): number {
  return Math.max(1, Math.min(Math.ceil(samples / (4 * workers)), Math.floor(TASK_BYTES / (n * d * 4))))
}

export class PooledDepthStats {
  private readonly answers: InOrderAnswers<DepthStats>
  private readonly rows: number
  private nextFirst = 0
  /** buffers of finished tasks, back from their workers, for the next copies */
  private readonly spare: Float32Array<ArrayBuffer>[] = []

  constructor(
    private readonly pool: WorkerPool,
    private readonly trajectories: Float32Array,
    private readonly plan: DepthPlan,
    private readonly knnAt: readonly boolean[]
  ) {
    const S = knnAt.length
    this.answers = new InOrderAnswers<DepthStats>(S)
    this.rows = rangeDepths(S, plan.n, plan.d, pool.size)
    // one range queued beyond the busy workers, so a worker that finishes starts the next at once
    for (let i = 0; i <= pool.size; i++) this.submit()
  }

  /** The statistics of depth s, once its worker has sent them; `checkpoint` is polled meanwhile. */
  at(s: number, checkpoint?: () => Promise<void>): Promise<DepthStats> {
    return this.answers.at(s, checkpoint)
  }

  /** Wait until every task has ended, stopping those still running unless every depth was delivered (cancel, failure). */
  stop(): Promise<void> {
    return this.answers.stop()
  }

  private submit(): void {
    const S = this.knnAt.length
    const first = this.nextFirst
    if (first >= S || this.answers.stopped) return
    const end = Math.min(S, first + this.rows)
    this.nextFirst = end
    const size = this.plan.n * this.plan.d
    const from = first > 0 ? first - 1 : 0
    // trajectories in shared memory are read in place; otherwise the task gets (and hands back) a copy
    const shared = typeof SharedArrayBuffer === 'function' && this.trajectories.buffer instanceof SharedArrayBuffer
    let clouds = this.trajectories.subarray(from * size, end * size)
    let transfer: ArrayBuffer[] = []
    if (!shared) {
      const buffer = this.spare.pop() ?? new Float32Array((this.rows + 1) * size)
      buffer.set(clouds)
      clouds = buffer.subarray(0, clouds.length)
      transfer = [buffer.buffer]
    }
    const task: DepthStatsTask = { plan: this.plan, first, clouds, primed: first > 0, knn: this.knnAt.slice(first, end) }
    const run = this.pool
      .run<Float32Array>('depth-stats', task, {
        signal: this.answers.signal,
        transfer,
        onProgress: (note) => {
          const { s, stats } = note as DepthStatsNote
          this.answers.put(s, stats)
        }
      })
      .then(
        (back) => {
          if (!shared) this.spare.push(new Float32Array(back.buffer as ArrayBuffer))
          this.submit()
        },
        (error: unknown) => this.answers.fail(error)
      )
    this.answers.track(run)
  }
}
