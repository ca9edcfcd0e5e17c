// The Gaussian-mixture score v = grad log sum_k w_k N(x; m_k, C_k) for a run of particles, in plain
// float64 with no allocation: v = sum_k gamma_k u_k, u_k = -P_k (x - m_k), gamma = softmax of the logits
// bias_k - 0.5 (x - m_k)^T P_k (x - m_k), constants from one slot of mixture-table.ts. One loop over the
// run per call (a solver stage), so consecutive particles are independent work the CPU overlaps. D = 1, 2
// and 3 (all the spec allows) are unrolled, K = 1 skips the softmax, and D = 2, K = 2 (the paper's
// examples) is a sigmoid of a quadratic; exp is exp64.ts, inlined.
import { exp64 } from './exp64'
import { componentStride } from './mixture-table'
import { d1, d3, d3k2 } from './mixture-score-d1d3'

/** working memory of the general paths: K*D for u, K logits, D for x - m */
export const scratchSize = (k: number, dim: number): number => k * dim + k + dim

/**
 * v[vo + i*D + j] = the score at row i of x + a * dir: x from xo, dir from dirO, `count` rows. A Runge-Kutta
 * stage input (x + a k) is so formed on the fly instead of in a separate pass (a = 0: x itself).
 */
export function scoreRows(
  slot: Float64Array,
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
  scratch: Float64Array
): void {
  if (dim === 2) {
    if (k === 1) d2k1(slot, x, xo, dir, dirO, a, v, vo, count)
    else if (k === 2) d2k2(slot, x, xo, dir, dirO, a, v, vo, count)
    else d2(slot, k, x, xo, dir, dirO, a, v, vo, count)
  } else if (dim === 3) {
    if (k === 2) d3k2(slot, x, xo, dir, dirO, a, v, vo, count)
    else d3(slot, k, x, xo, dir, dirO, a, v, vo, count)
  } else if (dim === 1) d1(slot, k, x, xo, dir, dirO, a, v, vo, count)
  else general(slot, k, dim, x, xo, dir, dirO, a, v, vo, count, scratch)
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

/**
 * K = 2 as gamma_1 = sigmoid(logit_1 - logit_0), with both logits and u_k expanded into polynomials of x
 * once per call (from N_k = -P_k, m_k, bias_k): z = logit_0 - logit_1 is a quadratic in (x0, x1) and
 * v = u_0 + gamma_1 (u_1 - u_0) is affine plus gamma_1 times affine, about half the operations of the
 * factored form. exp overflow gives gamma_1 = 0, underflow 1; NaN stays NaN.
 */
function d2k2(c: Float64Array, x: Float64Array, xo: number, dir: Float64Array, dirO: number, s: number, v: Float64Array, vo: number, count: number): void {
  const a = c[0],
    b = c[1],
    e = c[2],
    f = c[3]
  const A = c[7],
    B = c[8],
    E = c[9],
    F = c[10]
  // u_k = N_k x + l_k with l_k = -N_k m_k
  const l0 = -(a * c[4] + b * c[5])
  const l1 = -(e * c[4] + f * c[5])
  const k0 = -(A * c[11] + B * c[12])
  const k1 = -(E * c[11] + F * c[12])
  // logit_k = bias_k + 0.5 x^T N_k x + l_k . x + 0.5 m_k^T N_k m_k, and m_k^T N_k m_k = -m_k . l_k
  const q0 = c[6] - 0.5 * (c[4] * l0 + c[5] * l1) - (c[13] - 0.5 * (c[11] * k0 + c[12] * k1))
  const q1 = l0 - k0
  const q2 = l1 - k1
  const q3 = 0.5 * (a - A)
  const q4 = 0.5 * (b + e - B - E)
  const q5 = 0.5 * (f - F)
  const dA = A - a,
    dB = B - b,
    dE = E - e,
    dF = F - f,
    dk0 = k0 - l0,
    dk1 = k1 - l1
  for (let i = 0; i < count; i++) {
    const x0 = x[xo + 2 * i] + s * dir[dirO + 2 * i]
    const x1 = x[xo + 2 * i + 1] + s * dir[dirO + 2 * i + 1]
    const gamma = 1 / (1 + exp64(q0 + x0 * (q1 + q3 * x0 + q4 * x1) + x1 * (q2 + q5 * x1)))
    v[vo + 2 * i] = a * x0 + b * x1 + l0 + gamma * (dA * x0 + dB * x1 + dk0)
    v[vo + 2 * i + 1] = e * x0 + f * x1 + l1 + gamma * (dE * x0 + dF * x1 + dk1)
  }
}

/**
 * The softmax-weighted sum of the u_k in one pass (online log-sum-exp): the weights are taken relative to
 * the largest logit seen so far and rescaled when a larger one comes, so nothing overflows and no scratch
 * is needed; K - 1 exps per particle. D = 2 here, D = 1 and 3 in mixture-score-d1d3.ts.
 */
function d2(
  c: Float64Array,
  k: number,
  x: Float64Array,
  xo: number,
  dir: Float64Array,
  dirO: number,
  s: number,
  v: Float64Array,
  vo: number,
  count: number
): void {
  for (let i = 0; i < count; i++) {
    const x0 = x[xo + 2 * i] + s * dir[dirO + 2 * i]
    const x1 = x[xo + 2 * i + 1] + s * dir[dirO + 2 * i + 1]
    let top = 0
    let sum = 0
    let a0 = 0
    let a1 = 0
    for (let kk = 0, o = 0; kk < k; kk++, o += 7) {
      const d0 = x0 - c[o + 4]
      const d1 = x1 - c[o + 5]
      const u0 = c[o] * d0 + c[o + 1] * d1
      const u1 = c[o + 2] * d0 + c[o + 3] * d1
      const l = c[o + 6] + 0.5 * (d0 * u0 + d1 * u1)
      if (kk === 0) {
        top = l
        sum = 1
        a0 = u0
        a1 = u1
      } else if (l > top) {
        const r = exp64(top - l)
        sum = sum * r + 1
        a0 = a0 * r + u0
        a1 = a1 * r + u1
        top = l
      } else {
        const w = exp64(l - top)
        sum += w
        a0 += w * u0
        a1 += w * u1
      }
    }
    const inv = 1 / sum
    v[vo + 2 * i] = a0 * inv
    v[vo + 2 * i + 1] = a1 * inv
  }
}

/** any K and D (the spec allows D <= 3, so only a fallback): logits and u_k to scratch, then the softmax from the largest logit */
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
      const w = exp64(s[lo + kk] - top)
      sum += w
      for (let j = 0; j < dim; j++) v[vi + j] += w * s[kk * dim + j]
    }
    for (let j = 0; j < dim; j++) v[vi + j] /= sum
  }
}
