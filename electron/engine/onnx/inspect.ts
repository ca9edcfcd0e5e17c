// What `nagare inspect model.onnx` prints: inputs, outputs, opset and producer, every node output in
// topological order with its shape (declared in value_info, else measured by a dry run at batch sizes 1 and
// 2 so the batch axis can be named), the residual blocks, and the tensors recorded by default.
import type { OnnxDim, OnnxInspection, OnnxTensor, ResidualBlock } from '../../../shared/onnx'
import { ONNX_LIMITS } from '../../../shared/onnx'
import { message } from '../../../shared/messages'
import { EngineError } from '../errors'
import { readGraph, withOutputs, type OnnxGraph } from './graph'
import { findResidualBlocks } from './residual'
import { createSession, onnxRuntime } from './session'

const ACTIVATIONS = new Set([
  'Relu',
  'LeakyRelu',
  'PRelu',
  'Elu',
  'Selu',
  'Celu',
  'Sigmoid',
  'HardSigmoid',
  'Tanh',
  'Gelu',
  'HardSwish',
  'Softplus',
  'Softsign',
  'Mish',
  'ThresholdedRelu'
])
/** most tensors chosen by default: enough for the block structure, few enough to read the table */
export const MAX_DEFAULT_LAYERS = 32
const FLOATS = new Set(['float32', 'float64', 'float16'])

/** The refusals every ONNX entry point shares: size cap, a graph that parses, weights held in the file. */
export function checkedGraph(bytes: Uint8Array, file: string): OnnxGraph {
  if (bytes.byteLength === 0) throw new EngineError('invalid-request', message('import.fileEmpty', { file }))
  if (bytes.byteLength > ONNX_LIMITS.maxModelBytes)
    throw new EngineError('invalid-request', message('onnx.tooLarge', { file, size: bytes.byteLength, max: ONNX_LIMITS.maxModelBytes }))
  const graph = readGraph(bytes, file)
  if (graph.externalData.length > 0)
    throw new EngineError(
      'invalid-request',
      message('onnx.externalData', { file, names: graph.externalData.slice(0, 3).join(', ') + (graph.externalData.length > 3 ? ', ...' : '') })
    )
  return graph
}

/** The fixed per-sample shape of the single float input, or null when the model leaves more than the batch open. */
export function fixedSampleShape(graph: OnnxGraph): number[] | null {
  if (graph.inputs.length !== 1) return null
  const s = graph.inputs[0].shape
  if (!s || s.length === 0 || !FLOATS.has(graph.inputs[0].dtype)) return null
  const rest = s.slice(1)
  return rest.every((d): d is number => typeof d === 'number' && d > 0) ? rest : null
}

/** Shapes of `names` measured on zeros at batch 1 and 2 (dimensions that follow the batch are named as the input's). */
async function dryRunShapes(bytes: Uint8Array, graph: OnnxGraph, names: string[], file: string): Promise<Map<string, { shape: OnnxDim[]; dtype: string }>> {
  const sample = fixedSampleShape(graph)
  const out = new Map<string, { shape: OnnxDim[]; dtype: string }>()
  if (!sample || names.length === 0) return out
  const input = graph.inputs[0]
  const batchDim = (input.shape as OnnxDim[])[0]
  const batches = typeof batchDim === 'number' ? [batchDim] : [1, 2]
  const rt = await onnxRuntime()
  const session = await createSession(withOutputs(bytes, graph, names), file)
  try {
    const runs: Record<string, { dims: readonly number[]; type: string }>[] = []
    for (const b of batches) {
      const size = b * sample.reduce((a, c) => a * c, 1)
      const x = new rt.Tensor(input.dtype === 'float64' ? 'float64' : 'float32', input.dtype === 'float64' ? new Float64Array(size) : new Float32Array(size), [
        b,
        ...sample
      ])
      const res = await session.run({ [input.name]: x }, names)
      runs.push(Object.fromEntries(names.map((n) => [n, { dims: res[n].dims, type: res[n].type }])))
    }
    for (const n of names) {
      const first = runs[0][n]
      const second = runs[runs.length - 1][n]
      const shape: OnnxDim[] = first.dims.map((d, i) => (second.dims.length === first.dims.length && second.dims[i] !== d ? batchDim : d))
      out.set(n, { shape, dtype: first.type })
    }
  } catch (e) {
    // a model that loads but cannot run on zeros still inspects, without measured shapes
    if (e instanceof EngineError) throw e
  } finally {
    await session.release()
  }
  return out
}

/** Block inputs and outputs, activations and the graph outputs, in graph order, at most MAX_DEFAULT_LAYERS. */
export function defaultLayers(tensors: OnnxTensor[], blocks: ResidualBlock[], graphOutputs: string[]): string[] {
  const float = tensors.filter((t) => FLOATS.has(t.dtype) || t.dtype === 'unknown')
  const must = new Set([...blocks.flatMap((b) => [b.input, b.output]), ...graphOutputs])
  const wanted = float.filter((t) => must.has(t.name) || ACTIVATIONS.has(t.op))
  const chosen = wanted.length > 0 ? wanted : float
  if (chosen.length <= MAX_DEFAULT_LAYERS) return chosen.map((t) => t.name)
  const keep = chosen.filter((t) => must.has(t.name)).slice(0, MAX_DEFAULT_LAYERS)
  const rest = chosen.filter((t) => !must.has(t.name))
  const room = MAX_DEFAULT_LAYERS - keep.length
  const picked = new Set([...keep.map((t) => t.name), ...Array.from({ length: room }, (_, i) => rest[Math.floor(((i + 1) * rest.length) / (room + 1))]?.name)])
  return chosen.filter((t) => picked.has(t.name)).map((t) => t.name)
}

export async function inspectGraph(bytes: Uint8Array, graph: OnnxGraph, file: string): Promise<OnnxInspection> {
  const inputNames = new Set(graph.inputs.map((i) => i.name))
  const listed = graph.nodes.flatMap((n) => n.outputs.filter((o) => o && !inputNames.has(o)).map((o) => ({ name: o, op: n.op, node: n.name })))
  const unknown = listed.filter((t) => !graph.declared.get(t.name)?.shape).map((t) => t.name)
  const measured = await dryRunShapes(bytes, graph, unknown, file)
  const tensors: OnnxTensor[] = listed.map((t) => {
    const d = graph.declared.get(t.name)
    const m = measured.get(t.name)
    return { ...t, shape: d?.shape ?? m?.shape ?? null, dtype: d && d.dtype !== 'unknown' ? d.dtype : (m?.dtype ?? 'unknown') }
  })
  const residualBlocks = findResidualBlocks(graph.nodes, graph.initializers)
  return {
    irVersion: graph.irVersion,
    opset: graph.opset,
    producer: graph.producer,
    inputs: graph.inputs,
    outputs: graph.outputs,
    tensors,
    residualBlocks,
    defaultLayers: defaultLayers(
      tensors,
      residualBlocks,
      graph.outputs.map((o) => o.name)
    )
  }
}

/** Inspect a model held in memory; `file` names it in messages. */
export async function inspectOnnx(bytes: Uint8Array, file = 'model.onnx'): Promise<OnnxInspection> {
  return inspectGraph(bytes, checkedGraph(bytes, file), file)
}
