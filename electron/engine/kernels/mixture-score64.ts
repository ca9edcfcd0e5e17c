// The Gaussian-mixture score v = grad log sum_k w_k N(x; m_k, C_k) for a run of particles, in plain
// float64 with no allocation: v = sum_k gamma_k u_k, u_k = -P_k (x - m_k), gamma = softmax of the logits
// bias_k - 0.5 (x - m_k)^T P_k (x - m_k), constants from one slot of mixture-table.ts. One loop over the
// run per call (a solver stage), so consecutive particles are independent work the CPU overlaps; D = 2
// (the paper's examples) is unrolled, with K = 1 (no softmax) and K = 2 (a sigmoid, one exp) apart.
import { componentStride } from './mixture-table'

/** working memory of the general paths: K*D for u, K logits, D for x - m */
export const scratchSize = (k: number, dim: number): number => k * dim + k + dim

/**
 * The rows at which the score is taken: row i is x[xo + i*D ..] + a * dir[dirO + i*D ..], so a Runge-Kutta stage
 * input (x + a k) is formed on the fly instead of in a separate pass (a = 0: x itself).
 */
export interface Rows {
  x: Float64Array
  xo: number
  dir: Float64Array
  dirO: number
  a: number
  count: number
}

/** v[vo + i*D + j] = score of row i */
export function scoreRows(slot: Float64Array, k: number, dim: number, r: Rows, v: Float64Array, vo: number, scratch: Float64Array): void {
  const { x, xo, dir, dirO, a, count } = r
  if (dim === 2) {
    if (k === 1) d2k1(slot, x, xo, dir, dirO, a, v, vo, count)
    else if (k === 2) d2k2(slot, x, xo, dir, dirO, a, v, vo, count)
    else d2(slot, k, x, xo, dir, dirO, a, v, vo, count, scratch)
  } else general(slot, k, dim, x, xo, dir, dirO, a, v, vo, count, scratch)
}

function d2k1(c: Float64Array, x: Float64Array, xo: number, dir: Float64Array, dirO: number, s: number, v: Float64Array, vo: number, count: number): void {
  const a = c[0],
    b = c[1],
    e = c[2],
    f = c[3],
    m0 = c[4],
    m1 = c[5]
  for (let i = 0; i < count; i++) {
    const d0 = x[xo + 2 * i] + s * dir[dirO + 2 * i] - m0
    const d1 = x[xo + 2 * i + 1] + s * dir[dirO + 2 * i + 1] - m1
    v[vo + 2 * i] = a * d0 + b * d1
    v[vo + 2 * i + 1] = e * d0 + f * d1
  }
}

function d2k2(c: Float64Array, x: Float64Array, xo: number, dir: Float64Array, dirO: number, s: number, v: Float64Array, vo: number, count: number): void {
  const a = c[0],
    b = c[1],
    e = c[2],
    f = c[3],
    m0 = c[4],
    m1 = c[5],
    bias = c[6]
  const A = c[7],
    B = c[8],
    E = c[9],
    F = c[10],
    n0 = c[11],
    n1 = c[12],
    biasB = c[13]
  const dBias = bias - biasB
  for (let i = 0; i < count; i++) {
    const x0 = x[xo + 2 * i] + s * dir[dirO + 2 * i]
    const x1 = x[xo + 2 * i + 1] + s * dir[dirO + 2 * i + 1]
    const d0 = x0 - m0
    const d1 = x1 - m1
    const u0 = a * d0 + b * d1
    const u1 = e * d0 + f * d1
    const g0 = x0 - n0
    const g1 = x1 - n1
    const w0 = A * g0 + B * g1
    const w1 = E * g0 + F * g1
    // gamma_1 = sigmoid(logit_1 - logit_0): exp overflow gives gamma_1 = 0, underflow 1, never NaN
    const gamma = 1 / (1 + Math.exp(dBias + 0.5 * (d0 * u0 + d1 * u1 - g0 * w0 - g1 * w1)))
    v[vo + 2 * i] = u0 + gamma * (w0 - u0)
    v[vo + 2 * i + 1] = u1 + gamma * (w1 - u1)
  }
}

/** D = 2, any K: logits and u_k to scratch, then the softmax from the largest logit (no overflow) */
function d2(
  c: Float64Array,
  k: number,
  x: Float64Array,
  xo: number,
  dir: Float64Array,
  dirO: number,
  a: number,
  v: Float64Array,
  vo: number,
  count: number,
  s: Float64Array
): void {
  const lo = 2 * k
  for (let i = 0; i < count; i++) {
    const x0 = x[xo + 2 * i] + a * dir[dirO + 2 * i]
    const x1 = x[xo + 2 * i + 1] + a * dir[dirO + 2 * i + 1]
    let top = -Infinity
    for (let kk = 0, o = 0; kk < k; kk++, o += 7) {
      const d0 = x0 - c[o + 4]
      const d1 = x1 - c[o + 5]
      const u0 = c[o] * d0 + c[o + 1] * d1
      const u1 = c[o + 2] * d0 + c[o + 3] * d1
      const l = c[o + 6] + 0.5 * (d0 * u0 + d1 * u1)
      s[2 * kk] = u0
      s[2 * kk + 1] = u1
      s[lo + kk] = l
      if (l > top) top = l
    }
    let sum = 0
    let a0 = 0
    let a1 = 0
    for (let kk = 0; kk < k; kk++) {
      const w = Math.exp(s[lo + kk] - top)
      sum += w
      a0 += w * s[2 * kk]
      a1 += w * s[2 * kk + 1]
    }
    v[vo + 2 * i] = a0 / sum
    v[vo + 2 * i + 1] = a1 / sum
  }
}

/** any K and D: the same two passes with loops over the coordinates */
function general(
  c: Float64Array,
  k: number,
  dim: number,
  x: Float64Array,
  xo: number,
  dir: Float64Array,
  dirO: number,
  a: number,
  v: Float64Array,
  vo: number,
  count: number,
  s: Float64Array
): void {
  const stride = componentStride(dim)
  const dd = dim * dim
  const lo = k * dim
  const diff = lo + k
  for (let i = 0; i < count; i++) {
    const xi = xo + i * dim
    const di = dirO + i * dim
    const vi = vo + i * dim
    let top = -Infinity
    for (let kk = 0; kk < k; kk++) {
      const o = kk * stride
      for (let j = 0; j < dim; j++) s[diff + j] = x[xi + j] + a * dir[di + j] - c[o + dd + j]
      let quad = 0
      for (let r = 0; r < dim; r++) {
        let u = 0
        for (let j = 0; j < dim; j++) u += c[o + r * dim + j] * s[diff + j]
        s[kk * dim + r] = u
        quad += s[diff + r] * u
      }
      const l = c[o + dd + dim] + 0.5 * quad
      s[lo + kk] = l
      if (l > top) top = l
    }
    if (k === 1) {
      for (let j = 0; j < dim; j++) v[vi + j] = s[j]
      continue
    }
    let sum = 0
    for (let j = 0; j < dim; j++) v[vi + j] = 0
    for (let kk = 0; kk < k; kk++) {
      const w = Math.exp(s[lo + kk] - top)
      sum += w
      for (let j = 0; j < dim; j++) v[vi + j] += w * s[kk * dim + j]
    }
    for (let j = 0; j < dim; j++) v[vi + j] /= sum
  }
}
