// Blow-up guard shared by the solvers: one cheap reduction ([max |x|, sum x*0]) and one data sync
// tells whether the state is finite and bounded, so NaN/Inf or explosion is reported with its depth.
import * as tf from '@tensorflow/tfjs-core'
import { BlowUpError, EngineError } from '../errors'
import { message } from '../../../shared/messages'

/** |x| beyond this counts as a blow-up */
export const BLOW_UP_LIMIT = 1e8

/**
 * [max |x|, sum(x * 0)] as a 1-D tensor. The second entry is NaN iff some entry is NaN or +-Inf
 * (Inf * 0 = NaN), which catches non-finite values even where a max reduction skips NaN.
 */
export function healthOf(x: tf.Tensor): tf.Tensor1D {
  return tf.stack([tf.max(tf.abs(x)), tf.sum(tf.mul(x, 0))]) as tf.Tensor1D
}

export function assertHealthy(maxAbs: number, finiteProbe: number, depth: number): void {
  if (!Number.isFinite(finiteProbe) || !Number.isFinite(maxAbs)) throw new BlowUpError(depth, message('engine.positionsNonFinite'))
  if (maxAbs > BLOW_UP_LIMIT)
    throw new BlowUpError(depth, message('engine.positionsTooLarge', { max: maxAbs.toExponential(3), limit: BLOW_UP_LIMIT.toExponential(0) }))
}

/** Synchronous check of a state tensor (one small download). */
export function checkState(x: tf.Tensor, depth: number): void {
  const h = tf.tidy(() => healthOf(x))
  const [maxAbs, probe] = h.dataSync()
  h.dispose()
  assertHealthy(maxAbs, probe, depth)
}

export function validateDepths(depths: number[]): void {
  if (depths.length < 1) throw new EngineError('internal', message('engine.integrateNeedsDepth'))
  for (let i = 0; i < depths.length; i++) {
    if (!Number.isFinite(depths[i])) throw new EngineError('internal', message('engine.depthNotFinite', { depth: depths[i] }))
    if (i > 0 && depths[i] < depths[i - 1]) throw new EngineError('internal', message('engine.depthsAscending'))
  }
}

/** Dispose every tensor in the list and empty it (cleanup on failure or cancel). */
export function disposeAll(ts: tf.Tensor[]): void {
  for (const t of ts) t.dispose()
  ts.length = 0
}
