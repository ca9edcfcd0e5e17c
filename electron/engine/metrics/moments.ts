// First and second moments of a particle cloud, accumulated in float64 whatever the storage type.
import type { Cloud } from './types'

export function cloudMean(x: Cloud, n: number, d: number): number[] {
  const m = new Float64Array(d)
  if (d === 2 || d === 3) {
    // the common cases unrolled (every depth of every run): the same sums in the same order
    let a = 0
    let b = 0
    let c = 0
    if (d === 2)
      for (let i = 0; i < 2 * n; i += 2) {
        a += x[i]
        b += x[i + 1]
      }
    else
      for (let i = 0; i < 3 * n; i += 3) {
        a += x[i]
        b += x[i + 1]
        c += x[i + 2]
      }
    m[0] = a
    m[1] = b
    if (d === 3) m[2] = c
  } else for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) m[j] += x[i * d + j]
  return Array.from(m, (v) => (n > 0 ? v / n : 0))
}

/**
 * Covariance of the empirical measure (1/n, not 1/(n-1)): the particles are the distribution being
 * transported, so this is the covariance of that measure, consistent with the W2 distances between clouds.
 * Two passes (mean, then centred products) to avoid the cancellation of the one-pass formula.
 */
export function cloudCovariance(x: Cloud, n: number, d: number, mean: number[] = cloudMean(x, n, d)): number[][] {
  const c = d === 2 ? centredProducts2(x, n, mean) : d === 3 ? centredProducts3(x, n, mean) : centredProducts(x, n, d, mean)
  const out: number[][] = Array.from({ length: d }, () => new Array<number>(d).fill(0))
  for (let a = 0; a < d; a++)
    for (let b = a; b < d; b++) {
      const v = n > 0 ? c[a * d + b] / n : 0
      out[a][b] = v
      out[b][a] = v
    }
  return out
}

/** Upper triangle (row-major [d, d]) of the sums of centred products r_a r_b over the particles. */
function centredProducts(x: Cloud, n: number, d: number, mean: number[]): Float64Array {
  const c = new Float64Array(d * d)
  const r = new Float64Array(d)
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) r[j] = x[i * d + j] - mean[j]
    for (let a = 0; a < d; a++) for (let b = a; b < d; b++) c[a * d + b] += r[a] * r[b]
  }
  return c
}

/** centredProducts for d = 2, unrolled: each entry sums the same products in the same order */
function centredProducts2(x: Cloud, n: number, mean: number[]): Float64Array {
  const [m0, m1] = mean
  let c00 = 0
  let c01 = 0
  let c11 = 0
  for (let i = 0; i < 2 * n; i += 2) {
    const r0 = x[i] - m0
    const r1 = x[i + 1] - m1
    c00 += r0 * r0
    c01 += r0 * r1
    c11 += r1 * r1
  }
  return Float64Array.of(c00, c01, 0, c11)
}

/** centredProducts for d = 3, unrolled */
function centredProducts3(x: Cloud, n: number, mean: number[]): Float64Array {
  const [m0, m1, m2] = mean
  let c00 = 0
  let c01 = 0
  let c02 = 0
  let c11 = 0
  let c12 = 0
  let c22 = 0
  for (let i = 0; i < 3 * n; i += 3) {
    const r0 = x[i] - m0
    const r1 = x[i + 1] - m1
    const r2 = x[i + 2] - m2
    c00 += r0 * r0
    c01 += r0 * r1
    c02 += r0 * r2
    c11 += r1 * r1
    c12 += r1 * r2
    c22 += r2 * r2
  }
  return Float64Array.of(c00, c01, c02, 0, c11, c12, 0, 0, c22)
}

/** Determinant of a small symmetric matrix (D <= 3 in practice; general by Gaussian elimination). */
export function determinant(a: number[][]): number {
  const n = a.length
  const m = a.map((row) => row.slice())
  let det = 1
  for (let k = 0; k < n; k++) {
    let p = k
    for (let i = k + 1; i < n; i++) if (Math.abs(m[i][k]) > Math.abs(m[p][k])) p = i
    if (m[p][k] === 0) return 0
    if (p !== k) {
      ;[m[p], m[k]] = [m[k], m[p]]
      det = -det
    }
    det *= m[k][k]
    for (let i = k + 1; i < n; i++) {
      const f = m[i][k] / m[k][k]
      for (let j = k; j < n; j++) m[i][j] -= f * m[k][j]
    }
  }
  return det
}
