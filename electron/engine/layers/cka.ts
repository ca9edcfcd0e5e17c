// Linear CKA (Kornblith et al. 2019) between two layers' activations of any widths, float64: the
// similarity of representations up to rotation and isotropic scaling, 1 for X vs X Q or a X + b.
import { gramMatrix } from './pair-matrix'

export function centred(x: Float64Array, n: number, w: number): Float64Array {
  const out = Float64Array.from(x)
  for (let c = 0; c < w; c++) {
    let m = 0
    for (let i = 0; i < n; i++) m += x[i * w + c]
    m /= n
    for (let i = 0; i < n; i++) out[i * w + c] -= m
  }
  return out
}

/** ||A^T B||_F^2 for row-major [n, wa] and [n, wb] (B^T A accumulated row by row). */
function crossFrobeniusSq(a: Float64Array, wa: number, b: Float64Array, wb: number, n: number): number {
  const m = new Float64Array(wa * wb)
  for (let i = 0; i < n; i++) {
    const oa = i * wa
    const ob = i * wb
    for (let p = 0; p < wa; p++) {
      const v = a[oa + p]
      if (v === 0) continue
      const row = p * wb
      for (let q = 0; q < wb; q++) m[row + q] += v * b[ob + q]
    }
  }
  let s = 0
  for (let t = 0; t < m.length; t++) s += m[t] * m[t]
  return s
}

/** ||X^T X||_F^2 accumulating only the upper triangle of the symmetric X^T X (half the work). */
function selfFrobeniusSq(x: Float64Array, w: number, n: number): number {
  const m = new Float64Array(w * w)
  for (let i = 0; i < n; i++) {
    const o = i * w
    for (let p = 0; p < w; p++) {
      const v = x[o + p]
      if (v === 0) continue
      const row = p * w
      for (let q = p; q < w; q++) m[row + q] += v * x[o + q]
    }
  }
  let s = 0
  for (let p = 0; p < w; p++) {
    s += m[p * w + p] ** 2
    for (let q = p + 1; q < w; q++) s += 2 * m[p * w + q] ** 2
  }
  return s
}

function frobeniusSq(g: Float64Array): number {
  let s = 0
  for (let t = 0; t < g.length; t++) s += g[t] * g[t]
  return s
}

/** Column-centred features with ||X^T X||_F, the part of CKA that depends on one layer only (cache it). */
export interface CkaSide {
  xc: Float64Array
  w: number
  selfNorm: number
  /** X X^T when it was computed for selfNorm (w > n): kept so each pair's CKA does not recompute it */
  gram?: Float64Array
}

/** Prepare one layer for linearCkaOf: centre the columns and compute ||X^T X||_F once. */
export function ckaSide(x: Float64Array, n: number, w: number): CkaSide {
  const xc = centred(x, n, w)
  // ||X^T X||_F = ||X X^T||_F: take the smaller of the two matrices
  if (w <= n) return { xc, w, selfNorm: Math.sqrt(selfFrobeniusSq(xc, w, n)) }
  const g = gramMatrix(xc, n, w)
  return { xc, w, selfNorm: Math.sqrt(frobeniusSq(g)), gram: g }
}

/** Linear CKA from two prepared sides; `form` picks how ||Y^T X||_F^2 is computed (the same number). */
export function linearCkaOf(a: CkaSide, b: CkaSide, n: number, form: 'auto' | 'feature' | 'gram' = 'auto'): number {
  if (!(a.selfNorm > 0 && b.selfNorm > 0)) return 0
  return ckaOfCross(ckaCross(a, b, n, form), a.selfNorm, b.selfNorm)
}

/** ||Y^T X||_F^2, the numerator of linearCkaOf: the part that needs both layers (the pool computes it beside the rest of a row). */
export function ckaCross(a: Omit<CkaSide, 'selfNorm'>, b: Omit<CkaSide, 'selfNorm'>, n: number, form: 'auto' | 'feature' | 'gram' = 'auto'): number {
  const useGram = form === 'gram' || (form === 'auto' && n * (a.w + b.w) < 2 * a.w * b.w)
  return useGram ? gramInner(a, b, n) : crossFrobeniusSq(b.xc, b.w, a.xc, a.w, n)
}

/** linearCkaOf from its numerator and the two sides' norms (0 when either side is constant). */
export function ckaOfCross(xy: number, aNorm: number, bNorm: number): number {
  return aNorm > 0 && bNorm > 0 ? xy / (aNorm * bNorm) : 0
}

/** <X X^T, Y Y^T>_F = ||Y^T X||_F^2. */
function gramInner(a: Omit<CkaSide, 'selfNorm'>, b: Omit<CkaSide, 'selfNorm'>, n: number): number {
  const k = a.gram ?? gramMatrix(a.xc, n, a.w)
  const l = b.gram ?? gramMatrix(b.xc, n, b.w)
  let s = 0
  for (let t = 0; t < k.length; t++) s += k[t] * l[t]
  return s
}

/**
 * Linear CKA = ||Y^T X||_F^2 / (||X^T X||_F ||Y^T Y||_F) with column-centred X and Y, computed in feature
 * space (cost n w^2) or, when the widths exceed n, through the Gram matrices (cost n^2 w): the same number,
 * since ||Y^T X||_F^2 = <X X^T, Y Y^T>_F. 0 when either side is constant.
 */
export function linearCka(x: Float64Array, wx: number, y: Float64Array, wy: number, n: number, form: 'auto' | 'feature' | 'gram' = 'auto'): number {
  return linearCkaOf(ckaSide(x, n, wx), ckaSide(y, n, wy), n, form)
}
