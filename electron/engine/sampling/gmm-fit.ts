// Fits a Gaussian mixture to data rows by EM (full covariances, float64), so that an imported dataset
// can drive the closed-form continuous DAE: its field needs a mixture, the data is only a sample.
// k-means++ picks the initial means (seeded, so a run is reproducible), every component starts with the
// sample covariance and equal weight; EM stops when the mean log-likelihood per row changes by less than
// `tolerance` relative to itself, or after `maxIterations`. K = 1 is the closed form (sample mean and
// covariance, divided by n: the maximum-likelihood estimate) without iterating.
import type { Matrix } from '../../../shared/matrix'
import { minEigenvalue } from '../../../shared/matrix'
import type { MixtureDef } from '../../../shared/presets'
import { message } from '../../../shared/messages'
import { EngineError } from '../errors'
import { prepareMixture } from './mixture'
import type { Rng } from './random'

export interface GmmFitOptions {
  components: number
  rng: Rng
  maxIterations?: number
  tolerance?: number
  /**
   * the smallest eigenvalue a covariance may have, relative to the data's mean variance: a component
   * squeezed onto a line or a repeated point would put the singular time t* = lambda_min / 2 at 0
   */
  relativeFloor?: number
}

export interface GmmFit {
  mixture: MixtureDef
  /** mean log-likelihood per row under the fitted mixture */
  logLikelihood: number
  /** EM iterations done (0 for K = 1, which is solved in closed form) */
  iterations: number
  converged: boolean
}

export const GMM_DEFAULTS = { maxIterations: 200, tolerance: 1e-6, relativeFloor: 1e-6 } as const

const zeros = (d: number): Matrix => Array.from({ length: d }, () => new Array<number>(d).fill(0))

/** Sample mean and covariance (divided by n: the maximum-likelihood estimate) of rows [n, d]. */
function sampleMoments(x: Float64Array, n: number, d: number): { mean: number[]; cov: Matrix } {
  const mean = new Array<number>(d).fill(0)
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j] += x[i * d + j]
  for (let j = 0; j < d; j++) mean[j] /= n
  const cov = zeros(d)
  const diff = new Array<number>(d)
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) diff[j] = x[i * d + j] - mean[j]
    for (let a = 0; a < d; a++) for (let b = a; b < d; b++) cov[a][b] += diff[a] * diff[b]
  }
  for (let a = 0; a < d; a++)
    for (let b = a; b < d; b++) {
      cov[a][b] /= n
      cov[b][a] = cov[a][b]
    }
  return { mean, cov }
}

/** Raises the smallest eigenvalue to `floor` (adding (floor - lambda_min) I); leaves a well-conditioned covariance untouched. */
function floored(c: Matrix, floor: number): Matrix {
  const lo = minEigenvalue(c)
  if (lo >= floor) return c
  const add = floor - lo
  return c.map((row, i) => row.map((v, j) => (i === j ? v + add : v)))
}

/** k-means++: the first centre uniformly, each next one with probability proportional to the squared distance to the nearest centre. */
export function kmeansPlusPlus(x: Float64Array, n: number, d: number, k: number, rng: Rng): number[][] {
  const centres: number[][] = []
  const nearest = new Float64Array(n).fill(Infinity)
  let pick = rng.int(n)
  for (let c = 0; c < k; c++) {
    const centre = Array.from(x.subarray(pick * d, pick * d + d))
    centres.push(centre)
    let total = 0
    for (let i = 0; i < n; i++) {
      let s = 0
      for (let j = 0; j < d; j++) s += (x[i * d + j] - centre[j]) ** 2
      if (s < nearest[i]) nearest[i] = s
      total += nearest[i]
    }
    if (c === k - 1) break
    // every row sits on a centre already (fewer distinct rows than K): take any row, EM will report it
    if (!(total > 0)) {
      pick = rng.int(n)
      continue
    }
    let u = rng.uniform() * total
    pick = n - 1
    for (let i = 0; i < n; i++) {
      u -= nearest[i]
      if (u < 0) {
        pick = i
        break
      }
    }
  }
  return centres
}

/** E-step: responsibilities gamma [n, K] (written into `gamma`) and the mean log-likelihood per row. */
function expectation(x: Float64Array, n: number, d: number, mix: MixtureDef, gamma: Float64Array): number {
  const p = prepareMixture(mix)
  const K = p.k
  // flat copies: the loop below runs n K d^2 times, and typed arrays keep it free of nested lookups
  const P = new Float64Array(K * d * d)
  const M = new Float64Array(K * d)
  for (let k = 0; k < K; k++)
    for (let a = 0; a < d; a++) {
      M[k * d + a] = p.means[k][a]
      for (let b = 0; b < d; b++) P[(k * d + a) * d + b] = p.precisions[k][a][b]
    }
  const logNorm = Float64Array.from(p.logNorm)
  const diff = new Float64Array(d)
  let sum = 0
  for (let i = 0; i < n; i++) {
    const row = i * K
    let max = -Infinity
    for (let k = 0; k < K; k++) {
      for (let j = 0; j < d; j++) diff[j] = x[i * d + j] - M[k * d + j]
      let q = 0
      for (let a = 0; a < d; a++) {
        let t = 0
        const pa = (k * d + a) * d
        for (let b = 0; b < d; b++) t += P[pa + b] * diff[b]
        q += diff[a] * t
      }
      // the row's log terms go into gamma first: one exp per term, then one scaling by 1 / z
      const log = logNorm[k] - 0.5 * q
      gamma[row + k] = log
      if (log > max) max = log
    }
    let z = 0
    for (let k = 0; k < K; k++) {
      const e = Math.exp(gamma[row + k] - max)
      gamma[row + k] = e
      z += e
    }
    const inv = 1 / z
    for (let k = 0; k < K; k++) gamma[row + k] *= inv
    sum += max + Math.log(z)
  }
  return sum / n
}

/** M-step: every component's weight, mean and covariance from the responsibilities, in two passes over the rows (means, then centred second moments). */
function maximisation(x: Float64Array, n: number, d: number, K: number, gamma: Float64Array, floor: number): MixtureDef {
  const total = new Float64Array(K)
  const mean = new Float64Array(K * d)
  for (let i = 0; i < n; i++)
    for (let k = 0; k < K; k++) {
      const g = gamma[i * K + k]
      total[k] += g
      for (let j = 0; j < d; j++) mean[k * d + j] += g * x[i * d + j]
    }
  for (let k = 0; k < K; k++) {
    // a component no row belongs to any more has no mean: refuse rather than invent one
    if (!(total[k] > 1e-9 * n)) throw new EngineError('invalid-spec', message('datadae.componentEmpty', { component: k + 1, components: K }))
    for (let j = 0; j < d; j++) mean[k * d + j] /= total[k]
  }
  const cov = new Float64Array(K * d * d)
  const diff = new Float64Array(d)
  for (let i = 0; i < n; i++)
    for (let k = 0; k < K; k++) {
      const g = gamma[i * K + k]
      if (g === 0) continue
      for (let j = 0; j < d; j++) diff[j] = x[i * d + j] - mean[k * d + j]
      for (let a = 0; a < d; a++) {
        const ga = g * diff[a]
        for (let b = a; b < d; b++) cov[(k * d + a) * d + b] += ga * diff[b]
      }
    }
  const weights: number[] = []
  const means: number[][] = []
  const covariances: Matrix[] = []
  for (let k = 0; k < K; k++) {
    weights.push(total[k] / n)
    means.push(Array.from(mean.subarray(k * d, k * d + d)))
    const c = zeros(d)
    for (let a = 0; a < d; a++)
      for (let b = a; b < d; b++) {
        c[a][b] = cov[(k * d + a) * d + b] / total[k]
        c[b][a] = c[a][b]
      }
    covariances.push(floored(c, floor))
  }
  return { kind: 'mixture', weights, means, covariances }
}

/**
 * EM one iteration per step, the fit as the generator's return value: the synchronous fit drains it at
 * once, the yielding one pauses between iterations so the thread it runs on answers other calls.
 */
function* emIterations(x: Float64Array, n: number, d: number, options: GmmFitOptions): Generator<void, GmmFit> {
  const K = options.components
  const maxIterations = options.maxIterations ?? GMM_DEFAULTS.maxIterations
  const tolerance = options.tolerance ?? GMM_DEFAULTS.tolerance
  if (!Number.isInteger(K) || K < 1) throw new RangeError(`components must be a positive integer, got ${K}`)
  // K components need at least K rows, and each full covariance d + 1 of them to be estimable at all
  if (n < K * (d + 1)) throw new EngineError('invalid-spec', message('datadae.tooFewRows', { rows: n, components: K, need: K * (d + 1) }))
  const all = sampleMoments(x, n, d)
  const meanVariance = all.cov.reduce((s, row, i) => s + row[i], 0) / d
  const floor = Math.max((options.relativeFloor ?? GMM_DEFAULTS.relativeFloor) * meanVariance, 1e-12)
  const gamma = new Float64Array(n * K)
  if (K === 1) {
    const mixture: MixtureDef = { kind: 'mixture', weights: [1], means: [all.mean], covariances: [floored(all.cov, floor)] }
    return { mixture, logLikelihood: expectation(x, n, d, mixture, gamma), iterations: 0, converged: true }
  }
  let mixture: MixtureDef = {
    kind: 'mixture',
    weights: new Array<number>(K).fill(1 / K),
    means: kmeansPlusPlus(x, n, d, K, options.rng),
    covariances: Array.from({ length: K }, () => floored(all.cov, floor))
  }
  let ll = expectation(x, n, d, mixture, gamma)
  let iterations = 0
  let converged = false
  while (iterations < maxIterations) {
    yield
    mixture = maximisation(x, n, d, K, gamma, floor)
    const next = expectation(x, n, d, mixture, gamma)
    iterations++
    const change = Math.abs(next - ll)
    ll = next
    if (change <= tolerance * Math.max(Math.abs(ll), 1e-12)) {
      converged = true
      break
    }
  }
  return { mixture, logLikelihood: ll, iterations, converged }
}

/** Fits a K-component Gaussian mixture to rows x [n, d] (row-major). */
export function fitGaussianMixture(x: Float64Array, n: number, d: number, options: GmmFitOptions): GmmFit {
  const em = emIterations(x, n, d, options)
  for (;;) {
    const r = em.next()
    if (r.done) return r.value
  }
}

/** The same fit, awaiting `pause` between EM iterations (to let other work in, or to be cancelled: `pause` may throw). */
export async function fitGaussianMixtureYielding(x: Float64Array, n: number, d: number, options: GmmFitOptions, pause: () => Promise<void>): Promise<GmmFit> {
  const em = emIterations(x, n, d, options)
  for (;;) {
    const r = em.next()
    if (r.done) return r.value
    await pause()
  }
}
