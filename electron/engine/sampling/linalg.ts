// Small dense float64 linear algebra (D <= 3) for per-depth constants computed in JS: Cholesky,
// SPD inverse and log-determinant, products. Tensors stay float32; constants are exact to float64.
import type { Matrix } from '../../../shared/matrix'
import { EngineError } from '../errors'
import { message, type MessageParam } from '../../../shared/messages'

export function identity(n: number): Matrix {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)))
}

export function addIdentity(a: Matrix, s: number): Matrix {
  return a.map((row, i) => row.map((v, j) => (i === j ? v + s : v)))
}

export function matMul(a: Matrix, b: Matrix): Matrix {
  const n = a.length
  const m = b[0].length
  const k = b.length
  const out: Matrix = Array.from({ length: n }, () => new Array<number>(m).fill(0))
  for (let i = 0; i < n; i++)
    for (let j = 0; j < m; j++) {
      let s = 0
      for (let l = 0; l < k; l++) s += a[i][l] * b[l][j]
      out[i][j] = s
    }
  return out
}

export function transpose(a: Matrix): Matrix {
  return a[0].map((_, j) => a.map((row) => row[j]))
}

/** Lower-triangular L with a = L L^T; throws invalid-spec when a is not positive definite. */
export function cholesky(a: Matrix, what: MessageParam = message('engine.covarianceWord')): Matrix {
  const n = a.length
  const l: Matrix = Array.from({ length: n }, () => new Array<number>(n).fill(0))
  for (let i = 0; i < n; i++)
    for (let j = 0; j <= i; j++) {
      let s = a[i][j]
      for (let k = 0; k < j; k++) s -= l[i][k] * l[j][k]
      if (i === j) {
        if (!(s > 0)) throw new EngineError('invalid-spec', message('engine.notPositiveDefinite', { what }))
        l[i][i] = Math.sqrt(s)
      } else l[i][j] = s / l[j][j]
    }
  return l
}

/** Inverse and log-determinant of a symmetric positive-definite matrix, via Cholesky. */
export function spdInverse(a: Matrix, what?: MessageParam): { inverse: Matrix; logDet: number } {
  const n = a.length
  const l = cholesky(a, what)
  let logDet = 0
  for (let i = 0; i < n; i++) logDet += 2 * Math.log(l[i][i])
  // invert L by forward substitution, then A^-1 = L^-T L^-1
  const li: Matrix = Array.from({ length: n }, () => new Array<number>(n).fill(0))
  for (let j = 0; j < n; j++) {
    li[j][j] = 1 / l[j][j]
    for (let i = j + 1; i < n; i++) {
      let s = 0
      for (let k = j; k < i; k++) s -= l[i][k] * li[k][j]
      li[i][j] = s / l[i][i]
    }
  }
  const inv = matMul(transpose(li), li)
  // symmetrise against rounding so float32 uploads stay exactly symmetric
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const v = 0.5 * (inv[i][j] + inv[j][i])
      inv[i][j] = v
      inv[j][i] = v
    }
  return { inverse: inv, logDet }
}
