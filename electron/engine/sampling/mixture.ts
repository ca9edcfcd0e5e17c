// Gaussian-mixture helpers in float64 JS: log density, posterior responsibilities and moments, used
// for labels, grid bounds and tests (the flows use the batched tensor form in flows/mixture-score.ts).
import type { Matrix } from '../../../shared/matrix'
import type { MixtureDef } from '../../../shared/presets'
import { spdInverse } from './linalg'
import { message } from '../../../shared/messages'

export interface PreparedMixture {
  readonly dim: number
  readonly k: number
  /** log(w_k) - 0.5 log det(2 pi Sigma_k) */
  readonly logNorm: number[]
  readonly precisions: Matrix[]
  readonly means: number[][]
}

export function prepareMixture(mix: MixtureDef): PreparedMixture {
  const dim = mix.means[0].length
  const precisions: Matrix[] = []
  const logNorm: number[] = []
  mix.covariances.forEach((c, k) => {
    const { inverse, logDet } = spdInverse(c, message('engine.covarianceOfComponent', { k }))
    precisions.push(inverse)
    logNorm.push(Math.log(mix.weights[k]) - 0.5 * (logDet + dim * Math.log(2 * Math.PI)))
  })
  return { dim, k: mix.weights.length, logNorm, precisions, means: mix.means }
}

/** log(w_k N(x; m_k, Sigma_k)) for every component k. */
export function componentLogDensities(p: PreparedMixture, x: ArrayLike<number>, offset = 0): number[] {
  const out = new Array<number>(p.k)
  const d = new Array<number>(p.dim)
  for (let k = 0; k < p.k; k++) {
    const m = p.means[k]
    for (let i = 0; i < p.dim; i++) d[i] = x[offset + i] - m[i]
    const P = p.precisions[k]
    let q = 0
    for (let i = 0; i < p.dim; i++) {
      let s = 0
      for (let j = 0; j < p.dim; j++) s += P[i][j] * d[j]
      q += d[i] * s
    }
    out[k] = p.logNorm[k] - 0.5 * q
  }
  return out
}

function logSumExp(v: number[]): number {
  const m = Math.max(...v)
  if (m === -Infinity) return -Infinity
  let s = 0
  for (const x of v) s += Math.exp(x - m)
  return m + Math.log(s)
}

export function mixtureLogDensity(p: PreparedMixture, x: ArrayLike<number>, offset = 0): number {
  return logSumExp(componentLogDensities(p, x, offset))
}

/** Posterior responsibilities gamma_k(x) = w_k N(x; m_k, Sigma_k) / mu(x). */
export function responsibilities(p: PreparedMixture, x: ArrayLike<number>, offset = 0): number[] {
  const l = componentLogDensities(p, x, offset)
  const z = logSumExp(l)
  return l.map((v) => Math.exp(v - z))
}

/** Index of the most responsible component for every row of a flat [n, D] array. */
export function mostLikelyComponents(p: PreparedMixture, positions: Float32Array | Float64Array): Int32Array {
  const n = positions.length / p.dim
  const out = new Int32Array(n)
  for (let i = 0; i < n; i++) {
    const l = componentLogDensities(p, positions, i * p.dim)
    let best = 0
    for (let k = 1; k < l.length; k++) if (l[k] > l[best]) best = k
    out[i] = best
  }
  return out
}

/** Overall mean and covariance: sum w_k m_k and sum w_k (Sigma_k + m_k m_k^T) - m m^T. */
export function mixtureMoments(mix: MixtureDef): { mean: number[]; covariance: Matrix } {
  const dim = mix.means[0].length
  const mean = new Array<number>(dim).fill(0)
  mix.weights.forEach((w, k) => mix.means[k].forEach((v, i) => (mean[i] += w * v)))
  const cov: Matrix = Array.from({ length: dim }, () => new Array<number>(dim).fill(0))
  mix.weights.forEach((w, k) => {
    const m = mix.means[k]
    for (let i = 0; i < dim; i++) for (let j = 0; j < dim; j++) cov[i][j] += w * (mix.covariances[k][i][j] + (m[i] - mean[i]) * (m[j] - mean[j]))
  })
  return { mean, covariance: cov }
}
