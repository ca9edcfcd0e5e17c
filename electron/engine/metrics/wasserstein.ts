// Exact 1-D Wasserstein distances between two samples (by sorting: the optimal 1-D coupling is the
// monotone one), per-axis W2 between clouds, and sliced W2 over seeded random directions.
import { Float32Sorter } from './sort'
import type { Cloud, RandomSource } from './types'
import { message, MessageError } from '../../../shared/messages'

type Sorted = ArrayLike<number>

/**
 * W_p^p between two sorted samples with uniform weights, as the integral over u in (0,1) of
 * |F^-1(u) - G^-1(u)|^p. Equal sizes pair the i-th values; unequal sizes walk both quantile functions,
 * which are piecewise constant with breaks at i/n and j/m.
 */
export function wassersteinPowSorted(a: Sorted, b: Sorted, p: number): number {
  const n = a.length
  const m = b.length
  if (n === 0 || m === 0) throw new MessageError(message('engine.wassersteinEmpty'))
  let acc = 0
  if (n === m) {
    for (let i = 0; i < n; i++) acc += Math.abs(a[i] - b[i]) ** p
    return acc / n
  }
  // integer arithmetic on the common grid 1/(n*m) keeps the breakpoints exact
  let i = 0
  let j = 0
  let u = 0
  const total = n * m
  while (u < total) {
    const nextA = (i + 1) * m
    const nextB = (j + 1) * n
    const next = Math.min(nextA, nextB)
    acc += (next - u) * Math.abs(a[i] - b[j]) ** p
    u = next
    if (nextA === next) i++
    if (nextB === next) j++
  }
  return acc / total
}

function sortedCopy(x: ArrayLike<number>): Float64Array {
  const s = Float64Array.from(x)
  s.sort()
  return s
}

/** Exact 1-D W_p (p = 1 or 2, any p >= 1) between two samples of any sizes. */
export function wasserstein1d(a: ArrayLike<number>, b: ArrayLike<number>, p = 2): number {
  return wassersteinPowSorted(sortedCopy(a), sortedCopy(b), p) ** (1 / p)
}

/** Column `axis` of a flat [n, d] cloud as float32 (the storage precision of trajectories). */
export function column(x: Cloud, n: number, d: number, axis: number, out = new Float32Array(n)): Float32Array {
  for (let i = 0; i < n; i++) out[i] = x[i * d + axis]
  return out
}

/** `count` unit vectors in R^d, isotropic (normalised Gaussian vectors) from a seeded source. */
export function randomDirections(d: number, count: number, rng: RandomSource): Float64Array {
  const dirs = new Float64Array(count * d)
  for (let k = 0; k < count; k++) {
    let norm = 0
    while (norm < 1e-12) {
      norm = 0
      for (let j = 0; j < d; j++) {
        const g = rng.normal()
        dirs[k * d + j] = g
        norm += g * g
      }
    }
    norm = Math.sqrt(norm)
    for (let j = 0; j < d; j++) dirs[k * d + j] /= norm
  }
  return dirs
}

/** Projection of a cloud onto direction `k` of `dirs`, accumulated in float64, stored as float32. */
export function project(x: Cloud, n: number, d: number, dirs: Float64Array, k: number, out = new Float32Array(n)): Float32Array {
  const o = k * d
  for (let i = 0; i < n; i++) {
    let s = 0
    for (let j = 0; j < d; j++) s += x[i * d + j] * dirs[o + j]
    out[i] = s
  }
  return out
}

/**
 * Sliced W2: sqrt of the average over directions of the squared exact 1-D W2 between the projections.
 * Directions are drawn from `rng` (default 64), or given (`dirs`, flat [count, d]) to reuse across calls.
 */
export function slicedW2(
  x: Cloud,
  nx: number,
  y: Cloud,
  ny: number,
  d: number,
  rng: RandomSource,
  directions = 64,
  dirs: Float64Array = randomDirections(d, directions, rng)
): number {
  const count = dirs.length / d
  const sorter = new Float32Sorter()
  const px = new Float32Array(nx)
  const py = new Float32Array(ny)
  let acc = 0
  for (let k = 0; k < count; k++) {
    sorter.sort(project(x, nx, d, dirs, k, px), px)
    sorter.sort(project(y, ny, d, dirs, k, py), py)
    acc += wassersteinPowSorted(px, py, 2)
  }
  return Math.sqrt(acc / count)
}
