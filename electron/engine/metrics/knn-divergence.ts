// k-nearest-neighbour estimate of the Kullback-Leibler divergence D(P || Q) from samples x ~ P, y ~ Q
// (Wang, Kulkarni & Verdu 2009): D ~ (d/n) sum_i log(nu_k(i) / rho_k(i)) + log(m / (n - 1)), rho_k(i) the
// distance from x_i to its k-th neighbour among the other x, nu_k(i) to its k-th neighbour among the y.
// k-d trees for d <= 3, brute force above (subsample large clouds first). Consistent for fixed k but slow
// to converge when P has heavier tails than Q (the estimate is then low: see the tests' tolerances).
import { cloudExtent, distanceFloor } from './entropy'
import { insertBest, KdTree } from './kdtree'
import type { Cloud } from './types'
import { message, MessageError } from '../../../shared/messages'

export interface KnnKlResult {
  value: number
  k: number
  n: number
  m: number
  /** distances raised to the resolution floor (duplicated points), both kinds together */
  clamped: number
}

/** Squared distance from query row `q` of `qs` to its k-th nearest row of `pts` (skipping row `self`). */
function bruteKth(qs: Cloud, q: number, pts: Cloud, count: number, d: number, k: number, self: number, best: Float64Array): number {
  best.fill(Infinity, 0, k)
  for (let i = 0; i < count; i++) {
    if (i === self) continue
    let s = 0
    for (let j = 0; j < d; j++) {
      const t = pts[i * d + j] - qs[q * d + j]
      s += t * t
    }
    insertBest(best, k, s)
  }
  return best[k - 1]
}

/** The k-th neighbour distances rho (within x) and nu (from x to y), one per point of x. */
export function knnDistances(x: Cloud, n: number, y: Cloud, m: number, d: number, k: number): { rho: Float64Array; nu: Float64Array } {
  const rho = new Float64Array(n)
  const nu = new Float64Array(n)
  if (d <= 3) {
    rho.set(new KdTree(x, n, d).kthNeighbourDistances(k))
    const ty = new KdTree(y, m, d)
    const q = new Float64Array(d)
    const out = new Float64Array(k)
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < d; j++) q[j] = x[i * d + j]
      nu[i] = Math.sqrt(ty.knnSquared(q, k, out)[k - 1])
    }
  } else {
    const best = new Float64Array(k)
    for (let i = 0; i < n; i++) {
      rho[i] = Math.sqrt(bruteKth(x, i, x, n, d, k, i, best))
      nu[i] = Math.sqrt(bruteKth(x, i, y, m, d, k, -1, best))
    }
  }
  return { rho, nu }
}

/** D(P || Q) from x ~ P [n, d] and y ~ Q [m, d]; k is capped at n - 1 and m. */
export function knnKlDivergence(x: Cloud, n: number, y: Cloud, m: number, d: number, k = 1): KnnKlResult {
  if (n < 2 || m < 1) throw new MessageError(message('engine.knnDivergenceTooFew'))
  if (!(k >= 1) || !Number.isInteger(k)) throw new Error(`k must be a positive integer, got ${k}`)
  const kk = Math.min(k, n - 1, m)
  const { rho, nu } = knnDistances(x, n, y, m, d, kk)
  const floor = distanceFloor(Math.max(cloudExtent(x, n, d), cloudExtent(y, m, d)))
  let sum = 0
  let clamped = 0
  for (let i = 0; i < n; i++) {
    let r = rho[i]
    let v = nu[i]
    if (r < floor) {
      r = floor
      clamped++
    }
    if (v < floor) {
      v = floor
      clamped++
    }
    sum += Math.log(v / r)
  }
  return { value: (d / n) * sum + Math.log(m / (n - 1)), k: kk, n, m, clamped }
}
