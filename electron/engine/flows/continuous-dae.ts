// Continuous (infinitely deep) DAE of a Gaussian mixture: v_t = grad log sum_k w_k N(m_k, Sigma_k - 2tI)
// (REFERENCE eq. 43), exact; defined only before the singular time t* = min_k lambda_min(Sigma_k)/2.
import type * as tf from '@tensorflow/tfjs-core'
import { singularTime } from '../../../shared/experiment'
import type { MixtureDef } from '../../../shared/presets'
import { addIdentity } from '../sampling/linalg'
import { EngineError } from '../errors'
import { mixtureConstants, mixtureScore, type MixtureConstants } from './mixture-score'
import type { VelocityField } from './types'
import { message } from '../../../shared/messages'

/** The field exists only before t*: the TF path and the CPU kernel (kernels/) refuse later depths alike. */
export function assertBeforeSingular(t: number, tStar: number): void {
  if (!(t < tStar)) throw new EngineError('invalid-spec', message('engine.continuousUndefined', { t, tStar: tStar.toPrecision(6) }))
}

export function continuousDaeField(mix: MixtureDef): VelocityField {
  const dim = mix.means[0].length
  const tStar = singularTime(mix)
  let cached: { t: number; c: MixtureConstants } | undefined
  const constantsAt = (t: number): MixtureConstants => {
    assertBeforeSingular(t, tStar)
    // RK stages reuse a depth (t + h/2 twice), so keep the last constants
    if (cached?.t !== t)
      cached = {
        t,
        c: mixtureConstants(
          mix.weights,
          mix.means,
          mix.covariances.map((s) => addIdentity(s, -2 * t))
        )
      }
    return cached.c
  }
  return {
    dim,
    referenceRows: 0,
    recipe: { kind: 'continuous-dae', mixture: mix },
    velocity: (x: tf.Tensor2D, t: number) => mixtureScore(x, constantsAt(t)),
    dispose: () => {
      cached = undefined
    }
  }
}

/** Sigma_0 - 2tI: the exact pushforward covariance of single-Gaussian data (eq. 37). */
export function continuousCovarianceAt(mix: MixtureDef, t: number): number[][] {
  return addIdentity(mix.covariances[0], -2 * t)
}
