// Maximum mean discrepancy with a Gaussian kernel k(x, y) = exp(-|x - y|^2 / (2 sigma^2)), the unbiased
// U-statistic MMD^2_u (Gretton et al. 2012; about 0, possibly slightly negative, for samples of one
// distribution), sigma by the median heuristic: the median pairwise distance of the pooled sample.
import { selectKth } from './sort'
import { sampleIndices } from './subsample'
import type { Cloud, RandomSource } from './types'
import { message, MessageError } from '../../../shared/messages'

export interface MmdResult {
  /** unbiased MMD^2 estimate */
  value: number
  bandwidth: number
  /** pooled points the median heuristic looked at */
  medianPoints: number
}

function sqDist(x: Cloud, i: number, y: Cloud, j: number, d: number): number {
  let s = 0
  for (let k = 0; k < d; k++) {
    const t = x[i * d + k] - y[j * d + k]
    s += t * t
  }
  return s
}

/**
 * Median heuristic: the median Euclidean distance over all pairs of at most `maxPoints` pooled points
 * (half from each cloud, drawn with `rng` when a cloud has more; its first points without one).
 * The upper middle value for an even number of pairs; 1 if every pair coincides.
 */
export function medianBandwidth(
  x: Cloud,
  n: number,
  y: Cloud,
  m: number,
  d: number,
  maxPoints = 1000,
  rng?: RandomSource
): { bandwidth: number; points: number } {
  const ny = Math.min(m, maxPoints - Math.min(n, Math.ceil(maxPoints / 2)))
  const nx = Math.min(n, maxPoints - ny)
  const pick = (size: number, count: number): Int32Array =>
    rng && count < size ? sampleIndices(size, count, rng) : Int32Array.from({ length: count }, (_, i) => i)
  const ix = pick(n, nx)
  const iy = pick(m, ny)
  const total = nx + ny
  const dist = new Float64Array((total * (total - 1)) / 2)
  let c = 0
  for (let p = 0; p < total; p++) {
    const a = p < nx ? x : y
    const i = p < nx ? ix[p] : iy[p - nx]
    for (let q = p + 1; q < total; q++) dist[c++] = q < nx ? sqDist(a, i, x, ix[q], d) : sqDist(a, i, y, iy[q - nx], d)
  }
  if (c === 0) return { bandwidth: 1, points: total }
  const median = Math.sqrt(selectKth(dist, c >> 1))
  return { bandwidth: median > 0 ? median : 1, points: total }
}

/** sum over i < j of k(x_i, x_j) */
function withinSum(x: Cloud, n: number, d: number, gamma: number): number {
  let s = 0
  for (let i = 0; i < n; i++) {
    let row = 0
    for (let j = i + 1; j < n; j++) row += Math.exp(-gamma * sqDist(x, i, x, j, d))
    s += row
  }
  return s
}

function crossSum(x: Cloud, n: number, y: Cloud, m: number, d: number, gamma: number): number {
  let s = 0
  for (let i = 0; i < n; i++) {
    let row = 0
    for (let j = 0; j < m; j++) row += Math.exp(-gamma * sqDist(x, i, y, j, d))
    s += row
  }
  return s
}

/** MMD^2_u with bandwidth sigma (O((n + m)^2); subsample large clouds first). n, m >= 2. */
export function mmdSquared(x: Cloud, n: number, y: Cloud, m: number, d: number, bandwidth: number): number {
  if (n < 2 || m < 2) throw new MessageError(message('engine.mmdTooFew'))
  if (!(bandwidth > 0)) throw new Error(`bandwidth must be positive, got ${bandwidth}`)
  const gamma = 1 / (2 * bandwidth * bandwidth)
  const kxx = (2 * withinSum(x, n, d, gamma)) / (n * (n - 1))
  const kyy = (2 * withinSum(y, m, d, gamma)) / (m * (m - 1))
  const kxy = crossSum(x, n, y, m, d, gamma) / (n * m)
  return kxx + kyy - 2 * kxy
}

/** MMD^2_u with the median-heuristic bandwidth (computed on at most `medianPoints` pooled points). */
export function mmd(x: Cloud, n: number, y: Cloud, m: number, d: number, medianPoints = 1000, rng?: RandomSource): MmdResult {
  const { bandwidth, points } = medianBandwidth(x, n, y, m, d, medianPoints, rng)
  return { value: mmdSquared(x, n, y, m, d, bandwidth), bandwidth, medianPoints: points }
}
