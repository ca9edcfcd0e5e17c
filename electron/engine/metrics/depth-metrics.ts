// Metrics of a trajectory [S, N, D] at each depth sample: moments, entropy (closed form when the flow
// knows the pushforward is Gaussian, else Kozachenko-Leonenko on a seeded subsample), sliced W2 to depth 0
// (fixed directions and a fixed particle subsample for every depth) and exact per-axis W2 to depth 0,
// sliced W2 between consecutive samples (speed), and the DepthTracker's quantities (energy, path, merging...).
import type { DepthAnalysis, DepthMetrics } from '../../../shared/run'
import { DepthTracker, type DepthTrackerOptions } from './depth-tracker'
import { gaussianEntropy, knnEntropy } from './entropy'
import { cloudCovariance, cloudMean } from './moments'
import { Float32Sorter } from './sort'
import { gatherRows, sampleIndices } from './subsample'
import type { RandomSource } from './types'
import { column, project, randomDirections } from './wasserstein'
import { message, type Message } from '../../../shared/messages'

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

/** W2^2 between two sorted samples of equal size (the hot loop: 2 x 64 calls per depth sample). */
function w2SquaredEqual(a: Float32Array, b: Float32Array): number {
  let acc = 0
  for (let i = 0; i < a.length; i++) {
    const e = a[i] - b[i]
    acc += e * e
  }
  return acc / a.length
}

/** Projection on direction k; the 3-D case unrolled (64 directions x every depth sample). */
function projectFast(x: Float32Array, n: number, d: number, dirs: Float64Array, k: number, out: Float32Array<ArrayBuffer>): Float32Array {
  if (d !== 3) return project(x, n, d, dirs, k, out)
  const a = dirs[3 * k]
  const b = dirs[3 * k + 1]
  const c = dirs[3 * k + 2]
  for (let i = 0; i < n; i++) out[i] = x[3 * i] * a + x[3 * i + 1] * b + x[3 * i + 2] * c
  return out
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

  const sorter = new Float32Sorter()
  const cloudAt = (s: number): Float32Array => trajectories.subarray(s * N * D, (s + 1) * N * D)
  const x0 = cloudAt(0)
  const refAxes = Array.from({ length: D }, (_, k) => sorter.sort(column(x0, N, D, k)))
  const x0s = gatherRows(x0, D, slicedIdx)
  const refProj = D > 1 ? Array.from({ length: directions }, (_, k) => sorter.sort(projectFast(x0s, nSliced, D, dirs, k, new Float32Array(nSliced)))) : []

  // sorted marginals of the previous sample, swapped with the current ones, for the step distance
  let axes = refAxes.map(() => new Float32Array(N))
  let prevAxes = refAxes.map((a) => a.slice())
  let projs = refProj.map(() => new Float32Array(nSliced))
  let prevProjs = refProj.map((a) => a.slice())
  const tracker = new DepthTracker(x0, N, D, depths, rng, options)
  const rows: DepthMetrics[] = []
  let usedKnn = false
  let tooFew = false
  for (let s = 0; s < S; s++) {
    const x = cloudAt(s)
    const mean = cloudMean(x, N, D)
    const covariance = cloudCovariance(x, N, D, mean)
    const w2AxisToInput = refAxes.map((ref, k) => Math.sqrt(w2SquaredEqual(ref, sorter.sort(column(x, N, D, k, axes[k]), axes[k]))))
    let slicedW2ToInput = w2AxisToInput[0]
    let slicedW2Step = s > 0 ? Math.sqrt(w2SquaredEqual(prevAxes[0], axes[0])) : null
    if (D > 1) {
      // in 1-D every direction is +-1 and sliced W2 is the exact W2 already computed on all particles
      const xs = gatherRows(x, D, slicedIdx)
      let acc = 0
      let accStep = 0
      for (let k = 0; k < directions; k++) {
        const p = sorter.sort(projectFast(xs, nSliced, D, dirs, k, projs[k]), projs[k])
        acc += w2SquaredEqual(refProj[k], p)
        if (s > 0) accStep += w2SquaredEqual(prevProjs[k], p)
      }
      slicedW2ToInput = Math.sqrt(acc / directions)
      if (s > 0) slicedW2Step = Math.sqrt(accStep / directions)
    }
    ;[axes, prevAxes] = [prevAxes, axes]
    ;[projs, prevProjs] = [prevProjs, projs]
    const dt = s > 0 ? depths[s] - depths[s - 1] : 0
    const speed = slicedW2Step !== null && dt > 0 ? slicedW2Step / dt : null

    let entropy = options.gaussianCovarianceAt ? gaussianEntropy(options.gaussianCovarianceAt(depths[s])) : NaN
    let entropyMethod: DepthMetrics['entropyMethod'] = 'closed-form'
    if (!Number.isFinite(entropy)) {
      entropyMethod = 'knn'
      if (N < 2) {
        entropy = 0
        tooFew = true
      } else {
        entropy = knnEntropy(knnIdx.length === N ? x : gatherRows(x, D, knnIdx), knnIdx.length, D, knnK).entropy
        usedKnn = true
      }
    }
    const tracked = await tracker.sample(s, x, covariance)
    rows.push({ depth: depths[s], mean, covariance, entropy, entropyMethod, slicedW2ToInput, w2AxisToInput, slicedW2Step, speed, ...tracked })
    await options.onSample?.(s, S)
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
