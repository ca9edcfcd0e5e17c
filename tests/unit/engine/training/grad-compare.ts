// Test helper: how far two gradients (maps by variable name) are apart, as |a - b| / |b| over all the
// named variables together.
import type { tf } from '../../../../electron/engine/backend'

export function relDiff(vars: tf.Variable[], a: tf.NamedTensorMap, b: tf.NamedTensorMap): number {
  let diff = 0
  let norm = 0
  for (const v of vars) {
    const x = a[v.name].dataSync()
    const y = b[v.name].dataSync()
    for (let i = 0; i < x.length; i++) {
      diff += (x[i] - y[i]) ** 2
      norm += y[i] ** 2
    }
  }
  return Math.sqrt(diff / norm)
}
