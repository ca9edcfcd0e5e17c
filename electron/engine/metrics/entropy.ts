// Differential entropy (nats): the closed form for a Gaussian, and the Kozachenko-Leonenko k-nearest-
// neighbour estimate from particles, H = psi(N) - psi(k) + log V_m + (m/N) sum_i log r_{i,k}.
import { KdTree } from './kdtree'
import { determinant } from './moments'
import { digamma, logUnitBallVolume } from './special'
import type { Cloud } from './types'
import { message, MessageError } from '../../../shared/messages'

/** H of N(m, S) = 0.5 log((2 pi e)^m det S); -Infinity for a singular S. */
export function gaussianEntropy(covariance: number[][]): number {
  const m = covariance.length
  const det = determinant(covariance)
  if (!(det > 0)) return -Infinity
  return 0.5 * (m * Math.log(2 * Math.PI * Math.E) + Math.log(det))
}

export interface KnnEntropyResult {
  entropy: number
  k: number
  n: number
  /** particles whose k-th neighbour distance was below the resolution floor (duplicates) */
  clamped: number
  floor: number
}

/** float32 carries 24 significant bits: positions closer than this relative to the cloud's extent are
 * indistinguishable in a trajectory, so that is the smallest distance the estimator trusts. */
const RELATIVE_RESOLUTION = 2 ** -23

/** Largest coordinate magnitude or per-axis extent of a cloud: the scale its float32 values resolve. */
export function cloudExtent(x: Cloud, n: number, d: number): number {
  let scale = 0
  for (let j = 0; j < d; j++) {
    let mn = Infinity
    let mx = -Infinity
    for (let i = 0; i < n; i++) {
      const v = x[i * d + j]
      if (v < mn) mn = v
      if (v > mx) mx = v
    }
    scale = Math.max(scale, mx - mn, Math.abs(mn), Math.abs(mx))
  }
  return scale
}

/** Neighbour distances below this are not resolved in float32 (1e-300 when every point coincides). */
export function distanceFloor(scale: number): number {
  return Math.max(scale * RELATIVE_RESOLUTION, 1e-300)
}

/**
 * Kozachenko-Leonenko entropy with a k-d tree (D <= 3). Duplicate points would give r_{i,k} = 0 and a
 * log of -Infinity; distances are instead floored at the float32 resolution of the cloud
 * (2^-23 x its largest coordinate magnitude or extent, or 1e-300 if all points coincide), so duplicates
 * give a finite, very negative contribution, and `clamped` says how many particles were affected.
 */
export function knnEntropy(x: Cloud, n: number, d: number, k = 5): KnnEntropyResult {
  if (n < 2) throw new MessageError(message('engine.entropyTooFew'))
  const kk = Math.min(k, n - 1)
  const floor = distanceFloor(cloudExtent(x, n, d))
  const r = new KdTree(x, n, d).kthNeighbourDistances(kk)
  let sumLog = 0
  let clamped = 0
  for (let i = 0; i < n; i++) {
    let ri = r[i]
    if (ri < floor) {
      ri = floor
      clamped++
    }
    sumLog += Math.log(ri)
  }
  const entropy = digamma(n) - digamma(kk) + logUnitBallVolume(d) + (d / n) * sumLog
  return { entropy, k: kk, n, clamped, floor }
}
