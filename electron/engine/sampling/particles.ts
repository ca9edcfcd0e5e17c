// The particles a run transports: a seeded sample, a regular grid (bounds default to mean +- 3 std
// of the distribution per axis) or explicit points; mixtures label grid/points by the likeliest component.
import type { ExperimentSpec } from '../../../shared/experiment'
import { distributionDimension } from '../../../shared/experiment'
import type { ResolvedDistribution } from '../../../shared/presets'
import { EngineError } from '../errors'
import { sampleDistribution } from './distributions'
import { mixtureMoments, mostLikelyComponents, prepareMixture } from './mixture'
import type { Rng } from './random'
import { message } from '../../../shared/messages'

export interface Particles {
  /** flat row-major [count, dim] */
  positions: Float32Array
  count: number
  dim: number
  /** mixture component (sampled) or most responsible component (grid, points); absent otherwise */
  labels?: Int32Array
}

/** sample size used to estimate the swiss roll's mean and spread for default grid bounds */
const BOUNDS_SAMPLE = 20_000

/** Per-axis mean and standard deviation: exact for mixtures, from a forked sample otherwise. */
export function axisMoments(dist: ResolvedDistribution, rng: Rng): { mean: number[]; std: number[] } {
  if (dist.kind === 'mixture') {
    const { mean, covariance } = mixtureMoments(dist)
    return { mean, std: covariance.map((row, i) => Math.sqrt(row[i])) }
  }
  const dim = dist.dimension
  const { positions } = sampleDistribution(dist, BOUNDS_SAMPLE, rng.fork('grid-bounds'))
  const mean = new Array<number>(dim).fill(0)
  const sq = new Array<number>(dim).fill(0)
  for (let i = 0; i < BOUNDS_SAMPLE; i++) for (let j = 0; j < dim; j++) mean[j] += positions[i * dim + j] / BOUNDS_SAMPLE
  for (let i = 0; i < BOUNDS_SAMPLE; i++) for (let j = 0; j < dim; j++) sq[j] += (positions[i * dim + j] - mean[j]) ** 2 / (BOUNDS_SAMPLE - 1)
  return { mean, std: sq.map(Math.sqrt) }
}

/** Regular grid, first axis slowest (row-major like numpy's meshgrid indexing='ij'). */
export function gridPositions(counts: number[], bounds: [number, number][]): Float32Array {
  const dim = counts.length
  const n = counts.reduce((a, b) => a * b, 1)
  const axes = counts.map((c, j) => {
    const [lo, hi] = bounds[j]
    // one point on an axis sits at the middle of its bounds
    return Array.from({ length: c }, (_, i) => (c === 1 ? (lo + hi) / 2 : lo + ((hi - lo) * i) / (c - 1)))
  })
  const out = new Float32Array(n * dim)
  const idx = new Array<number>(dim).fill(0)
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < dim; j++) out[i * dim + j] = axes[j][idx[j]]
    for (let j = dim - 1; j >= 0; j--) {
      if (++idx[j] < counts[j]) break
      idx[j] = 0
    }
  }
  return out
}

export function makeParticles(spec: ExperimentSpec, dist: ResolvedDistribution, rng: Rng): Particles {
  const dim = distributionDimension(dist)
  const p = spec.particles
  if (p.kind === 'sample') {
    const s = sampleDistribution(dist, p.count, rng)
    return { positions: s.positions, count: p.count, dim, ...(s.labels ? { labels: s.labels } : {}) }
  }
  let positions: Float32Array
  if (p.kind === 'grid') {
    const counts = Array.isArray(p.counts) ? p.counts : new Array<number>(dim).fill(p.counts)
    if (counts.length !== dim) throw new EngineError('invalid-spec', message('engine.gridCountsPerAxis', { dim }))
    let bounds = p.bounds
    if (!bounds) {
      const { mean, std } = axisMoments(dist, rng)
      bounds = mean.map((m, j): [number, number] => [m - 3 * std[j], m + 3 * std[j]])
    }
    if (bounds.length !== dim) throw new EngineError('invalid-spec', message('engine.gridBoundsPerAxis', { dim }))
    positions = gridPositions(counts, bounds)
  } else {
    p.points.forEach((pt, i) => {
      if (pt.length !== dim) throw new EngineError('invalid-spec', message('engine.pointCoordinates', { i, got: pt.length, dim }))
    })
    positions = Float32Array.from(p.points.flat())
  }
  const count = positions.length / dim
  if (dist.kind !== 'mixture') return { positions, count, dim }
  return { positions, count, dim, labels: mostLikelyComponents(prepareMixture(dist), positions) }
}
