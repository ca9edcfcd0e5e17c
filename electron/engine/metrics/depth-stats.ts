// The per-depth statistics that need only the cloud at that depth, its predecessor and the depth-0
// reference: moments, exact per-axis W2 and sliced W2 to depth 0, the sliced W2 step and the step
// statistics from the previous depth, the class separability and the kNN entropy. depthMetrics runs them here in order, or the pool's 'depth-stats' task runs
// them over a range of depths (primed with the depth before it): the same code, so the same numbers.
import type { DepthMetrics } from '../../../shared/run'
import { stepStatistics, type StepStatistics } from './depth-kinematics'
import { separability } from './depth-separability'
import { knnEntropy } from './entropy'
import { cloudCovariance, cloudMean } from './moments'
import { Float32Sorter } from './sort'
import { gatherRows } from './subsample'
import { project } from './wasserstein'

/** What every depth is compared with, fixed before the first depth (shareable with the workers). */
export interface DepthPlan {
  n: number
  d: number
  /** sliced-W2 directions, flat [directions, d] */
  dirs: Float64Array
  directions: number
  /** particles of the sliced W2 and of the kNN entropy */
  slicedIdx: Int32Array
  knnIdx: Int32Array
  knnK: number
  /** particle labels and their classes when separability is recorded (classes >= 2), else classes 0 */
  labels?: Int32Array
  classes: number
  /** sorted axes of depth 0 (d x n), then its sorted sliced projections (directions x slicedIdx.length) */
  reference: Float32Array
}

export type DepthStats = Pick<DepthMetrics, 'mean' | 'covariance' | 'w2AxisToInput' | 'slicedW2ToInput'> & {
  /** null at depth 0 */
  slicedW2Step: number | null
  /** the kNN estimate when it was asked for (undefined: the closed form applies) */
  knnEntropy?: number
  /** displacements from the previous depth (absent at depth 0) */
  step?: StepStatistics
  /** tr(S_b)/tr(S_w) when the plan has classes */
  separability?: number | null
}

/** W2^2 between two sorted samples of equal size (the hot loop: 2 x 64 calls per depth sample). */
export function w2SquaredEqual(a: Float32Array, b: Float32Array): number {
  let acc = 0
  for (let i = 0; i < a.length; i++) {
    const e = a[i] - b[i]
    acc += e * e
  }
  return acc / a.length
}

/** Projection on direction k; the 3-D case unrolled (64 directions x every depth sample). */
export function projectFast(x: Float32Array, n: number, d: number, dirs: Float64Array, k: number, out: Float32Array<ArrayBuffer>): Float32Array {
  if (d !== 3) return project(x, n, d, dirs, k, out)
  const a = dirs[3 * k]
  const b = dirs[3 * k + 1]
  const c = dirs[3 * k + 2]
  for (let i = 0; i < n; i++) out[i] = x[3 * i] * a + x[3 * i + 1] * b + x[3 * i + 2] * c
  return out
}

/**
 * The plan of a run: depth 0's sorted axes and projections (and the labels), in SharedArrayBuffers when
 * `shared` (the pool's workers then read the one copy) and when the runtime has them.
 */
export function makePlan(x0: Float32Array, base: Omit<DepthPlan, 'reference'>, shared: boolean): DepthPlan {
  const { n, d, directions, slicedIdx } = base
  const m = slicedIdx.length
  const size = d * n + (d > 1 ? directions * m : 0)
  const share = shared && typeof SharedArrayBuffer === 'function'
  const reference = share ? new Float32Array(new SharedArrayBuffer(size * 4)) : new Float32Array(size)
  let labels = base.classes >= 2 ? base.labels : undefined
  if (labels && share) {
    const copy = new Int32Array(new SharedArrayBuffer(labels.length * 4))
    copy.set(labels)
    labels = copy
  }
  const sorter = new Float32Sorter()
  for (let k = 0; k < d; k++) sorter.sortColumn(x0, n, d, k, reference.subarray(k * n, (k + 1) * n))
  if (d > 1) {
    const x0s = gatherRows(x0, d, slicedIdx)
    const tmp = new Float32Array(m)
    for (let k = 0; k < directions; k++) reference.set(sorter.sort(projectFast(x0s, m, d, base.dirs, k, tmp), tmp), d * n + k * m)
  }
  return { ...base, labels, reference }
}

/** Runs the statistics depth after depth, keeping the previous depth's sorted marginals for the step. */
export class DepthStatsRunner {
  private readonly sorter = new Float32Sorter()
  private readonly refAxes: Float32Array[]
  private readonly refProj: Float32Array[]
  // sorted marginals of the previous depth, swapped with the current ones
  private axes: Float32Array<ArrayBuffer>[]
  private prevAxes: Float32Array<ArrayBuffer>[]
  private projs: Float32Array<ArrayBuffer>[]
  private prevProjs: Float32Array<ArrayBuffer>[]
  private hasPrev = false
  /** the previous depth's cloud (step statistics) */
  private prevCloud: Float32Array | null = null

  constructor(private readonly plan: DepthPlan) {
    const { n, d, directions, slicedIdx, reference } = plan
    const m = slicedIdx.length
    this.refAxes = Array.from({ length: d }, (_, k) => reference.subarray(k * n, (k + 1) * n))
    this.refProj = d > 1 ? Array.from({ length: directions }, (_, k) => reference.subarray(d * n + k * m, d * n + (k + 1) * m)) : []
    this.axes = this.refAxes.map(() => new Float32Array(n))
    this.prevAxes = this.refAxes.map(() => new Float32Array(n))
    this.projs = this.refProj.map(() => new Float32Array(m))
    this.prevProjs = this.refProj.map(() => new Float32Array(m))
  }

  /** Take `x` as the depth before the next one (a range of depths that does not start at 0). */
  prime(x: Float32Array): void {
    const { n, d, dirs, directions, slicedIdx } = this.plan
    // the step uses the first axis in 1-D, the sliced projections otherwise
    if (d === 1) this.sorter.sortColumn(x, n, d, 0, this.prevAxes[0])
    else {
      const xs = gatherRows(x, d, slicedIdx)
      for (let k = 0; k < directions; k++) this.sorter.sort(projectFast(xs, slicedIdx.length, d, dirs, k, this.prevProjs[k]), this.prevProjs[k])
    }
    this.hasPrev = true
    this.prevCloud = x
  }

  /** Statistics of the next depth's cloud `x`; `knn`: estimate its entropy from the kNN subsample. */
  next(x: Float32Array, knn: boolean): DepthStats {
    const { n: N, d: D, dirs, directions, slicedIdx, knnIdx, knnK } = this.plan
    const { sorter, refAxes, refProj, axes, projs } = this
    const nSliced = slicedIdx.length
    const mean = cloudMean(x, N, D)
    const covariance = cloudCovariance(x, N, D, mean)
    const w2AxisToInput = refAxes.map((ref, k) => Math.sqrt(w2SquaredEqual(ref, sorter.sortColumn(x, N, D, k, axes[k]))))
    let slicedW2ToInput = w2AxisToInput[0]
    let slicedW2Step: number | null = null
    if (D === 1) {
      // in 1-D every direction is +-1 and sliced W2 is the exact W2 already computed on all particles
      if (this.hasPrev) slicedW2Step = Math.sqrt(w2SquaredEqual(this.prevAxes[0], axes[0]))
    } else {
      const xs = gatherRows(x, D, slicedIdx)
      let acc = 0
      let accStep = 0
      for (let k = 0; k < directions; k++) {
        const p = sorter.sort(projectFast(xs, nSliced, D, dirs, k, projs[k]), projs[k])
        acc += w2SquaredEqual(refProj[k], p)
        if (this.hasPrev) accStep += w2SquaredEqual(this.prevProjs[k], p)
      }
      slicedW2ToInput = Math.sqrt(acc / directions)
      if (this.hasPrev) slicedW2Step = Math.sqrt(accStep / directions)
    }
    ;[this.axes, this.prevAxes] = [this.prevAxes, this.axes]
    ;[this.projs, this.prevProjs] = [this.prevProjs, this.projs]
    this.hasPrev = true
    const out: DepthStats = { mean, covariance, w2AxisToInput, slicedW2ToInput, slicedW2Step }
    if (this.prevCloud) out.step = stepStatistics(this.prevCloud, x, N, D)
    this.prevCloud = x
    if (this.plan.labels && this.plan.classes >= 2) out.separability = separability(x, N, D, this.plan.labels, this.plan.classes)
    // fewer than two particles have no neighbours: depthMetrics records entropy 0 with a note
    if (knn && N >= 2) out.knnEntropy = knnEntropy(knnIdx.length === N ? x : gatherRows(x, D, knnIdx), knnIdx.length, D, knnK).entropy
    return out
  }
}
