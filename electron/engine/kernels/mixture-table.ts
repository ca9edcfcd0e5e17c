// Float64 constants of the continuous-DAE mixture score at one depth t, laid out flat for the CPU kernel
// (mixture-score64.ts): mu_t = sum_k w_k N(m_k, Sigma_k - 2tI) (REFERENCE eq. 42), so per component k
// the slot holds -P_k (D x D, row-major, P_k = (Sigma_k - 2tI)^-1), m_k (D) and the logit bias
// log w_k - 0.5 log det(Sigma_k - 2tI). One slot is computed per depth the solver visits and then read by
// every particle of the chunk, so the inversions cost nothing next to the particles.
import { singularTime } from '../../../shared/experiment'
import type { MixtureDef } from '../../../shared/presets'
import { message } from '../../../shared/messages'
import { addIdentity, spdInverse } from '../sampling/linalg'
import { assertBeforeSingular } from '../flows/continuous-dae'

/** numbers per component in a slot: -P (D*D), m (D), bias (1) */
export const componentStride = (dim: number): number => dim * dim + dim + 1

export interface MixtureSlots {
  readonly k: number
  readonly dim: number
  /** the slot of depth t: throws the field's own error from t* on, as the TF path does */
  at(t: number): Float64Array
}

export function continuousDaeSlots(mix: MixtureDef): MixtureSlots {
  const k = mix.weights.length
  const dim = mix.means[0].length
  const tStar = singularTime(mix)
  const stride = componentStride(dim)
  const at = (t: number): Float64Array => {
    assertBeforeSingular(t, tStar)
    const slot = new Float64Array(k * stride)
    mix.covariances.forEach((c, kk) => {
      const { inverse, logDet } = spdInverse(addIdentity(c, -2 * t), message('engine.covarianceOfComponent', { k: kk }))
      const o = kk * stride
      for (let i = 0; i < dim; i++) {
        for (let j = 0; j < dim; j++) slot[o + i * dim + j] = -inverse[i][j]
        slot[o + dim * dim + i] = mix.means[kk][i]
      }
      slot[o + dim * dim + dim] = Math.log(mix.weights[kk]) - 0.5 * logDet
    })
    return slot
  }
  return { k, dim, at }
}
