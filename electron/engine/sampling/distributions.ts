// Sampling a resolved distribution: Gaussian mixtures (component by weight, then mean + L z with
// L the Cholesky factor) and the swiss roll (2-D or 3-D), all from a seeded Rng.
import type { MixtureDef, ResolvedDistribution, SampledDef } from '../../../shared/presets'
import { EngineError } from '../errors'
import { cholesky } from './linalg'
import type { Rng } from './random'
import { message } from '../../../shared/messages'

export { componentLogDensities, mixtureLogDensity, mixtureMoments, mostLikelyComponents, prepareMixture, responsibilities } from './mixture'
export type { PreparedMixture } from './mixture'

export interface Sample {
  /** flat row-major [n, D] */
  positions: Float32Array
  /** mixture component of every row; absent for the swiss roll */
  labels?: Int32Array
}

function sampleMixture(mix: MixtureDef, n: number, rng: Rng): Sample {
  const dim = mix.means[0].length
  const chol = mix.covariances.map((c, k) => cholesky(c, message('engine.covarianceOfComponent', { k })))
  const cum: number[] = []
  let acc = 0
  for (const w of mix.weights) cum.push((acc += w))
  const positions = new Float32Array(n * dim)
  const labels = new Int32Array(n)
  const z = new Array<number>(dim)
  for (let i = 0; i < n; i++) {
    // weights sum to 1 up to validation tolerance: scale u by the actual total
    const u = rng.uniform() * acc
    let k = 0
    while (k < cum.length - 1 && u >= cum[k]) k++
    labels[i] = k
    for (let j = 0; j < dim; j++) z[j] = rng.normal()
    const L = chol[k]
    const m = mix.means[k]
    for (let r = 0; r < dim; r++) {
      let s = m[r]
      for (let c = 0; c <= r; c++) s += L[r][c] * z[c]
      positions[i * dim + r] = s
    }
  }
  return { positions, labels }
}

function sampleSwissRoll(d: SampledDef, n: number, rng: Rng): Sample {
  const dim = d.dimension
  const positions = new Float32Array(n * dim)
  for (let i = 0; i < n; i++) {
    const t = 1.5 * Math.PI * (1 + 2 * rng.uniform())
    const a = (t * Math.cos(t)) / 5
    const b = (t * Math.sin(t)) / 5
    if (dim === 2) {
      positions[i * 2] = a + d.noise * rng.normal()
      positions[i * 2 + 1] = b + d.noise * rng.normal()
    } else {
      const h = -2 + 4 * rng.uniform()
      positions[i * 3] = a + d.noise * rng.normal()
      positions[i * 3 + 1] = h + d.noise * rng.normal()
      positions[i * 3 + 2] = b + d.noise * rng.normal()
    }
  }
  return { positions }
}

export function sampleDistribution(dist: ResolvedDistribution, n: number, rng: Rng): Sample {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`sample size must be a non-negative integer, got ${n}`)
  // an imported dataset is never sampled as a density: its rows are the particles (datasets/particles.ts)
  if (dist.kind === 'dataset') throw new EngineError('invalid-spec', message('trainui.datasetNeedsSample'))
  return dist.kind === 'mixture' ? sampleMixture(dist, n, rng) : sampleSwissRoll(dist, n, rng)
}
