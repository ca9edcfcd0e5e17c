// One fixed step (Euler, Heun or RK4) of a whole chunk through the mixture score, block by block, with
// the dense-output positions of the recorded depths inside the step: the hot loop of mixture-kernel.ts,
// kept in a plain synchronous function (no closures, no await) so the JIT keeps it in registers.
import { scoreRows, scratchSize, type Rows } from './mixture-score64'

/** particles per block: the stage arrays (5 of BLOCK x D doubles) stay in the L1 cache */
export const BLOCK = 256

/** the chunk's state: positions X and, when `fValid`, the field at them F (both m rows of D, float64) */
export interface ChunkState {
  readonly k: number
  readonly dim: number
  readonly m: number
  readonly X: Float64Array
  readonly F: Float64Array
  readonly work: { K2: Float64Array; K3: Float64Array; K4: Float64Array; XN: Float64Array; FN: Float64Array; scratch: Float64Array; rows: Rows }
}

export function chunkState(k: number, dim: number, x0: Float32Array): ChunkState {
  const X = Float64Array.from(x0)
  const block = () => new Float64Array(BLOCK * dim)
  const rows: Rows = { x: X, xo: 0, dir: X, dirO: 0, a: 0, count: 0 }
  const work = { K2: block(), K3: block(), K4: block(), XN: block(), FN: block(), scratch: new Float64Array(scratchSize(k, dim)), rows }
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
  /** max |x_k+1| as float32 over the chunk when asked for (NaN if any is NaN), else 0 */
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
  const { K2, K3, K4, XN, FN, scratch, rows } = st.work
  let mx = 0
  let nonFinite = false
  for (let i0 = 0; i0 < m; i0 += BLOCK) {
    const cnt = Math.min(BLOCK, m - i0)
    const o = i0 * dim
    const l = cnt * dim
    rows.x = X
    rows.xo = o
    rows.count = cnt
    if (c.c1) {
      rows.dir = X
      rows.dirO = o
      rows.a = 0
      scoreRows(c.c1, k, dim, rows, F, o, scratch)
    }
    if (solver === 'euler') {
      for (let j = 0; j < l; j++) XN[j] = X[o + j] + h * F[o + j]
    } else if (solver === 'heun') {
      rows.dir = F
      rows.dirO = o
      rows.a = h
      scoreRows(c.end!, k, dim, rows, K2, 0, scratch)
      for (let j = 0; j < l; j++) XN[j] = X[o + j] + (h / 2) * (F[o + j] + K2[j])
    } else {
      rows.dir = F
      rows.dirO = o
      rows.a = h / 2
      scoreRows(c.mid!, k, dim, rows, K2, 0, scratch)
      rows.dir = K2
      rows.dirO = 0
      scoreRows(c.mid!, k, dim, rows, K3, 0, scratch)
      rows.dir = K3
      rows.a = h
      scoreRows(c.end!, k, dim, rows, K4, 0, scratch)
      for (let j = 0; j < l; j++) XN[j] = X[o + j] + (h / 6) * (F[o + j] + 2 * (K2[j] + K3[j]) + K4[j])
    }
    if (c.next) {
      rows.x = XN
      rows.xo = 0
      rows.dir = XN
      rows.dirO = 0
      rows.a = 0
      scoreRows(c.next, k, dim, rows, FN, 0, scratch)
    }
    for (const { at, w } of dense) {
      const [a, b, cc, d] = w
      const row = at + o
      for (let j = 0; j < l; j++) {
        out[row + j] = a * X[o + j] + b * h * F[o + j] + cc * XN[j] + (c.next ? d * h * FN[j] : 0)
        if (!Number.isFinite(out[row + j])) nonFinite = true
      }
    }
    if (check) for (let j = 0; j < l; j++) mx = Math.max(mx, Math.abs(Math.fround(XN[j])))
    X.set(XN.subarray(0, l), o)
    if (c.next) F.set(FN.subarray(0, l), o)
  }
  return { maxAbs: mx, nonFinite }
}
