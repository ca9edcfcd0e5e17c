// EM fit of a Gaussian mixture (electron/engine/sampling/gmm-fit.ts) against independent truth: 20,000
// seeded draws of a known 2-component mixture give back its weights, means and covariances within the
// sampling error; K = 1 is exactly the sample mean and the (divided by n) sample covariance computed
// here in plain float64; the covariance floor keeps t* > 0 on degenerate data; EM never lowers the
// likelihood, so K = 2 fits at least as well as K = 1.
import { describe, expect, it } from 'vitest'
import { fitGaussianMixture, kmeansPlusPlus } from '../../../../electron/engine/sampling/gmm-fit'
import { createRng } from '../../../../electron/engine/sampling/random'
import { singularTime } from '../../../../shared/experiment'
import { minEigenvalue } from '../../../../shared/matrix'

const TRUE = {
  weights: [0.3, 0.7],
  means: [
    [-2, 1],
    [2, -0.5]
  ],
  // component 0 tilted (correlation 0.6), component 1 axis-aligned and thin in y
  covariances: [
    [
      [1, 0.6],
      [0.6, 1]
    ],
    [
      [0.5, 0],
      [0, 0.2]
    ]
  ]
}

/** n draws of TRUE by its own Cholesky factors (2-D, written out), with their component labels */
function draw(n: number, seed: number): { x: Float64Array; labels: Int32Array } {
  const rng = createRng(seed)
  const x = new Float64Array(n * 2)
  const labels = new Int32Array(n)
  for (let i = 0; i < n; i++) {
    const k = rng.uniform() < TRUE.weights[0] ? 0 : 1
    labels[i] = k
    const [[a, b], [, c]] = TRUE.covariances[k]
    const l11 = Math.sqrt(a)
    const l21 = b / l11
    const l22 = Math.sqrt(c - l21 * l21)
    const z1 = rng.normal()
    const z2 = rng.normal()
    x[2 * i] = TRUE.means[k][0] + l11 * z1
    x[2 * i + 1] = TRUE.means[k][1] + l21 * z1 + l22 * z2
  }
  return { x, labels }
}

describe('EM fit of a Gaussian mixture', () => {
  it('recovers a known 2-component mixture from 20,000 seeded samples', () => {
    const n = 20_000
    const { x } = draw(n, 11)
    const fit = fitGaussianMixture(x, n, 2, { components: 2, rng: createRng(3) })
    expect(fit.converged).toBe(true)
    expect(fit.iterations).toBeGreaterThan(1)
    // components come back in either order: match by the first mean coordinate's sign
    const order = fit.mixture.means[0][0] < 0 ? [0, 1] : [1, 0]
    order.forEach((k, truth) => {
      // standard errors at n_k >= 6000: weight ~0.003, mean ~0.015, covariance entries ~0.02
      expect(fit.mixture.weights[k]).toBeCloseTo(TRUE.weights[truth], 1)
      expect(Math.abs(fit.mixture.weights[k] - TRUE.weights[truth])).toBeLessThan(0.015)
      for (let j = 0; j < 2; j++) expect(Math.abs(fit.mixture.means[k][j] - TRUE.means[truth][j])).toBeLessThan(0.05)
      for (let a = 0; a < 2; a++)
        for (let b = 0; b < 2; b++) expect(Math.abs(fit.mixture.covariances[k][a][b] - TRUE.covariances[truth][a][b])).toBeLessThan(0.06)
    })
    expect(fit.mixture.weights[0] + fit.mixture.weights[1]).toBeCloseTo(1, 12)
    // the fitted t* is the true one (min lambda_min / 2 = 0.2 / 2) within the covariance error
    expect(Math.abs(singularTime(fit.mixture) - 0.1)).toBeLessThan(0.01)
  })

  it('is reproducible for a seed, and EM never fits worse than the single Gaussian', () => {
    const n = 3000
    const { x } = draw(n, 5)
    const a = fitGaussianMixture(x, n, 2, { components: 2, rng: createRng(9) })
    const b = fitGaussianMixture(x, n, 2, { components: 2, rng: createRng(9) })
    expect(b).toEqual(a)
    const one = fitGaussianMixture(x, n, 2, { components: 1, rng: createRng(9) })
    expect(a.logLikelihood).toBeGreaterThan(one.logLikelihood)
    // an iteration cap stops early and says so
    const capped = fitGaussianMixture(x, n, 2, { components: 2, rng: createRng(9), maxIterations: 1, tolerance: 0 })
    expect(capped.iterations).toBe(1)
    expect(capped.converged).toBe(false)
  })

  it('K = 1 is exactly the sample mean and covariance (divided by n)', () => {
    const n = 777
    const d = 3
    const rng = createRng(4)
    const x = Float64Array.from({ length: n * d }, (_, i) => (i % d === 2 ? 5 : 0) + rng.normal() * (1 + (i % d)))
    const fit = fitGaussianMixture(x, n, d, { components: 1, rng: createRng(1) })
    const mean = [0, 0, 0]
    for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j] += x[i * d + j] / n
    for (let j = 0; j < d; j++) expect(fit.mixture.means[0][j]).toBeCloseTo(mean[j], 12)
    for (let a = 0; a < d; a++)
      for (let b = 0; b < d; b++) {
        let s = 0
        for (let i = 0; i < n; i++) s += (x[i * d + a] - mean[a]) * (x[i * d + b] - mean[b])
        expect(fit.mixture.covariances[0][a][b]).toBeCloseTo(s / n, 12)
      }
    expect(fit.mixture.weights).toEqual([1])
    expect(fit.iterations).toBe(0)
    // the log-likelihood per row is the Gaussian's own: -0.5 (d log 2 pi + log det S + d) at the MLE
    const S = fit.mixture.covariances[0]
    const det =
      S[0][0] * (S[1][1] * S[2][2] - S[1][2] * S[2][1]) - S[0][1] * (S[1][0] * S[2][2] - S[1][2] * S[2][0]) + S[0][2] * (S[1][0] * S[2][1] - S[1][1] * S[2][0])
    expect(fit.logLikelihood).toBeCloseTo(-0.5 * (d * Math.log(2 * Math.PI) + Math.log(det) + d), 9)
  })

  it('floors a degenerate covariance so t* stays positive, and refuses too few rows for K', () => {
    // points on the line y = 2x: the sample covariance is singular
    const n = 200
    const x = Float64Array.from({ length: 2 * n }, (_, i) => (i % 2 === 0 ? i / 2 / n : (2 * (i - 1)) / 2 / n))
    const fit = fitGaussianMixture(x, n, 2, { components: 1, rng: createRng(1) })
    expect(minEigenvalue(fit.mixture.covariances[0])).toBeGreaterThan(0)
    expect(singularTime(fit.mixture)).toBeGreaterThan(0)
    expect(() => fitGaussianMixture(x.subarray(0, 10), 5, 2, { components: 2, rng: createRng(1) })).toThrow(/needs at least 6/)
  })

  it('k-means++ picks distinct rows, far ones first', () => {
    // two tight clusters 100 apart: the second centre lands in the other cluster (probability > 0.999)
    const x = Float64Array.from({ length: 40 }, (_, i) => (i < 20 ? 0 : 100) + (i % 2) * 0.01)
    const c = kmeansPlusPlus(x, 40, 1, 2, createRng(2))
    expect(Math.abs(c[0][0] - c[1][0])).toBeGreaterThan(99)
  })
})
