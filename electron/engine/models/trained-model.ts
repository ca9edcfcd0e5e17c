// A trained flow's networks: one time-conditioned MLP field (neural ODE, trained shallow DAE) or L of
// them (composed DAE, one per layer), and for classification a linear softmax head at depth T.
import * as tf from '@tensorflow/tfjs-core'
import type { ModelSpec, TrainedFlowKind } from '../../../shared/experiment'
import { createRng, type Rng } from '../sampling/random'
import { MlpField, type MlpFieldConfig } from './mlp-field'

/** Everything needed to rebuild the networks and re-integrate them as they were trained. */
export interface TrainedModelMeta {
  kind: TrainedFlowKind
  task: 'dae' | 'composed-dae' | 'classify' | 'transport' | 'density'
  /** data dimension D; the state has D + augment coordinates (the augmented ones start at 0) */
  dataDim: number
  augment: number
  field: MlpFieldConfig
  /** number of fields (composed DAE layers; 1 otherwise) */
  fields: number
  /** DAE noise t (trained-dae, trained-composed-dae: total) */
  t?: number
  /** how the field is integrated as trained: solver, depth, step size */
  solver: 'euler' | 'heun' | 'rk4'
  depth: number
  stepSize: number
  /** classification: class names in label order (the head has one output per class) */
  classes?: string[]
}

export interface LinearHead {
  w: tf.Variable
  b: tf.Variable
}

export class TrainedModel {
  readonly fields: MlpField[]
  readonly head?: LinearHead

  constructor(
    readonly meta: TrainedModelMeta,
    rng: Rng,
    init: ModelSpec['init'] = 'glorot'
  ) {
    this.fields = Array.from({ length: meta.fields }, (_, l) => {
      const f = new MlpField(meta.field, rng.fork(`field:${l}`))
      if (init === 'small-output') f.setWeights(f.getWeights().map((w) => (w.name === 'wOut' ? w.values.map((v) => v * 0.1) : w.values)))
      return f
    })
    if (meta.classes) {
      const S = meta.field.dim
      const C = meta.classes.length
      const r = rng.fork('head')
      const limit = Math.sqrt(6 / (S + C))
      const wInit = tf.tensor2d(
        Float32Array.from({ length: S * C }, () => (2 * r.uniform() - 1) * limit),
        [S, C]
      )
      const bInit = tf.zeros([C])
      this.head = { w: tf.variable(wInit, true), b: tf.variable(bInit, true) }
      tf.dispose([wInit, bInit])
    }
  }

  /** trainable variables of field `l` plus the head (when present) */
  variablesOf(l: number): tf.Variable[] {
    return [...this.fields[l].variables, ...(this.head ? [this.head.w, this.head.b] : [])]
  }

  get allVariables(): tf.Variable[] {
    return [...this.fields.flatMap((f) => f.variables), ...(this.head ? [this.head.w, this.head.b] : [])]
  }

  get parameterCount(): number {
    return this.allVariables.reduce((a, v) => a + v.size, 0)
  }

  /** logits x_T W + b [n, C]; call inside tidy */
  logits(xT: tf.Tensor2D): tf.Tensor2D {
    if (!this.head) throw new Error('this model has no classification head')
    return tf.add(tf.matMul(xT, this.head.w as tf.Tensor2D), this.head.b) as tf.Tensor2D
  }

  /** every parameter as named plain arrays: field{l}/{name}, then head/w, head/b */
  getWeights(): { name: string; shape: number[]; values: Float32Array }[] {
    const out = this.fields.flatMap((f, l) => f.getWeights().map((w) => ({ ...w, name: `field${l}/${w.name}` })))
    if (this.head) {
      out.push({ name: 'head/w', shape: [...this.head.w.shape], values: this.head.w.dataSync() as Float32Array })
      out.push({ name: 'head/b', shape: [...this.head.b.shape], values: this.head.b.dataSync() as Float32Array })
    }
    return out
  }

  /** loads getWeights()'s arrays, in its order */
  setWeights(values: Float32Array[]): void {
    let i = 0
    for (const f of this.fields) {
      const k = f.variables.length
      f.setWeights(values.slice(i, i + k))
      i += k
    }
    if (this.head) {
      const [w, b] = [values[i], values[i + 1]]
      if (!w || !b || w.length !== this.head.w.size || b.length !== this.head.b.size) throw new RangeError('head weights do not match the model')
      tf.tidy(() => {
        this.head!.w.assign(tf.tensor(w, this.head!.w.shape))
        this.head!.b.assign(tf.tensor(b, this.head!.b.shape))
      })
      i += 2
    }
    if (i !== values.length) throw new RangeError(`expected ${i} weight arrays, got ${values.length}`)
  }

  dispose(): void {
    for (const f of this.fields) f.dispose()
    if (this.head) tf.dispose([this.head.w, this.head.b])
  }
}

/** A model with the given meta and weights (deterministic: the init is overwritten). */
export function modelWithWeights(meta: TrainedModelMeta, values: Float32Array[]): TrainedModel {
  const m = new TrainedModel(meta, createRng(0))
  try {
    m.setWeights(values)
  } catch (e) {
    m.dispose()
    throw e
  }
  return m
}
