// Merging of particles through depth: a seeded sample of particle pairs followed from the input. A pair
// "started apart" when its input distance exceeds startRatio x the median input pair distance, and is
// "merged" at a depth where its distance is below endRatio x that same median. A flow (a diffeomorphism)
// cannot merge points; a coarse discretisation or a non-invertible layer can.
import { selectKth } from './sort'
import type { RandomSource } from './types'

export interface MergingOptions {
  /** pairs followed (default 20,000: the fraction's sampling error is then below 0.4 percentage points) */
  pairs?: number
  /** default 0.1 */
  startRatio?: number
  /** default 0.01 */
  endRatio?: number
}

export const DEFAULT_MERGING = { pairs: 20_000, startRatio: 0.1, endRatio: 0.01 } as const

export interface MergingConstants {
  pairs: number
  startRatio: number
  endRatio: number
  inputMedianDistance: number
  apartPairs: number
}

function pairDistance(x: ArrayLike<number>, d: number, i: number, j: number): number {
  let q = 0
  for (let k = 0; k < d; k++) {
    const a = x[i * d + k] - x[j * d + k]
    q += a * a
  }
  return Math.sqrt(q)
}

export class MergingProbe {
  readonly constants: MergingConstants
  /** the apart pairs only, as flat (i, j) */
  private readonly apart: Int32Array
  private readonly endDistance: number

  constructor(
    x0: ArrayLike<number>,
    n: number,
    private readonly d: number,
    rng: RandomSource,
    options: MergingOptions = {}
  ) {
    const pairs = n < 2 ? 0 : (options.pairs ?? DEFAULT_MERGING.pairs)
    const startRatio = options.startRatio ?? DEFAULT_MERGING.startRatio
    const endRatio = options.endRatio ?? DEFAULT_MERGING.endRatio
    const ii = new Int32Array(pairs)
    const jj = new Int32Array(pairs)
    const dist = new Float64Array(pairs)
    for (let p = 0; p < pairs; p++) {
      const i = Math.min(n - 1, Math.floor(rng.uniform() * n))
      let j = Math.min(n - 2, Math.floor(rng.uniform() * (n - 1)))
      if (j >= i) j++
      ii[p] = i
      jj[p] = j
      dist[p] = pairDistance(x0, d, i, j)
    }
    const median = pairs > 0 ? selectKth(Float64Array.from(dist), pairs >> 1) : 0
    const start = startRatio * median
    const kept: number[] = []
    for (let p = 0; p < pairs; p++) if (dist[p] > start) kept.push(ii[p], jj[p])
    this.apart = Int32Array.from(kept)
    this.endDistance = endRatio * median
    this.constants = { pairs, startRatio, endRatio, inputMedianDistance: median, apartPairs: kept.length / 2 }
  }

  /** Share of the apart pairs closer than endRatio x median in the cloud `x` (0 when none started apart). */
  fraction(x: ArrayLike<number>): number {
    const m = this.apart.length / 2
    if (m === 0) return 0
    let merged = 0
    for (let p = 0; p < m; p++) if (pairDistance(x, this.d, this.apart[2 * p], this.apart[2 * p + 1]) < this.endDistance) merged++
    return merged / m
  }
}
