// Composed DAE: L shallow-DAE layers of noise dt = T/L, each the exact posterior mean for the current
// distribution. Exact for one Gaussian (affine maps); for mixtures the current distribution is the
// paper's component-wise approximation (each N(m_k, S_k) pushed through its own Gaussian shallow map).
import * as tf from '@tensorflow/tfjs-core'
import type { Matrix } from '../../../shared/matrix'
import type { MixtureDef } from '../../../shared/presets'
import { identity, matMul, transpose } from '../sampling/linalg'
import { EngineError } from '../errors'
import { shallowGain, shallowStep } from './shallow-dae'
import type { DepthMap } from './types'
import { message } from '../../../shared/messages'

export const COMPONENTWISE_NOTE = message('engine.noteComponentwise')

/** S <- A S A^T with A = S (S + dt I)^-1, per component. */
function nextCovariances(covs: Matrix[], dt: number): Matrix[] {
  return covs.map((s) => {
    const a = shallowGain(s, dt)
    return matMul(matMul(a, s), transpose(a))
  })
}

interface Location {
  /** complete layers before t */
  j: number
  /** fraction of layer j + 1 done at t (0 on a layer boundary) */
  a: number
}

interface Walk {
  x0Id: number
  j: number
  /** output of layer j (owned, kept out of tidy); undefined when j = 0 (the output is x0 itself) */
  y?: tf.Tensor2D
  covs: Matrix[]
}

export interface ComposedDae {
  map: DepthMap
  /** exact covariance of the broken-line position for single-Gaussian data */
  covarianceAt(t: number): Matrix
}

export function composedDae(mix: MixtureDef, layers: number, totalDepth: number): ComposedDae {
  const dim = mix.means[0].length
  const dt = totalDepth / layers
  const { weights, means } = mix
  let walk: Walk | undefined

  const locate = (t: number): Location => {
    const s = t / dt
    if (!(t >= 0) || s > layers * (1 + 1e-9)) throw new EngineError('internal', message('engine.composedDepthOutside', { t, total: totalDepth }))
    let j = Math.floor(s + 1e-9)
    let a = s - j
    if (a < 1e-9) a = 0
    if (j >= layers) {
      j = layers
      a = 0
    }
    return { j, a }
  }

  let evaluations = 0
  const dropWalk = (): void => {
    walk?.y?.dispose()
    walk = undefined
  }

  // Positions between layer boundaries are the linear interpolation of the two layer outputs: the
  // network read as an Euler broken line through depth (layer l spans [(l-1) dt, l dt]).
  const positionsAt = (x0: tf.Tensor2D, t: number): tf.Tensor2D => {
    const { j, a } = locate(t)
    // Depths arrive in ascending order for one chunk: continue from the last layer output instead of
    // recomputing all layers for every recorded depth (cost L + samples rather than L x samples).
    let start: Walk = { x0Id: x0.id, j: 0, covs: mix.covariances }
    if (walk && walk.x0Id === x0.id && walk.j <= j) {
      start = walk
      walk = undefined
    } else dropWalk()
    let y = start.y ?? x0
    let covs = start.covs
    try {
      for (let l = start.j; l < j; l++) {
        const prev = y
        const c = covs
        y = tf.tidy(() => shallowStep(prev, weights, means, c, dt))
        evaluations++
        if (prev !== x0) prev.dispose()
        covs = nextCovariances(covs, dt)
      }
    } catch (e) {
      // a kept tensor taken over from the walk would outlive the caller's tidy
      if (y !== x0) y.dispose()
      throw e
    }
    walk = { x0Id: x0.id, j, covs, ...(y !== x0 ? { y: tf.keep(y) } : {}) }
    if (a === 0) return tf.clone(y)
    const base = y
    evaluations++
    return tf.tidy(() => {
      const next = shallowStep(base, weights, means, covs, dt)
      return tf.add(tf.mul(base, 1 - a), tf.mul(next, a))
    })
  }

  const covarianceAt = (t: number): Matrix => {
    const { j, a } = locate(t)
    let s = mix.covariances[0]
    for (let l = 0; l < j; l++) s = nextCovariances([s], dt)[0]
    if (a === 0) return s
    // x - m = ((1 - a) I + a A_j)(y_j - m): the broken line is affine in y_j
    const g = shallowGain(s, dt)
    const b = identity(dim).map((row, r) => row.map((v, c) => (1 - a) * v + a * g[r][c]))
    return matMul(matMul(b, s), transpose(b))
  }

  const map: DepthMap = {
    dim,
    positionsAt,
    get evaluations() {
      return evaluations
    },
    dispose: dropWalk
  }
  return { map, covarianceAt }
}
