// First and second moments of a particle cloud, accumulated in float64 whatever the storage type.
import type { Cloud } from './types'

export function cloudMean(x: Cloud, n: number, d: number): number[] {
  const m = new Float64Array(d)
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) m[j] += x[i * d + j]
  return Array.from(m, (v) => (n > 0 ? v / n : 0))
}

/**
 * Covariance of the empirical measure (1/n, not 1/(n-1)): the particles are the distribution being
 * transported, so this is the covariance of that measure, consistent with the W2 distances between clouds.
 * Two passes (mean, then centred products) to avoid the cancellation of the one-pass formula.
 */
export function cloudCovariance(x: Cloud, n: number, d: number, mean: number[] = cloudMean(x, n, d)): number[][] {
  const c = new Float64Array(d * d)
  const r = new Float64Array(d)
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) r[j] = x[i * d + j] - mean[j]
    for (let a = 0; a < d; a++) for (let b = a; b < d; b++) c[a * d + b] += r[a] * r[b]
  }
  const out: number[][] = Array.from({ length: d }, () => new Array<number>(d).fill(0))
  for (let a = 0; a < d; a++)
    for (let b = a; b < d; b++) {
      const v = n > 0 ? c[a * d + b] / n : 0
      out[a][b] = v
      out[b][a] = v
    }
  return out
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
