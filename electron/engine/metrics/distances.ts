// The registry of distances between two particle clouds: metric name -> implementation, its options and
// defaults, and one result shape (value, what the value is, options used, sizes, subsample used) shared by
// the CLI (`nagare distance`) and the per-layer analysis. Randomness (subsamples, directions) comes from
// one seed through labelled streams, so a result is reproducible from its printed options.
import { createRng, type Rng } from '../sampling/random'
import { EngineError } from '../errors'
import { buresW2 } from './bures'
import { energyDistance } from './energy'
import { knnKlDivergence } from './knn-divergence'
import { mmd } from './mmd'
import { sinkhornDivergence } from './sinkhorn'
import { sampleIndices } from './subsample'
import type { Cloud } from './types'
import { randomDirections, slicedW2, wasserstein1d } from './wasserstein'
import { type Message, message, type MessageKey, type MessageParam } from '../../../shared/messages'

export const METRIC_NAMES = ['w1-1d', 'w2-1d', 'sliced-w2', 'sinkhorn', 'bures', 'mmd', 'energy', 'kl'] as const
export type MetricName = (typeof METRIC_NAMES)[number]

/** A flat row-major cloud of n points in d dimensions. */
export interface PointCloud {
  data: Cloud
  n: number
  d: number
}

export interface DistanceOptions {
  /** seed of the subsamples and random directions (default 0) */
  seed?: number
  /** sliced-w2: number of random directions */
  directions?: number
  /** sinkhorn: entropic regularisation in squared-distance units */
  eps?: number
  /** sinkhorn: most iterations */
  iterations?: number
  /** sinkhorn: stop when the L1 marginal error is at most this */
  tolerance?: number
  /** sinkhorn: eps-scaling factor in (0, 1), 0 = fixed eps */
  annealing?: number
  /** sinkhorn: over-relaxation in [1, 2), 1 = plain Sinkhorn */
  overRelaxation?: number
  /** at most this many points of each cloud enter the metric (a seeded subsample beyond) */
  maxPoints?: number
  /** kl: neighbour rank */
  k?: number
}
type OptionKey = keyof DistanceOptions

export interface DistanceResult {
  metric: MetricName
  value: number
  /** what `value` measures, in words */
  quantity: string
  /** every option the metric used, defaults filled in */
  options: Partial<Record<OptionKey, number>>
  n_a: number
  n_b: number
  d: number
  /** points of each cloud actually used when a seeded subsample was taken, else null */
  subsample: { a: number; b: number } | null
  /** diagnostics specific to the metric (iterations, bandwidth, ...) */
  details: Record<string, number | boolean>
}

interface Prepared {
  a: PointCloud
  b: PointCloud
  rng: Rng
}

interface MetricSpec {
  description: string
  quantity: string
  /** options the metric reads, with their defaults (maxPoints may depend on the dimension) */
  defaults: (d: number) => Partial<Record<OptionKey, number>>
  /** subsample to maxPoints before running */
  subsamples: boolean
  /** only for 1-D clouds */
  oneDimensional?: boolean
  /** fewest points of the first and the second cloud the estimator is defined for (default 1, 1) */
  minPoints?: [number, number]
  run(p: Prepared, o: Required<DistanceOptions>): { value: number; details?: Record<string, number | boolean> }
}

const column = (c: PointCloud): Float64Array => Float64Array.from(c.data.subarray(0, c.n))

export const METRICS: Record<MetricName, MetricSpec> = {
  'w1-1d': {
    description: 'exact 1-D Wasserstein-1 (sorted samples; unequal sizes by quantiles)',
    quantity: 'W1',
    defaults: () => ({}),
    subsamples: false,
    oneDimensional: true,
    run: ({ a, b }) => ({ value: wasserstein1d(column(a), column(b), 1) })
  },
  'w2-1d': {
    description: 'exact 1-D Wasserstein-2 (sorted samples; unequal sizes by quantiles)',
    quantity: 'W2',
    defaults: () => ({}),
    subsamples: false,
    oneDimensional: true,
    run: ({ a, b }) => ({ value: wasserstein1d(column(a), column(b), 2) })
  },
  'sliced-w2': {
    description: 'sliced W2 over seeded random directions (exact 1-D W2 of each projection)',
    quantity: 'sliced W2: sqrt of the mean over directions of the squared 1-D W2 of the projections',
    defaults: () => ({ seed: 0, directions: 64, maxPoints: 1_000_000 }),
    subsamples: true,
    run: ({ a, b, rng }, o) => {
      const dirs = randomDirections(a.d, o.directions, rng.fork('directions'))
      return { value: slicedW2(a.data, a.n, b.data, b.n, a.d, rng, o.directions, dirs) }
    }
  },
  sinkhorn: {
    description: 'debiased Sinkhorn divergence, log-domain stabilised, squared Euclidean cost',
    quantity: 'S_eps = OT_eps(a,b) - OT_eps(a,a)/2 - OT_eps(b,b)/2, OT_eps with the entropy term (squared-distance units; -> W2^2 as eps -> 0)',
    // annealing and over-relaxation: robust and ~4x fewer iterations than plain Sinkhorn (see sinkhorn.ts)
    defaults: () => ({ seed: 0, eps: 0.1, iterations: 1000, tolerance: 1e-5, annealing: 0.5, overRelaxation: 1.8, maxPoints: 2000 }),
    subsamples: true,
    run: ({ a, b }, o) => {
      const r = sinkhornDivergence(a.data, a.n, b.data, b.n, a.d, o)
      return {
        value: r.value,
        details: {
          ot_ab: r.ab.value,
          ot_aa: r.aa.value,
          ot_bb: r.bb.value,
          transport_cost_ab: r.ab.transportCost,
          iterations_ab: r.ab.iterations,
          iterations_aa: r.aa.iterations,
          iterations_bb: r.bb.iterations,
          marginal_error_ab: r.ab.marginalError,
          converged: r.ab.converged && r.aa.converged && r.bb.converged
        }
      }
    }
  },
  bures: {
    description: 'Gaussian (Bures) W2 between the Gaussians fitted to the two clouds (moments)',
    quantity: 'W2 between N(mean_a, cov_a) and N(mean_b, cov_b)',
    defaults: () => ({}),
    subsamples: false,
    run: ({ a, b }) => {
      const r = buresW2(a.data, a.n, b.data, b.n, a.d)
      return { value: r.value, details: { mean_term: r.meanTerm, covariance_term: r.covarianceTerm } }
    }
  },
  mmd: {
    description: 'MMD with a Gaussian kernel, median-heuristic bandwidth, unbiased estimate',
    quantity: 'unbiased MMD^2 (kernel exp(-|x-y|^2 / (2 bandwidth^2)); about 0 or slightly negative for equal distributions)',
    defaults: () => ({ seed: 0, maxPoints: 4000 }),
    subsamples: true,
    minPoints: [2, 2],
    run: ({ a, b, rng }) => {
      const r = mmd(a.data, a.n, b.data, b.n, a.d, MEDIAN_POINTS, rng.fork('median'))
      return { value: r.value, details: { bandwidth: r.bandwidth, median_points: r.medianPoints } }
    }
  },
  energy: {
    description: 'energy distance (unbiased U-statistic)',
    quantity: "energy distance 2E|X-Y| - E|X-X'| - E|Y-Y'| (unbiased; about 0 or slightly negative for equal distributions)",
    // exact O(n log n) in 1-D, O(n m) pairwise above
    defaults: (d) => ({ seed: 0, maxPoints: d === 1 ? 1_000_000 : 4000 }),
    subsamples: true,
    minPoints: [2, 2],
    run: ({ a, b }) => {
      const r = energyDistance(a.data, a.n, b.data, b.n, a.d)
      return { value: r.value, details: { mean_cross: r.cross, mean_within_a: r.withinA, mean_within_b: r.withinB } }
    }
  },
  kl: {
    description: 'kNN estimate of the Kullback-Leibler divergence D(A || B) (Wang-Kulkarni-Verdu)',
    quantity: 'D(A || B) in nats',
    // k = 1: the least biased in tests on Gaussians (N(0,2I) || N(0,I) in 2-D, n = 2e4: k = 1, 3, 5 give
    // about 0.30, 0.27, 0.25 against 0.307); larger k trades bias for variance
    defaults: (d) => ({ seed: 0, k: 1, maxPoints: d <= 3 ? 100_000 : 5000 }),
    subsamples: true,
    minPoints: [2, 1],
    run: ({ a, b }, o) => {
      const r = knnKlDivergence(a.data, a.n, b.data, b.n, a.d, o.k)
      return { value: r.value, details: { k_used: r.k, clamped: r.clamped } }
    }
  }
}

/** Pooled points for the MMD median heuristic (about 500,000 pairs). */
export const MEDIAN_POINTS = 1000

const invalid = (m: Message): EngineError => new EngineError('invalid-request', m)

/** Allowed range of each option: [min, max), integer or not, and how the CLI spells it. */
const RANGES: Record<OptionKey, { min: number; max: number; integer: boolean; flag: string; openMin?: boolean }> = {
  seed: { min: -(2 ** 31), max: 2 ** 31, integer: true, flag: '--seed' },
  directions: { min: 1, max: 100_000, integer: true, flag: '--directions' },
  eps: { min: 0, max: Infinity, integer: false, flag: '--eps', openMin: true },
  iterations: { min: 1, max: 1e9, integer: true, flag: '--iterations' },
  tolerance: { min: 0, max: Infinity, integer: false, flag: '--tolerance' },
  annealing: { min: 0, max: 1, integer: false, flag: '--annealing' },
  overRelaxation: { min: 1, max: 2, integer: false, flag: '--over-relaxation' },
  maxPoints: { min: 2, max: 2 ** 31, integer: true, flag: '--max-points' },
  k: { min: 1, max: 1000, integer: true, flag: '--k' }
}

const optionRangeKey = (openMin: boolean, bounded: boolean): MessageKey =>
  openMin ? (bounded ? 'engine.optionAboveBelow' : 'engine.optionAbove') : bounded ? 'engine.optionAtLeastBelow' : 'engine.optionAtLeast'

function checkOption(key: OptionKey, v: number): void {
  const r = RANGES[key]
  if (!Number.isFinite(v) || (r.integer && !Number.isInteger(v)))
    throw invalid(message(r.integer ? 'engine.optionNotInteger' : 'engine.optionNotFinite', { flag: r.flag, value: v }))
  if ((r.openMin ? !(v > r.min) : v < r.min) || !(v < r.max))
    throw invalid(message(optionRangeKey(r.openMin === true, Number.isFinite(r.max)), { flag: r.flag, min: r.min, max: r.max, value: v }))
}

/** Rows `idx` of a cloud as float64 (no precision lost on float64 input). */
function gather(c: PointCloud, idx: Int32Array): PointCloud {
  const { d } = c
  const out = new Float64Array(idx.length * d)
  for (let i = 0; i < idx.length; i++) for (let j = 0; j < d; j++) out[i * d + j] = c.data[idx[i] * d + j]
  return { data: out, n: idx.length, d }
}

/** Check that a cloud is usable: shape consistent, every value finite. */
export function checkCloud(c: PointCloud, label: MessageParam): void {
  if (!Number.isInteger(c.n) || !Number.isInteger(c.d) || c.d < 1 || c.data.length !== c.n * c.d)
    throw invalid(message('engine.cloudShape', { label, count: c.data.length, n: c.n, d: c.d }))
  if (c.n === 0) throw invalid(message('engine.cloudEmpty', { label }))
  for (let i = 0; i < c.data.length; i++)
    if (!Number.isFinite(c.data[i])) throw invalid(message('engine.cloudNonFinite', { label, index: Math.floor(i / c.d), value: c.data[i] }))
}

/** Compute one metric between clouds a and b. Throws EngineError('invalid-request') for unusable input. */
export function computeDistance(metric: MetricName, a: PointCloud, b: PointCloud, options: DistanceOptions = {}): DistanceResult {
  const spec = METRICS[metric]
  if (!spec) throw invalid(message('engine.unknownMetric', { metric, names: METRIC_NAMES.join(', ') }))
  checkCloud(a, message('engine.firstCloud'))
  checkCloud(b, message('engine.secondCloud'))
  if (a.d !== b.d) throw invalid(message('engine.cloudDimensionsDiffer', { a: a.d, b: b.d }))
  if (spec.oneDimensional && a.d !== 1) throw invalid(message('engine.metricNeeds1d', { metric, d: a.d }))
  const [minA, minB] = spec.minPoints ?? [1, 1]
  if (a.n < minA || b.n < minB) throw invalid(message('engine.metricNeedsPoints', { metric, minA, minB, a: a.n, b: b.n }))
  const defaults = spec.defaults(a.d)
  const used: Partial<Record<OptionKey, number>> = {}
  for (const key of Object.keys(defaults) as OptionKey[]) {
    const v = options[key] ?? defaults[key]
    if (v === undefined) continue
    checkOption(key, v)
    used[key] = v
  }
  const o = used as Required<DistanceOptions>
  const rng = createRng(o.seed ?? 0)
  let pa = a
  let pb = b
  let subsample: DistanceResult['subsample'] = null
  if (spec.subsamples && (a.n > o.maxPoints || b.n > o.maxPoints)) {
    if (a.n > o.maxPoints) pa = gather(a, sampleIndices(a.n, o.maxPoints, rng.fork('subsample-a')))
    if (b.n > o.maxPoints) pb = gather(b, sampleIndices(b.n, o.maxPoints, rng.fork('subsample-b')))
    subsample = { a: pa.n, b: pb.n }
  }
  const r = spec.run({ a: pa, b: pb, rng }, o)
  return { metric, value: r.value, quantity: spec.quantity, options: used, n_a: a.n, n_b: b.n, d: a.d, subsample, details: r.details ?? {} }
}
