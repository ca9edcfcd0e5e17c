// Fixtures for the per-depth analysis tests: Gaussian points whose empirical mean and covariance
// (1/n) are exactly the requested ones, so closed forms of the population hold for the sample too.
import { symmetricEigen } from '../../../../shared/matrix'
import { testRng } from './test-rng'

function sqrtm(a: number[][], power: number): number[][] {
  const { values, vectors } = symmetricEigen(a)
  const d = a.length
  return Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => values.reduce((s, v, k) => s + vectors[i][k] * v ** power * vectors[j][k], 0)))
}

/** n points in R^d with empirical mean exactly 0 and empirical covariance exactly `cov` (float64). */
export function exactGaussianPoints(n: number, cov: number[][], seed: number): number[][] {
  const d = cov.length
  const rng = testRng(seed)
  const z = Array.from({ length: n }, () => Array.from({ length: d }, () => rng.normal()))
  const mean = Array.from({ length: d }, (_, j) => z.reduce((s, p) => s + p[j], 0) / n)
  z.forEach((p) => p.forEach((_, j) => (p[j] -= mean[j])))
  const c = Array.from({ length: d }, (_, a) => Array.from({ length: d }, (_, b) => z.reduce((s, p) => s + p[a] * p[b], 0) / n))
  const w = sqrtm(c, -0.5)
  const s = sqrtm(cov, 0.5)
  const m = s.map((row) => w[0].map((_, j) => row.reduce((acc, v, k) => acc + v * w[k][j], 0)))
  return z.map((p) => m.map((row) => row.reduce((acc, v, k) => acc + v * p[k], 0)))
}
