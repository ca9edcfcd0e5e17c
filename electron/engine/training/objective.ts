// A generic chunked objective: the gradient of a full-batch objective accumulated over row chunks
// (only one chunk's tape alive at a time), then weight decay and one optimiser update. Tasks other
// than "x_T close to a target" (classification, denoising score matching) plug their loss in here.
import * as tf from '@tensorflow/tfjs-core'
import './gradients'
import { EngineError } from '../errors'
import { accumulateGradients, disposeMap, freeAbandonedTape } from './grad-maps'
import { message } from '../../../shared/messages'

export interface StepResult {
  /** data loss: mean over rows and dimensions of (x_T - target)^2 */
  loss: number
  /** kinetic term sum_steps h * mean_i |v|^2 (unweighted); NaN when not measured */
  kinetic: number
  /** Jacobian Frobenius term (unweighted Hutchinson estimate), when measured */
  jacobian?: number
}

export interface ChunkTerms {
  /** what is differentiated (data + regularisers), for this chunk's rows, as a mean over them */
  objective: tf.Scalar
  /** the data loss alone (reported) */
  data: tf.Scalar
  /** the kinetic term (reported), when measured */
  kinetic?: tf.Scalar
  /** the Jacobian Frobenius term (reported), when measured */
  jacobian?: tf.Scalar
}

export interface ChunkedGradients extends StepResult {
  grads: tf.NamedTensorMap
}

/**
 * Gradient of mean-over-rows objective for `n` rows, chunk by chunk: each chunk's objective is scaled
 * by its share of the rows so the sum is the full-batch gradient. `chunk(start, rows)` builds the
 * chunk's terms (it runs inside tf.variableGrads; its temporaries are freed).
 */
export function chunkedGradients(variables: tf.Variable[], n: number, chunkRows: number, chunk: (start: number, rows: number) => ChunkTerms): ChunkedGradients {
  const size = Math.max(1, Math.floor(chunkRows))
  let acc: tf.NamedTensorMap | undefined
  let loss = 0
  let kinetic = 0
  let jacobian = 0
  let measured = false
  let measuredJ = false
  try {
    for (let start = 0; start < n; start += size) {
      const rows = Math.min(size, n - start)
      const share = rows / n
      let parts: tf.Scalar[] = []
      try {
        const { value, grads } = tf.variableGrads(() => {
          const terms = chunk(start, rows)
          parts = [tf.keep(terms.data), tf.keep(terms.kinetic ?? tf.scalar(Number.NaN)), tf.keep(terms.jacobian ?? tf.scalar(Number.NaN))]
          return tf.mul(terms.objective, tf.scalar(share))
        }, variables)
        value.dispose()
        acc = accumulateGradients(acc, grads)
        loss += share * parts[0].dataSync()[0]
        const k = parts[1].dataSync()[0]
        const j = parts[2].dataSync()[0]
        if (!Number.isNaN(k)) {
          measured = true
          kinetic += share * k
        }
        if (!Number.isNaN(j)) {
          measuredJ = true
          jacobian += share * j
        }
      } catch (e) {
        freeAbandonedTape()
        throw e
      } finally {
        for (const p of parts) p.dispose()
      }
    }
    const grads = acc as tf.NamedTensorMap
    acc = undefined
    return { loss, kinetic: measured ? kinetic : Number.NaN, ...(measuredJ ? { jacobian } : {}), grads }
  } catch (e) {
    if (acc) disposeMap(acc)
    throw e
  }
}

/**
 * Weight decay (grad += wd * w, as torch's Adam/SGD) then one optimiser update; a non-finite loss
 * throws 'blow-up' before the weights are touched. Always disposes `grads`.
 */
export function applyGradients(optimizer: tf.Optimizer, variables: tf.Variable[], result: ChunkedGradients, weightDecay: number): StepResult {
  const { grads } = result
  try {
    if (!Number.isFinite(result.loss)) throw new EngineError('blow-up', message('engine.lossNotFinite', { loss: result.loss }))
    for (const w of variables) {
      const g = grads[w.name] as tf.Tensor | undefined
      // every variable gets a gradient, in a fixed order: Adam indexes its moments by position, so a
      // variable the objective did not reach this step (time weights at t = 0 only) must still appear
      if (weightDecay > 0) {
        grads[w.name] = tf.tidy(() => (g ? tf.add(g, tf.mul(w, tf.scalar(weightDecay))) : tf.mul(w, tf.scalar(weightDecay))))
        g?.dispose()
      } else if (!g) grads[w.name] = tf.zerosLike(w)
    }
    const ordered: tf.NamedTensorMap = {}
    for (const w of variables) ordered[w.name] = grads[w.name]
    for (const k of Object.keys(grads)) if (!(k in ordered)) grads[k].dispose()
    for (const k of Object.keys(grads)) delete grads[k]
    Object.assign(grads, ordered)
    optimizer.applyGradients(grads)
  } finally {
    disposeMap(grads)
  }
  return { loss: result.loss, kinetic: result.kinetic, ...(result.jacobian !== undefined ? { jacobian: result.jacobian } : {}) }
}
