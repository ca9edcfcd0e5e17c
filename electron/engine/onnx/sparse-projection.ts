// The very sparse random projection (Li, Hastie & Church 2006) that reduces feature maps wider than the
// exact cap: entries sqrt(s / dim) x {+1, 0, -1} with probabilities {1/(2s), 1 - 1/s, 1/(2s)}, s = sqrt(d).
// Like the dense Gaussian N(0, 1/dim) matrix it replaces, E|Rx|^2 = |x|^2 and it is a Johnson-Lindenstrauss
// projection; the variance of |Rx|^2 exceeds the Gaussian's only by (s - 3) sum x_j^4 / dim, small when a
// feature map's energy is spread over many features. Only ~d dim / s entries are nonzero (1/128 of them at
// d = 16,384), so the product is a few additions per output in JavaScript instead of a dense BLAS product.
import { createRng } from '../sampling/random'

/**
 * Column j's nonzero rows: rows[start[j] .. split[j]) carry +scale, rows[split[j] .. start[j + 1]) -scale.
 * Rows within a sign are ascending, so a column reads its sample's features front to back.
 */
export interface SparseProjection {
  features: number
  dim: number
  scale: number
  start: Int32Array
  split: Int32Array
  rows: Int32Array
}

/** The sparsity s of a projection from `features` dimensions: sqrt(features), at least 1 (then dense signs). */
export const sparsityOf = (features: number): number => Math.max(1, Math.sqrt(features))

/** The seeded matrix [features, dim]; depends only on (seed, features, dim), as the Gaussian one did. */
export function sparseProjection(features: number, dim: number, seed: number): SparseProjection {
  const rng = createRng(seed).fork(`onnx-sparse-projection-${features}x${dim}`)
  const s = sparsityOf(features)
  const p = 1 / s
  // gaps between nonzeros of i.i.d. Bernoulli(p) entries are geometric: draw the gaps, not every entry
  const logQ = Math.log1p(-p)
  const start = new Int32Array(dim + 1)
  const split = new Int32Array(dim)
  const plus: number[] = []
  const minus: number[] = []
  const rows: number[] = []
  for (let j = 0; j < dim; j++) {
    plus.length = 0
    minus.length = 0
    for (let i = -1; ; ) {
      i += p >= 1 ? 1 : 1 + Math.floor(Math.log(1 - rng.uniform()) / logQ)
      if (i >= features) break
      if (rng.uniform() < 0.5) plus.push(i)
      else minus.push(i)
    }
    start[j] = rows.length
    for (const r of plus) rows.push(r)
    split[j] = rows.length
    for (const r of minus) rows.push(r)
  }
  start[dim] = rows.length
  return { features, dim, scale: Math.sqrt(s / dim), start, split, rows: Int32Array.from(rows) }
}

/** One sample's projection: the column's + rows added, then its - rows subtracted, in row order. */
function projectOne(r: SparseProjection, x: Float32Array | Float64Array, o: number, out: Float64Array, at: number): void {
  const { dim, scale, start, split, rows } = r
  for (let j = 0; j < dim; j++) {
    let p = 0
    const mid = split[j]
    const end = start[j + 1]
    for (let t = start[j]; t < mid; t++) p += x[o + rows[t]]
    for (let t = mid; t < end; t++) p -= x[o + rows[t]]
    out[at + j] = scale * p
  }
}

/**
 * x R for b samples x [b, features] (row-major), as [b, dim] float64. Four samples share each loaded row
 * index (1.3x to 1.8x faster than one at a time); every sample's sums run in the same order either way,
 * so a sample's projection does not depend on the batch it came in.
 */
export function applySparseProjection(r: SparseProjection, x: Float32Array | Float64Array, b: number): Float64Array {
  const { features, dim, scale, start, split, rows } = r
  const out = new Float64Array(b * dim)
  let i = 0
  for (; i + 3 < b; i += 4) {
    const o0 = i * features
    const o1 = o0 + features
    const o2 = o1 + features
    const o3 = o2 + features
    for (let j = 0; j < dim; j++) {
      let p0 = 0
      let p1 = 0
      let p2 = 0
      let p3 = 0
      const mid = split[j]
      const end = start[j + 1]
      for (let t = start[j]; t < mid; t++) {
        const q = rows[t]
        p0 += x[o0 + q]
        p1 += x[o1 + q]
        p2 += x[o2 + q]
        p3 += x[o3 + q]
      }
      for (let t = mid; t < end; t++) {
        const q = rows[t]
        p0 -= x[o0 + q]
        p1 -= x[o1 + q]
        p2 -= x[o2 + q]
        p3 -= x[o3 + q]
      }
      out[i * dim + j] = scale * p0
      out[(i + 1) * dim + j] = scale * p1
      out[(i + 2) * dim + j] = scale * p2
      out[(i + 3) * dim + j] = scale * p3
    }
  }
  for (; i < b; i++) projectOne(r, x, i * features, out, i * dim)
  return out
}

/** The matrix as dense [features, dim] float64 (tests and references only: it is d x dim). */
export function denseOf(r: SparseProjection): Float64Array {
  const m = new Float64Array(r.features * r.dim)
  for (let j = 0; j < r.dim; j++) {
    for (let t = r.start[j]; t < r.split[j]; t++) m[r.rows[t] * r.dim + j] = r.scale
    for (let t = r.split[j]; t < r.start[j + 1]; t++) m[r.rows[t] * r.dim + j] = -r.scale
  }
  return m
}
