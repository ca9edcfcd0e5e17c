// ONNX graphs of a learned MLP field v(x, t), for running its inference-only passes (integration) on
// onnxruntime's CPU kernels instead of TF.js: `velocity` (x, t) -> v, and one fixed-step solver step
// (x, k1 = v(x, t), t, h) -> x + h * (the solver's weighted slopes), with the field's own weights as
// initializers. The same function as MlpField.forward (mlp-field.ts): time enters the first layer's bias
// as b1 + t wt, hidden layers apply the activation, the output layer is linear.
import * as protobuf from 'protobufjs'
import type { MlpFieldConfig } from '../models/mlp-field'
import { ONNX_PROTO } from '../onnx/onnx-proto'

const ModelProto = protobuf.parse(ONNX_PROTO, { keepCase: false }).root.lookupType('onnx.ModelProto')

/** the opset the graphs use (Gemm, Tanh, Softplus, Sigmoid: all in 13) */
const OPSET = 13
const FLOAT = 1

export type FieldSolver = 'euler' | 'heun' | 'rk4'

interface Builder {
  nodes: object[]
  node(op: string, inputs: string[]): string
}

function builder(): Builder {
  const nodes: object[] = []
  let id = 0
  return {
    nodes,
    node(op, inputs) {
      const out = `n${id++}`
      nodes.push({ opType: op, input: inputs, output: [out] })
      return out
    }
  }
}

const tensor = (name: string, dims: number[], values: ArrayLike<number>) => ({
  name,
  dims,
  dataType: FLOAT,
  rawData: new Uint8Array(Float32Array.from(values).buffer)
})

const valueInfo = (name: string, dims: Array<number | string>) => ({
  name,
  type: { tensorType: { elemType: FLOAT, shape: { dim: dims.map((d) => (typeof d === 'string' ? { dimParam: d } : { dimValue: d })) } } }
})

/** the weights as initializers, in MlpField's variable order: wx, wt, b1, (w_i, b_i)..., wOut, bOut */
function initializers(config: MlpFieldConfig, weights: Float32Array[]): object[] {
  const { dim: D, width: H, hiddenLayers: L } = config
  const shapes: Array<[string, number[]]> = [
    ['wx', [D, H]],
    ['wt', [H]],
    ['b1', [H]]
  ]
  for (let i = 2; i <= L; i++) shapes.push([`w${i}`, [H, H]], [`b${i}`, [H]])
  shapes.push(['wOut', [H, D]], ['bOut', [D]])
  if (weights.length !== shapes.length) throw new RangeError(`expected ${shapes.length} weight arrays, got ${weights.length}`)
  return [
    ...shapes.map(([name, dims], i) => tensor(name, dims, weights[i])),
    tensor('half', [1], [0.5]),
    tensor('two', [1], [2]),
    tensor('sixth', [1], [1 / 6])
  ]
}

/** v(x, t) as nodes; returns the output's name */
function field(b: Builder, config: MlpFieldConfig, x: string, t: string): string {
  const act = (z: string): string => {
    if (config.activation === 'tanh') return b.node('Tanh', [z])
    if (config.activation === 'softplus') return b.node('Softplus', [z])
    return b.node('Mul', [z, b.node('Sigmoid', [z])])
  }
  let s = act(b.node('Gemm', [x, 'wx', b.node('Add', ['b1', b.node('Mul', [t, 'wt'])])]))
  for (let i = 2; i <= config.hiddenLayers; i++) s = act(b.node('Gemm', [s, `w${i}`, `b${i}`]))
  return b.node('Gemm', [s, 'wOut', 'bOut'])
}

function encode(config: MlpFieldConfig, weights: Float32Array[], b: Builder, inputs: object[], outputs: Array<[string, string]>): Uint8Array {
  const named = outputs.map(([from, name]) => ({ opType: 'Identity', input: [from], output: [name] }))
  const graph = {
    name: 'nagare-field',
    node: [...b.nodes, ...named],
    initializer: initializers(config, weights),
    input: inputs,
    output: outputs.map(([, name]) => valueInfo(name, ['N', config.dim]))
  }
  return ModelProto.encode(ModelProto.fromObject({ irVersion: 7, opsetImport: [{ domain: '', version: OPSET }], producerName: 'nagare', graph })).finish()
}

/** inputs x [N, D], t [1] -> v [N, D] */
export function velocityGraph(config: MlpFieldConfig, weights: Float32Array[]): Uint8Array {
  const b = builder()
  const v = field(b, config, 'x', 't')
  return encode(config, weights, b, [valueInfo('x', ['N', config.dim]), valueInfo('t', [1])], [[v, 'v']])
}

/** inputs x [N, D], k1 = v(x, t) [N, D], t [1], h [1] -> xNew [N, D]: the rest of one Euler, Heun or RK4 step */
export function stepGraph(config: MlpFieldConfig, weights: Float32Array[], solver: FieldSolver): Uint8Array {
  const b = builder()
  const axpy = (x: string, k: string, a: string): string => b.node('Add', [x, b.node('Mul', [k, a])])
  let xNew: string
  if (solver === 'euler') xNew = axpy('x', 'k1', 'h')
  else if (solver === 'heun') {
    const k2 = field(b, config, axpy('x', 'k1', 'h'), b.node('Add', ['t', 'h']))
    xNew = axpy('x', b.node('Add', ['k1', k2]), b.node('Mul', ['h', 'half']))
  } else {
    const hh = b.node('Mul', ['h', 'half'])
    const tm = b.node('Add', ['t', hh])
    const k2 = field(b, config, axpy('x', 'k1', hh), tm)
    const k3 = field(b, config, axpy('x', k2, hh), tm)
    const k4 = field(b, config, axpy('x', k3, 'h'), b.node('Add', ['t', 'h']))
    const sum = b.node('Add', [b.node('Add', ['k1', k4]), b.node('Mul', [b.node('Add', [k2, k3]), 'two'])])
    xNew = axpy('x', sum, b.node('Mul', ['h', 'sixth']))
  }
  const inputs = [valueInfo('x', ['N', config.dim]), valueInfo('k1', ['N', config.dim]), valueInfo('t', [1]), valueInfo('h', [1])]
  return encode(config, weights, b, inputs, [[xNew, 'xNew']])
}
