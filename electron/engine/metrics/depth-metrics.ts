// Metrics of a trajectory [S, N, D] at each depth sample: moments, entropy (closed form when the flow
// knows the pushforward is Gaussian, else Kozachenko-Leonenko on a seeded subsample), sliced W2 to depth 0
// (fixed directions and a fixed particle subsample for every depth) and exact per-axis W2 to depth 0,
// sliced W2 between consecutive samples (speed), and the DepthTracker's quantities (energy, path, merging...).
// The depth-independent statistics (depth-stats.ts) run on this thread or, given a pool, on its workers
// while this thread runs the stateful DepthTracker: the same code either way, so the same numbers.
import type { DepthAnalysis, DepthMetrics } from '../../../shared/run'
import { DepthTracker, type DepthTrackerOptions } from './depth-tracker'
import { DepthStatsRunner, makePlan, type DepthStats } from './depth-stats'
import { gaussianEntropy } from './entropy'
import { sampleIndices } from './subsample'
import type { RandomSource } from './types'
import { randomDirections } from './wasserstein'
import { message, type Message } from '../../../shared/messages'
import type { WorkerPool } from '../pool/pool'
import { PooledDepthStats } from '../pool/pooled-metrics'

export interface DepthMetricsOptions extends DepthTrackerOptions {
  /** seeded source for the sliced-W2 directions and the subsamples */
  rng: RandomSource
  /** sliced-W2 directions (default 64) */
  directions?: number
  /** neighbour rank of the kNN entropy (default 5) */
  knnK?: number
  /** at most this many particles enter the kNN entropy (default 10,000) */
  knnMaxPoints?: number
  /** at most this many particles enter the sliced W2 (default 10,000) */
  slicedMaxPoints?: number
  /** exact covariance of the pushforward when it is Gaussian: entropy then uses the closed form */
  gaussianCovarianceAt?: (t: number) => number[][]
  /** awaited after each depth sample (progress, cancellation, yielding to the event loop) */
  onSample?: (index: number, count: number) => void | Promise<void>
  /** spread the depth-independent statistics over this pool's workers (absent: all on this thread) */
  pool?: WorkerPool
  /** polled while this thread waits for the pool (cancellation) */
  checkpoint?: () => Promise<void>
}

export interface DepthMetricsReport {
  rows: DepthMetrics[]
  /** per-run constants of the analysis, recorded as the manifest's depthAnalysis */
  constants: DepthAnalysis
  /** plain-language notes on how the numbers were obtained (recorded in the run) */
  notes: Message[]
}

export const DEFAULT_DIRECTIONS = 64
export const DEFAULT_KNN_K = 5
/**
 * Subsample bound for the kNN entropy and the sliced W2: with N = 100,000 and 64 depth samples the
 * metrics then take a few seconds (64 x 64 sorts of 10^4 projections, 64 kNN passes), while the
 * subsampling error (~N^-1/2) stays below the Monte Carlo error of 64 directions.
 */
export const DEFAULT_MAX_POINTS = 10_000

/** where each depth's statistics come from: this thread, or the pool */
interface StatsSource {
  at(s: number, checkpoint?: () => Promise<void>): Promise<DepthStats>
  stop(): Promise<void>
}

export async function depthMetrics(
  trajectories: Float32Array,
  shape: readonly [number, number, number],
  depths: readonly number[],
  options: DepthMetricsOptions
): Promise<DepthMetricsReport> {
  const [S, N, D] = shape
  if (trajectories.length !== S * N * D) throw new Error(`trajectories hold ${trajectories.length} values, shape [${S}, ${N}, ${D}] needs ${S * N * D}`)
  if (depths.length !== S) throw new Error(`${depths.length} depths for ${S} samples`)
  const directions = options.directions ?? DEFAULT_DIRECTIONS
  const knnK = options.knnK ?? DEFAULT_KNN_K
  const knnMax = options.knnMaxPoints ?? DEFAULT_MAX_POINTS
  const slicedMax = options.slicedMaxPoints ?? DEFAULT_MAX_POINTS
  const { rng } = options

  const dirs = randomDirections(D, directions, rng)
  // one permutation prefix serves both subsamples, so the same particles are followed through depth
  const subset = sampleIndices(N, Math.max(knnMax, slicedMax), rng)
  const knnIdx = subset.length > knnMax ? sampleIndices(subset.length, knnMax, rng).map((i) => subset[i]) : subset
  const slicedIdx = subset.length > slicedMax ? sampleIndices(subset.length, slicedMax, rng).map((i) => subset[i]) : subset
  const nSliced = slicedIdx.length

  const cloudAt = (s: number): Float32Array => trajectories.subarray(s * N * D, (s + 1) * N * D)
  const x0 = cloudAt(0)
  const pool = S >= 2 ? options.pool : undefined
  const tracker = new DepthTracker(x0, N, D, depths, rng, options)
  const { classes } = tracker
  const plan = makePlan(x0, { n: N, d: D, dirs, directions, slicedIdx, knnIdx, knnK, labels: options.labels, classes }, pool !== undefined)
  // the closed-form entropy where the flow knows one; the kNN estimate where it does not (or it is not finite)
  const closed = depths.map((t) => (options.gaussianCovarianceAt ? gaussianEntropy(options.gaussianCovarianceAt(t)) : NaN))
  const knnAt = closed.map((h) => !Number.isFinite(h))
  let source: StatsSource
  if (pool) source = new PooledDepthStats(pool, trajectories, plan, knnAt)
  else {
    const runner = new DepthStatsRunner(plan)
    source = { at: async (s) => runner.next(cloudAt(s), knnAt[s]), stop: async () => {} }
  }
  const rows: DepthMetrics[] = []
  let usedKnn = false
  let tooFew = false
  try {
    for (let s = 0; s < S; s++) {
      const x = cloudAt(s)
      // this thread's share first (the velocity field): with a pool, the depth's statistics are computed meanwhile
      const observed = await tracker.observe(s, x)
      const stats = await source.at(s, options.checkpoint)
      const { mean, covariance, w2AxisToInput, slicedW2ToInput, slicedW2Step, knnEntropy } = stats
      const dt = s > 0 ? depths[s] - depths[s - 1] : 0
      const speed = slicedW2Step !== null && dt > 0 ? slicedW2Step / dt : null
      let entropy = closed[s]
      let entropyMethod: DepthMetrics['entropyMethod'] = 'closed-form'
      if (knnAt[s]) {
        entropyMethod = 'knn'
        if (N < 2) {
          entropy = 0
          tooFew = true
        } else {
          entropy = knnEntropy as number
          usedKnn = true
        }
      }
      const tracked = tracker.finish(s, observed, stats)
      rows.push({ depth: depths[s], mean, covariance, entropy, entropyMethod, slicedW2ToInput, w2AxisToInput, slicedW2Step, speed, ...tracked })
      await options.onSample?.(s, S)
    }
  } finally {
    await source.stop()
  }

  const notes: Message[] = []
  if (usedKnn)
    notes.push(
      knnIdx.length === N
        ? message('engine.noteEntropyKnnAll', { k: Math.min(knnK, knnIdx.length - 1), n: N })
        : message('engine.noteEntropyKnnSubsample', { k: Math.min(knnK, knnIdx.length - 1), m: knnIdx.length, n: N })
    )
  if (tooFew) notes.push(message('engine.noteEntropyTooFew'))
  if (D > 1) notes.push(nSliced < N ? message('engine.noteSlicedSubsample', { directions, m: nSliced, n: N }) : message('engine.noteSlicedAll', { directions }))
  notes.push(message('engine.noteSpeed'))
  notes.push(...tracker.notes())
  return { rows, constants: tracker.constants(nSliced), notes }
}
