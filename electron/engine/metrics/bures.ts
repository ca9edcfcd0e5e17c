// Gaussian (Bures-Wasserstein) W2 between two clouds from their moments: the exact W2 between the
// Gaussians N(m1, S1) and N(m2, S2) fitted to them, W2^2 = |m1 - m2|^2 + tr(S1 + S2 - 2 (S2^1/2 S1 S2^1/2)^1/2).
// A lower bound of the clouds' true W2 (equal when both are Gaussian), cheap at any N.
import { symmetricEigen, type Matrix } from '../../../shared/matrix'
import { cloudCovariance, cloudMean } from './moments'
import type { Cloud } from './types'
import { message, MessageError } from '../../../shared/messages'

export interface BuresResult {
  /** W2 between the fitted Gaussians */
  value: number
  /** |m1 - m2|^2 */
  meanTerm: number
  /** the Bures term tr(S1 + S2 - 2 (S2^1/2 S1 S2^1/2)^1/2), >= 0 */
  covarianceTerm: number
}

/** Square root of a symmetric positive semi-definite matrix (eigenvalues below 0 from rounding count as 0). */
export function sqrtPsd(a: Matrix): Matrix {
  const { values, vectors } = symmetricEigen(a)
  const n = a.length
  const out: Matrix = Array.from({ length: n }, () => new Array<number>(n).fill(0))
  for (let k = 0; k < n; k++) {
    const s = Math.sqrt(Math.max(0, values[k]))
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out[i][j] += s * vectors[i][k] * vectors[j][k]
  }
  return out
}

function multiply(a: Matrix, b: Matrix): Matrix {
  const n = a.length
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => {
      let s = 0
      for (let k = 0; k < n; k++) s += a[i][k] * b[k][j]
      return s
    })
  )
}

function trace(a: Matrix): number {
  return a.reduce((s, row, i) => s + row[i], 0)
}

/** W2 between N(m1, S1) and N(m2, S2). */
export function gaussianW2(m1: readonly number[], s1: Matrix, m2: readonly number[], s2: Matrix): BuresResult {
  const d = m1.length
  if (m2.length !== d || s1.length !== d || s2.length !== d) throw new Error('gaussianW2: dimensions differ')
  let meanTerm = 0
  for (let k = 0; k < d; k++) meanTerm += (m1[k] - m2[k]) ** 2
  const r2 = sqrtPsd(s2)
  const inner = multiply(multiply(r2, s1), r2)
  // symmetrise: rounding in the products leaves a tiny antisymmetric part the eigen-solver should not see
  for (let i = 0; i < d; i++)
    for (let j = i + 1; j < d; j++) {
      const v = 0.5 * (inner[i][j] + inner[j][i])
      inner[i][j] = v
      inner[j][i] = v
    }
  const covarianceTerm = Math.max(0, trace(s1) + trace(s2) - 2 * trace(sqrtPsd(inner)))
  return { value: Math.sqrt(meanTerm + covarianceTerm), meanTerm, covarianceTerm }
}

/** Bures W2 between two clouds [n, d] and [m, d] (moments of the empirical measures, 1/n covariance). */
export function buresW2(x: Cloud, n: number, y: Cloud, m: number, d: number): BuresResult {
  if (n < 1 || m < 1) throw new MessageError(message('engine.buresEmpty'))
  const mx = cloudMean(x, n, d)
  const my = cloudMean(y, m, d)
  return gaussianW2(mx, cloudCovariance(x, n, d, mx), my, cloudCovariance(y, m, d, my))
}
