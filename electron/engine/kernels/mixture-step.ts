// One fixed step (Euler, Heun or RK4) of a whole chunk through the mixture score, block by block, with
// the dense-output positions of the recorded depths inside the step: the hot loop of mixture-kernel.ts,
// kept in a plain synchronous function (no closures, no await) so the JIT keeps it in registers.
import { scoreRows, scratchSize } from './mixture-score64'

/** particles per block: the stage arrays (5 of BLOCK x D doubles) stay in the L1 cache */
export const BLOCK = 256

/** the chunk's state: positions X and, when `fValid`, the field at them F (both m rows of D, float64) */
export interface ChunkState {
  readonly k: number
  readonly dim: number
  readonly m: number
  readonly X: Float64Array
  readonly F: Float64Array
  readonly work: { K2: Float64Array; K3: Float64Array; K4: Float64Array; XN: Float64Array; FN: Float64Array; scratch: Float64Array }
}

export function chunkState(k: number, dim: number, x0: Float32Array): ChunkState {
  const X = Float64Array.from(x0)
  const block = () => new Float64Array(BLOCK * dim)
  const work = { K2: block(), K3: block(), K4: block(), XN: block(), FN: block(), scratch: new Float64Array(scratchSize(k, dim)) }
  return { k, dim, m: x0.length / dim, X, F: new Float64Array(X.length), work }
}

/** the slots of one step: k1 (null: F already holds it), midpoint (RK4), end (Heun, RK4), end slope for Hermite */
export interface StepSlots {
  c1: Float64Array | null
  mid: Float64Array | null
  end: Float64Array | null
  next: Float64Array | null
}

/** a recorded depth inside the step: its row offset in the output and the weights of x_k, h f_k, x_k+1, h f_k+1 */
export interface DenseRow {
  at: number
  w: number[]
}

export interface StepOutcome {
  /** max |x_k+1| as float32 over the chunk when asked for (NaN if any is NaN), else -Infinity */
  maxAbs: number
  /** some dense-output position is not finite in float32 */
  nonFinite: boolean
}

export function stepChunk(
  st: ChunkState,
  solver: 'euler' | 'heun' | 'rk4',
  h: number,
  c: StepSlots,
  dense: DenseRow[],
  out: Float32Array,
  check: boolean
): StepOutcome {
  const { k, dim, m, X, F } = st
  const { K2, K3, K4, XN, FN, scratch } = st.work
  const { c1, mid, end, next } = c
  // -Infinity, not 0: always a double, so the returned object keeps one shape (a small integer 0 here
  // made the optimised code bail out at every step)
  let mx = -Infinity
  let nonFinite = false
  for (let i0 = 0; i0 < m; i0 += BLOCK) {
    const cnt = Math.min(BLOCK, m - i0)
    const o = i0 * dim
    const l = cnt * dim
    if (c1) scoreRows(c1, k, dim, X, o, X, o, 0, F, o, cnt, scratch)
    if (solver === 'euler') {
      for (let j = 0; j < l; j++) XN[j] = X[o + j] + h * F[o + j]
    } else if (solver === 'heun') {
      scoreRows(end!, k, dim, X, o, F, o, h, K2, 0, cnt, scratch)
      for (let j = 0; j < l; j++) XN[j] = X[o + j] + (h / 2) * (F[o + j] + K2[j])
    } else {
      scoreRows(mid!, k, dim, X, o, F, o, h / 2, K2, 0, cnt, scratch)
      scoreRows(mid!, k, dim, X, o, K2, 0, h / 2, K3, 0, cnt, scratch)
      scoreRows(end!, k, dim, X, o, K3, 0, h, K4, 0, cnt, scratch)
      for (let j = 0; j < l; j++) XN[j] = X[o + j] + (h / 6) * (F[o + j] + 2 * (K2[j] + K3[j]) + K4[j])
    }
    if (next) scoreRows(next, k, dim, XN, 0, XN, 0, 0, FN, 0, cnt, scratch)
    for (let r = 0; r < dense.length; r++) {
      const row = dense[r].at + o
      const w = dense[r].w
      const a = w[0]
      const b = w[1] * h
      const cc = w[2]
      const d = next ? w[3] * h : 0
      for (let j = 0; j < l; j++) {
        const y = Math.fround(a * X[o + j] + b * F[o + j] + cc * XN[j] + (next ? d * FN[j] : 0))
        out[row + j] = y
        if (y - y !== 0) nonFinite = true
      }
    }
    if (check) for (let j = 0; j < l; j++) mx = Math.max(mx, Math.abs(Math.fround(XN[j])))
    for (let j = 0; j < l; j++) X[o + j] = XN[j]
    if (next) for (let j = 0; j < l; j++) F[o + j] = FN[j]
  }
  return { maxAbs: mx, nonFinite }
}
