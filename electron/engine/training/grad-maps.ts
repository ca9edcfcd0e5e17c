// Gradient maps (one tensor per variable name) and the tape: disposing and summing maps over row chunks,
// and freeing what an abandoned gradient tape still holds, so a failed step leaks nothing.
import * as tf from '@tensorflow/tfjs-core'

/**
 * TF.js keeps clones of the tensors a gradient needs ("saved") on the active tape and frees them only
 * after a successful backward pass: when the forward pass throws, they stay allocated forever. Free
 * them (and drop the abandoned tape) so a failed or cancelled step leaves numTensors at its baseline.
 */
export function freeAbandonedTape(): void {
  const state = tf.engine().state
  if (state.gradientDepth !== 0 || !state.activeTape) return
  for (const node of state.activeTape)
    for (const saved of node.saved ?? [])
      saved.dispose()
      // the engine itself resets the tape to null after a backward pass; its typings omit null
  ;(state as { activeTape: unknown }).activeTape = null
}

export function disposeMap(m: tf.NamedTensorMap): void {
  for (const k of Object.keys(m)) m[k].dispose()
}

/** acc + next, variable by variable (next itself when there is no acc yet); consumes both maps. */
export function accumulateGradients(acc: tf.NamedTensorMap | undefined, next: tf.NamedTensorMap): tf.NamedTensorMap {
  if (!acc) return next
  const sum: tf.NamedTensorMap = {}
  for (const k of Object.keys(acc)) sum[k] = tf.add(acc[k], next[k])
  disposeMap(acc)
  disposeMap(next)
  return sum
}
