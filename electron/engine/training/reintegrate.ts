// Re-integrating a trained flow outside training: final states with any solver (fixed step or dopri5),
// the DAE layers chained one unit step each, mean path length, and how far two sets of outputs differ.
import * as tf from '@tensorflow/tfjs-core'
import { frozenLayerField } from '../flows/trained-flows'
import type { VelocityField } from '../flows/types'
import type { TrainedModel } from '../models/trained-model'
import { integrate } from '../solvers/integrate'
import type { SolverOptions } from '../solvers/types'

export interface Outputs {
  /** [n, S] final states */
  x: Float32Array
  nfe: number
}

/** x(T) for starting rows `x0` [n, S] through `field` over [0, depth] */
export async function finalStates(field: VelocityField, x0: Float32Array, n: number, depth: number, options: SolverOptions): Promise<Outputs> {
  const x = tf.tensor2d(x0, [n, field.dim])
  try {
    const r = await integrate(field, x, [0, depth], options)
    const out = (await r.positions[1].data()) as Float32Array
    r.positions.forEach((p) => p.dispose())
    return { x: Float32Array.from(out), nfe: r.nfe }
  } finally {
    x.dispose()
  }
}

/** The composed/shallow DAE layers chained: each layer integrated over [0, 1] (one Euler step of 1 is the network). */
export async function daeFinalStates(model: TrainedModel, x0: Float32Array, n: number, options: SolverOptions): Promise<Outputs> {
  let x = x0
  let nfe = 0
  for (let l = 0; l < model.fields.length; l++) {
    const field = frozenLayerField(model, l)
    try {
      const r = await finalStates(field, x, n, 1, options)
      x = r.x
      nfe += r.nfe
    } finally {
      field.dispose()
    }
  }
  return { x, nfe }
}

/** Mean over particles of the polyline length through positions at `steps` equal steps of [0, depth]. */
export async function meanPathLength(field: VelocityField, x0: Float32Array, n: number, depth: number, steps: number, options: SolverOptions): Promise<number> {
  const x = tf.tensor2d(x0, [n, field.dim])
  const depths = Array.from({ length: steps + 1 }, (_, i) => (i === steps ? depth : (depth * i) / steps))
  try {
    const r = await integrate(field, x, depths, options)
    const total = tf.tidy(() => {
      let sum: tf.Tensor = tf.scalar(0)
      for (let i = 1; i < r.positions.length; i++) sum = tf.add(sum, tf.sum(tf.sqrt(tf.sum(tf.square(tf.sub(r.positions[i], r.positions[i - 1])), 1))))
      return sum.dataSync()[0]
    })
    r.positions.forEach((p) => p.dispose())
    return total / n
  } finally {
    x.dispose()
  }
}

/** max and mean Euclidean distance between corresponding rows of a and b ([n, S]) */
export function displacement(a: Float32Array, b: Float32Array, n: number, S: number): { max: number; mean: number } {
  let max = 0
  let sum = 0
  for (let i = 0; i < n; i++) {
    let d = 0
    for (let j = 0; j < S; j++) d += (a[i * S + j] - b[i * S + j]) ** 2
    d = Math.sqrt(d)
    sum += d
    if (d > max) max = d
  }
  return { max, mean: n > 0 ? sum / n : 0 }
}
