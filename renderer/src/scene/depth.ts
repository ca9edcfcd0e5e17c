// Where a depth falls between the recorded depth samples. The CPU finds the bracketing pair once per
// frame (depths may be uneven); the vertex shaders receive (i0, i1, w) as uniforms and mix the two texels.
import { readTexel, type UploadPlan } from './layout'

export interface Bracket {
  i0: number
  i1: number
  /** weight of i1: position = (1 - w) p[i0] + w p[i1] */
  w: number
}

/**
 * Bracketing samples of `depth` in ascending `depths`, clamped to the recorded range. Writes into `out`
 * when given (the scrub path allocates nothing per frame).
 */
export function bracket(depths: ArrayLike<number>, depth: number, out: Bracket = { i0: 0, i1: 0, w: 0 }): Bracket {
  const n = depths.length
  if (n === 0) return set(out, 0, 0, 0)
  if (n === 1 || !(depth > depths[0])) return set(out, 0, Math.min(1, n - 1), 0)
  if (depth >= depths[n - 1]) return set(out, n - 2, n - 1, 1)
  let lo = 0
  let hi = n - 1
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1
    if (depths[mid] <= depth) lo = mid
    else hi = mid
  }
  const span = depths[hi] - depths[lo]
  return set(out, lo, hi, span > 0 ? (depth - depths[lo]) / span : 0)
}

function set(b: Bracket, i0: number, i1: number, w: number): Bracket {
  b.i0 = i0
  b.i1 = i1
  b.w = w
  return b
}

/** CPU mirror of the shaders' currentPosition(): the interpolated position of displayed particle j. */
export function interpolatedPosition(packed: Float32Array, plan: UploadPlan, b: Bracket, particle: number): number[] {
  const a = readTexel(packed, plan, b.i0, particle)
  const c = readTexel(packed, plan, b.i1, particle)
  return a.map((v, k) => v + (c[k] - v) * b.w)
}

/**
 * Sample indices of the fading trail behind the current position (3-D view): trail point 0 is the
 * current position, point k >= 1 the recorded sample i0 + 1 - k, clamped at 0. Mirrors trailSample().
 */
export function trailSample(b: Bracket, k: number): number {
  return Math.max(0, b.i0 + 1 - k)
}
