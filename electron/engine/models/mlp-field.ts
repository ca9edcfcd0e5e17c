// A time-conditioned MLP vector field v_theta(x, t) held as tf.Variables. Time enters the first layer
// through its own weight row (bias b1 + t * w_t), so no [x, t] concatenation happens per call.
import * as tf from '@tensorflow/tfjs-core'
import { createRng, type Rng } from '../sampling/random'
import type { VelocityField } from '../flows/types'
import { denseLinear, denseSigmoid, denseSigmoidPair, PAIR_MAX_INPUT } from './dense'

export type Activation = 'tanh' | 'softplus' | 'swish'

/** the tanh network's weights folded for its sigmoid form (MlpField.foldTanh) */
// a type alias, not an interface, so tf.tidy accepts it as a TensorContainer
type FoldedTanh = {
  wx: tf.Tensor2D
  wt: tf.Tensor1D
  b1: tf.Tensor1D
  layers: Array<[tf.Tensor2D, tf.Tensor1D]>
  wOut: tf.Tensor2D
  bOut: tf.Tensor1D
}

export interface MlpFieldConfig {
  /** input and output dimension D */
  dim: number
  /** hidden width H */
  width: number
  /** number of hidden layers (>= 1) */
  hiddenLayers: number
  activation: Activation
}

/** One named parameter as plain data (for saving, checkpoints and tests). */
export interface NamedWeights {
  name: string
  shape: number[]
  values: Float32Array
}

let instances = 0

function glorotUniform(rng: Rng, fanIn: number, fanOut: number, count: number): Float32Array {
  const limit = Math.sqrt(6 / (fanIn + fanOut))
  const out = new Float32Array(count)
  for (let i = 0; i < count; i++) out[i] = (2 * rng.uniform() - 1) * limit
  return out
}

function activate(z: tf.Tensor2D, activation: Exclude<Activation, 'tanh'>): tf.Tensor2D {
  if (activation === 'softplus') return tf.softplus(z)
  return tf.mul(z, tf.sigmoid(z))
}

export class MlpField implements VelocityField {
  readonly dim: number
  readonly referenceRows = 0
  readonly config: MlpFieldConfig
  /** every trainable variable, in a fixed order: wx, wt, b1, (w_i, b_i)..., wOut, bOut */
  readonly variables: tf.Variable[]
  private readonly prefix: string
  private disposed = false

  constructor(config: MlpFieldConfig, rng: Rng) {
    const { dim: D, width: H, hiddenLayers: L } = config
    for (const [k, v] of Object.entries({ dim: D, width: H, hiddenLayers: L })) {
      if (!Number.isInteger(v) || v < 1) throw new RangeError(`${k} must be a positive integer, got ${v}`)
    }
    this.dim = D
    this.config = { ...config }
    this.prefix = `mlp${instances++}`
    const init = rng.fork('mlp-init')
    const shapes: Array<{ name: string; shape: number[]; fanIn: number; fanOut: number; bias: boolean }> = [
      // the first layer's fan-in counts the time input too: it is one [D+1, H] layer, stored split
      { name: 'wx', shape: [D, H], fanIn: D + 1, fanOut: H, bias: false },
      { name: 'wt', shape: [H], fanIn: D + 1, fanOut: H, bias: false },
      { name: 'b1', shape: [H], fanIn: 0, fanOut: 0, bias: true }
    ]
    for (let i = 1; i < L; i++) {
      shapes.push({ name: `w${i + 1}`, shape: [H, H], fanIn: H, fanOut: H, bias: false })
      shapes.push({ name: `b${i + 1}`, shape: [H], fanIn: 0, fanOut: 0, bias: true })
    }
    shapes.push({ name: 'wOut', shape: [H, D], fanIn: H, fanOut: D, bias: false })
    shapes.push({ name: 'bOut', shape: [D], fanIn: 0, fanOut: 0, bias: true })
    this.variables = shapes.map((s) => {
      const count = s.shape.reduce((a, b) => a * b, 1)
      const values = s.bias ? new Float32Array(count) : glorotUniform(init, s.fanIn, s.fanOut, count)
      // the variable shares (and references) the initial tensor's data, which then can go
      const initial = tf.tensor(values, s.shape, 'float32')
      const variable = tf.variable(initial, true, `${this.prefix}/${s.name}`)
      initial.dispose()
      return variable
    })
  }

  /** v_theta(x, t) for x [n, D]; differentiable w.r.t. `variables` (use inside tf.variableGrads). */
  forward(x: tf.Tensor2D, t: number): tf.Tensor2D {
    return this.field()(x, t)
  }

  /**
   * v_theta as a function of (x, t) for many calls in one gradient scope (a solver's steps): the tanh
   * network's folded weights are computed once, now, on the caller's tape, instead of on every call.
   * Call it inside the scope (tf.variableGrads) whose gradient it feeds.
   */
  field(): (x: tf.Tensor2D, t: number) => tf.Tensor2D {
    if (this.disposed) throw new Error('MlpField used after dispose()')
    if (this.config.activation !== 'tanh') return (x, t) => this.forwardGeneric(x, t)
    const folded = this.foldTanh()
    return (x, t) => this.forwardTanh(folded, x, t)
  }

  /** b1 + t * wt: an [H] vector, so layer 1 stays one fused matMul + bias (no [x, t] concat) */
  private firstBias(t: number): tf.Tensor1D {
    const v = this.variables
    return (t === 0 ? v[2] : tf.add(v[2], tf.mul(v[1], tf.scalar(t)))) as tf.Tensor1D
  }

  /**
   * tanh(z) = 2 sigmoid(2z) - 1, with the affine parts folded into small [H, H] weight transforms:
   * s_1 = sigma(x 2Wx + 2 b1'), s_i = sigma(s_{i-1} 4W_i + 2(b_i - 1^T W_i)), v = s_L 2Wout + bOut - 1^T Wout.
   * Same function as the tanh network, but wasm's sigmoid (fused into the matMul) is ~30x faster than its tanh.
   */
  private foldTanh(): FoldedTanh {
    const v = this.variables
    const L = this.config.hiddenLayers
    const two = tf.scalar(2)
    const layers: Array<[tf.Tensor2D, tf.Tensor1D]> = []
    for (let i = 1; i < L; i++) {
      const w = v[1 + 2 * i] as tf.Tensor2D
      layers.push([tf.mul(w, tf.scalar(4)) as tf.Tensor2D, tf.mul(tf.sub(v[2 + 2 * i], tf.sum(w, 0)), two) as tf.Tensor1D])
    }
    const wOut = v[v.length - 2] as tf.Tensor2D
    return {
      wx: tf.mul(v[0], two) as tf.Tensor2D,
      wt: tf.mul(v[1], two) as tf.Tensor1D,
      b1: tf.mul(v[2], two) as tf.Tensor1D,
      layers,
      wOut: tf.mul(wOut, two) as tf.Tensor2D,
      bOut: tf.sub(v[v.length - 1], tf.sum(wOut, 0)) as tf.Tensor1D
    }
  }

  private forwardTanh(f: FoldedTanh, x: tf.Tensor2D, t: number): tf.Tensor2D {
    const bias = t === 0 ? f.b1 : (tf.add(f.b1, tf.mul(f.wt, tf.scalar(t))) as tf.Tensor1D)
    // a narrow input takes the first two layers as one op (dense.ts: no [n, H] transpose in its gradient)
    const pair = f.layers.length > 0 && this.dim <= PAIR_MAX_INPUT
    let s = pair ? denseSigmoidPair(x, f.wx, bias, f.layers[0][0], f.layers[0][1]) : denseSigmoid(x, f.wx, bias)
    for (const [w, b] of f.layers.slice(pair ? 1 : 0)) s = denseSigmoid(s, w, b)
    return denseLinear(s, f.wOut, f.bOut)
  }

  private forwardGeneric(x: tf.Tensor2D, t: number): tf.Tensor2D {
    const v = this.variables
    const act = this.config.activation as Exclude<Activation, 'tanh'>
    let h = activate(denseLinear(x, v[0] as tf.Tensor2D, this.firstBias(t)), act)
    for (let i = 1; i < this.config.hiddenLayers; i++) {
      h = activate(denseLinear(h, v[1 + 2 * i] as tf.Tensor2D, v[2 + 2 * i] as tf.Tensor1D), act)
    }
    return denseLinear(h, v[v.length - 2] as tf.Tensor2D, v[v.length - 1] as tf.Tensor1D)
  }

  velocity(x: tf.Tensor2D, t: number): tf.Tensor2D {
    return this.forward(x, t)
  }

  /**
   * A frozen copy for integration without gradients: the tanh network's folded weights are computed
   * once instead of on every call, and later training of this model does not affect the snapshot.
   * The caller disposes it.
   */
  snapshot(): VelocityField {
    const { activation } = this.config
    if (activation !== 'tanh') {
      const copy = new MlpField(this.config, createRng(0))
      copy.setWeights(this.getWeights())
      return copy
    }
    const frozen = tf.tidy(() => this.foldTanh())
    const all = (): tf.Tensor[] => [frozen.wx, frozen.wt, frozen.b1, ...frozen.layers.flat(), frozen.wOut, frozen.bOut]
    return {
      dim: this.dim,
      referenceRows: 0,
      velocity: (x, t) => {
        const bias = t === 0 ? frozen.b1 : (tf.add(frozen.b1, tf.mul(frozen.wt, tf.scalar(t))) as tf.Tensor1D)
        let s = tf.fused.matMul({ a: x, b: frozen.wx, bias, activation: 'sigmoid' }) as tf.Tensor2D
        for (const [w, b] of frozen.layers) s = tf.fused.matMul({ a: s, b: w, bias: b, activation: 'sigmoid' }) as tf.Tensor2D
        return tf.fused.matMul({ a: s, b: frozen.wOut, bias: frozen.bOut }) as tf.Tensor2D
      },
      dispose: () => tf.dispose(all())
    }
  }

  /** Variable name (as registered with TF.js) -> short parameter name. */
  shortName(variableName: string): string {
    return variableName.slice(this.prefix.length + 1)
  }

  getWeights(): NamedWeights[] {
    return this.variables.map((w) => ({ name: this.shortName(w.name), shape: [...w.shape], values: w.dataSync() as Float32Array }))
  }

  /** Loads weights (same order and shapes as getWeights()); plain arrays are accepted too. */
  setWeights(weights: Array<NamedWeights | Float32Array>): void {
    if (weights.length !== this.variables.length) throw new RangeError(`expected ${this.variables.length} weight arrays, got ${weights.length}`)
    this.variables.forEach((w, i) => {
      const given = weights[i]
      const values = given instanceof Float32Array ? given : given.values
      if (values.length !== w.size) throw new RangeError(`weight ${this.shortName(w.name)}: expected ${w.size} values, got ${values.length}`)
      tf.tidy(() => w.assign(tf.tensor(values, w.shape, 'float32')))
    })
  }

  /** number of trainable scalars */
  get parameterCount(): number {
    return this.variables.reduce((a, w) => a + w.size, 0)
  }

  dispose(): void {
    if (this.disposed) return
    this.disposed = true
    for (const w of this.variables) w.dispose()
  }
}
