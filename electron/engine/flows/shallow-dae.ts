// Shallow DAE trained with noise variance t: the exact posterior mean g_t(x) = x + t grad log(mu_0 * N(0, tI))(x)
// (Tweedie form of eq. 38; Gaussian case eq. 34). A map, so the position at depth t is g_t(x0).
import * as tf from '@tensorflow/tfjs-core'
import type { Matrix } from '../../../shared/matrix'
import type { MixtureDef } from '../../../shared/presets'
import { addIdentity, matMul, spdInverse, transpose } from '../sampling/linalg'
import { mixtureConstants, mixtureScore } from './mixture-score'
import type { DepthMap } from './types'

/** One shallow-DAE step of noise t on the mixture (weights, means, covs): call inside tf.tidy. */
export function shallowStep(x: tf.Tensor2D, weights: number[], means: number[][], covs: Matrix[], t: number): tf.Tensor2D {
  if (t === 0) return tf.clone(x)
  const c = mixtureConstants(
    weights,
    means,
    covs.map((s) => addIdentity(s, t)),
    true
  )
  return tf.add(x, tf.mul(mixtureScore(x, c), t))
}

/** A = Sigma (Sigma + tI)^-1, the linear part of the Gaussian shallow map. */
export function shallowGain(sigma: Matrix, t: number): Matrix {
  return matMul(sigma, spdInverse(addIdentity(sigma, t)).inverse)
}

/** Pushforward covariance of N(m, Sigma) under the Gaussian shallow map: A Sigma A^T (eq. 35). */
export function shallowCovariance(sigma: Matrix, t: number): Matrix {
  const a = shallowGain(sigma, t)
  return matMul(matMul(a, sigma), transpose(a))
}

export function shallowDaeMap(mix: MixtureDef): DepthMap {
  let evaluations = 0
  return {
    dim: mix.means[0].length,
    positionsAt: (x0: tf.Tensor2D, t: number) => {
      // g_0 is the identity and costs nothing
      if (t > 0) evaluations++
      return shallowStep(x0, mix.weights, mix.means, mix.covariances, t)
    },
    get evaluations() {
      return evaluations
    },
    dispose: () => {}
  }
}
