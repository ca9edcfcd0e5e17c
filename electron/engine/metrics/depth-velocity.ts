// Velocity of a continuous flow at recorded positions: v_t evaluated on a subsample of the cloud at
// each depth sample, for the kinetic energy. The only TF.js code of the per-depth analysis.
import { tf } from '../backend'
import type { VelocityField } from '../flows/types'

/** v_t at rows `idx` of the whole cloud `cloud` (flat [N, D]) at depth t, as flat [idx.length, D]. */
export type VelocitySampler = (cloud: Float32Array, idx: Int32Array, t: number) => Promise<Float32Array>

export function fieldVelocitySampler(field: VelocityField): VelocitySampler {
  const d = field.dim
  const ref = field.referenceRows
  return async (cloud, idx, t) => {
    // cloud-dependent fields read their reference from the top rows: the first `ref` particles of the
    // cloud at this same depth, exactly as during transport
    const batch = new Float32Array((ref + idx.length) * d)
    batch.set(cloud.subarray(0, ref * d))
    for (let i = 0; i < idx.length; i++) for (let j = 0; j < d; j++) batch[(ref + i) * d + j] = cloud[idx[i] * d + j]
    const v = tf.tidy(() => field.velocity(tf.tensor2d(batch, [ref + idx.length, d]), t))
    try {
      const data = (await v.data()) as Float32Array
      return data.slice(ref * d)
    } finally {
      v.dispose()
    }
  }
}
