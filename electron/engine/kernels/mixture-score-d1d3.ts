// The mixture score for D = 1 and D = 3 (mixture-score64.ts has the dispatcher, D = 2 and the layout):
// the same one-pass softmax from the largest logit, unrolled per dimension; D = 3, K = 2 as a sigmoid.
import { exp64 } from './exp64'

export function d1(
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
    const x0 = x[xo + i] + s * dir[dirO + i]
    let top = 0
    let sum = 0
    let a0 = 0
    for (let kk = 0, o = 0; kk < k; kk++, o += 3) {
      const d0 = x0 - c[o + 1]
      const u0 = c[o] * d0
      if (k === 1) {
        a0 = u0
        sum = 1
        break
      }
      const l = c[o + 2] + 0.5 * d0 * u0
      if (kk === 0) {
        top = l
        sum = 1
        a0 = u0
      } else if (l > top) {
        const r = exp64(top - l)
        sum = sum * r + 1
        a0 = a0 * r + u0
        top = l
      } else {
        const w = exp64(l - top)
        sum += w
        a0 += w * u0
      }
    }
    v[vo + i] = a0 * (1 / sum)
  }
}

export function d3(
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
    const x0 = x[xo + 3 * i] + s * dir[dirO + 3 * i]
    const x1 = x[xo + 3 * i + 1] + s * dir[dirO + 3 * i + 1]
    const x2 = x[xo + 3 * i + 2] + s * dir[dirO + 3 * i + 2]
    let top = 0
    let sum = 0
    let a0 = 0
    let a1 = 0
    let a2 = 0
    for (let kk = 0, o = 0; kk < k; kk++, o += 13) {
      const d0 = x0 - c[o + 9]
      const d1 = x1 - c[o + 10]
      const d2 = x2 - c[o + 11]
      const u0 = c[o] * d0 + c[o + 1] * d1 + c[o + 2] * d2
      const u1 = c[o + 3] * d0 + c[o + 4] * d1 + c[o + 5] * d2
      const u2 = c[o + 6] * d0 + c[o + 7] * d1 + c[o + 8] * d2
      if (k === 1) {
        a0 = u0
        a1 = u1
        a2 = u2
        sum = 1
        break
      }
      const l = c[o + 12] + 0.5 * (d0 * u0 + d1 * u1 + d2 * u2)
      if (kk === 0) {
        top = l
        sum = 1
        a0 = u0
        a1 = u1
        a2 = u2
      } else if (l > top) {
        const r = exp64(top - l)
        sum = sum * r + 1
        a0 = a0 * r + u0
        a1 = a1 * r + u1
        a2 = a2 * r + u2
        top = l
      } else {
        const w = exp64(l - top)
        sum += w
        a0 += w * u0
        a1 += w * u1
        a2 += w * u2
      }
    }
    const inv = 1 / sum
    v[vo + 3 * i] = a0 * inv
    v[vo + 3 * i + 1] = a1 * inv
    v[vo + 3 * i + 2] = a2 * inv
  }
}

/** D = 3, K = 2: gamma_1 = sigmoid(logit_1 - logit_0), no branch (the online softmax's comparison is a coin toss here) */
export function d3k2(
  c: Float64Array,
  x: Float64Array,
  xo: number,
  dir: Float64Array,
  dirO: number,
  s: number,
  v: Float64Array,
  vo: number,
  count: number
): void {
  const a = c.subarray(0, 13)
  const b = c.subarray(13, 26)
  const dBias = a[12] - b[12]
  for (let i = 0; i < count; i++) {
    const x0 = x[xo + 3 * i] + s * dir[dirO + 3 * i]
    const x1 = x[xo + 3 * i + 1] + s * dir[dirO + 3 * i + 1]
    const x2 = x[xo + 3 * i + 2] + s * dir[dirO + 3 * i + 2]
    const d0 = x0 - a[9]
    const d1 = x1 - a[10]
    const d2 = x2 - a[11]
    const u0 = a[0] * d0 + a[1] * d1 + a[2] * d2
    const u1 = a[3] * d0 + a[4] * d1 + a[5] * d2
    const u2 = a[6] * d0 + a[7] * d1 + a[8] * d2
    const e0 = x0 - b[9]
    const e1 = x1 - b[10]
    const e2 = x2 - b[11]
    const w0 = b[0] * e0 + b[1] * e1 + b[2] * e2
    const w1 = b[3] * e0 + b[4] * e1 + b[5] * e2
    const w2 = b[6] * e0 + b[7] * e1 + b[8] * e2
    const gamma = 1 / (1 + exp64(dBias + 0.5 * (d0 * u0 + d1 * u1 + d2 * u2 - e0 * w0 - e1 * w1 - e2 * w2)))
    v[vo + 3 * i] = u0 + gamma * (w0 - u0)
    v[vo + 3 * i + 1] = u1 + gamma * (w1 - u1)
    v[vo + 3 * i + 2] = u2 + gamma * (w2 - u2)
  }
}
