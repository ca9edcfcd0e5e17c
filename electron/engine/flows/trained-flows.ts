// Trained networks as flows the runner can transport particles through: DAE layers as a depth map (an
// Euler broken line, one unit step per layer), one layer as an autonomous field for re-integration, and a
// neural ODE's field as a frozen snapshot.
import * as tf from '@tensorflow/tfjs-core'
import type { TrainedModel } from '../models/trained-model'
import type { DepthMap, VelocityField } from './types'

/**
 * The DAE layers g_l(x) = x + v_l(x, 0) spread over depth [0, t]: layer l spans [l t/L, (l+1) t/L];
 * between boundaries the position is the linear interpolation of the layer outputs (the broken line).
 */
export function daeLayersMap(model: TrainedModel, t: number): DepthMap {
  const frozen = model.fields.map((f) => f.snapshot())
  const L = frozen.length
  let evaluations = 0
  return {
    dim: model.meta.field.dim,
    positionsAt: (x0, s) => {
      const u = Math.min(L, Math.max(0, (s / t) * L))
      let j = Math.floor(u + 1e-9)
      let a = u - j
      if (a < 1e-9) a = 0
      if (j >= L) {
        j = L
        a = 0
      }
      let y = x0
      for (let l = 0; l < j; l++) {
        y = tf.add(y, frozen[l].velocity(y, 0))
        evaluations++
      }
      if (a > 0) {
        y = tf.add(y, tf.mul(frozen[j].velocity(y, 0), tf.scalar(a)))
        evaluations++
      }
      return y === x0 ? tf.clone(x0) : y
    },
    get evaluations() {
      return evaluations
    },
    dispose: () => frozen.forEach((f) => f.dispose())
  }
}

/** Field l of a DAE as an autonomous velocity field v_l(x, 0) (the caller disposes the snapshot it wraps). */
export function frozenLayerField(model: TrainedModel, l: number): VelocityField {
  const snap = model.fields[l].snapshot()
  return { dim: snap.dim, referenceRows: 0, velocity: (x) => snap.velocity(x, 0), dispose: () => snap.dispose() }
}

/** A neural ODE's trained field v_theta(x, t), frozen (later training does not change it). */
export function neuralOdeField(model: TrainedModel): VelocityField {
  const mlp = model.fields[0]
  const recipe = { kind: 'mlp' as const, config: mlp.config, weights: mlp.getWeights().map((w) => w.values) }
  // the snapshot may be a class instance (non-tanh fields): add the recipe without copying it
  return Object.assign(mlp.snapshot(), { recipe })
}
