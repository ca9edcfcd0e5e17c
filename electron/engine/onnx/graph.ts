// Reading an ONNX model's graph with protobufjs: the graph inputs (initializers excluded), outputs, nodes in
// topological order, the shapes and dtypes value_info declares, opsets and producer. Also the bytes of a
// ModelProto that only adds graph outputs: appended to the model's own bytes, protobuf's merge rule
// (repeated fields concatenate) gives the same model with more outputs, so the user's file is never
// re-encoded, let alone modified.
import * as protobuf from 'protobufjs'
import type { OnnxDim, OnnxValue } from '../../../shared/onnx'
import { type Message, message } from '../../../shared/messages'
import { EngineError } from '../errors'
import { ONNX_PROTO } from './onnx-proto'

const root = protobuf.parse(ONNX_PROTO, { keepCase: false }).root
const ModelProto = root.lookupType('onnx.ModelProto')

/** TensorProto.DataType, named as onnxruntime names tensor types. */
const DTYPES: Record<number, string> = {
  1: 'float32',
  2: 'uint8',
  3: 'int8',
  4: 'uint16',
  5: 'int16',
  6: 'int32',
  7: 'int64',
  8: 'string',
  9: 'bool',
  10: 'float16',
  11: 'float64',
  12: 'uint32',
  13: 'uint64',
  14: 'complex64',
  15: 'complex128',
  16: 'bfloat16'
}
/** TensorProto.DataLocation.EXTERNAL */
const EXTERNAL = 1

export interface GraphNode {
  name: string
  op: string
  domain: string
  inputs: string[]
  outputs: string[]
}

export interface OnnxGraph {
  irVersion: number
  opset: { domain: string; version: number }[]
  producer: { name: string; version: string }
  inputs: OnnxValue[]
  outputs: OnnxValue[]
  /** in topological order (a producer before its consumers) */
  nodes: GraphNode[]
  /** declared type of any value (inputs, outputs, value_info) */
  declared: Map<string, { shape: OnnxDim[] | null; dtype: string }>
  initializers: Set<string>
  /** initializers whose data lives in a file beside the model */
  externalData: string[]
}

/* eslint-disable @typescript-eslint/no-explicit-any -- protobufjs decodes to plain untyped objects */
const num = (v: any): number => (v === null || v === undefined ? 0 : typeof v === 'number' ? v : Number(v.toString()))

function valueOf(vi: any): OnnxValue {
  const t = vi.type?.tensorType
  const dims: any[] | undefined = t?.shape?.dim
  const shape: OnnxDim[] | null = t?.shape
    ? (dims ?? []).map((d) => (d.dimParam ? String(d.dimParam) : d.dimValue !== undefined && d.dimValue !== null ? num(d.dimValue) : '?'))
    : null
  return { name: String(vi.name ?? ''), shape, dtype: t ? (DTYPES[t.elemType as number] ?? 'unknown') : 'unknown' }
}

const invalid = (m: Message): EngineError => new EngineError('invalid-request', m)

/** Kahn's order, keeping the file's order among ready nodes (exporters already write a topological one). */
function topological(nodes: GraphNode[], available: Set<string>): GraphNode[] {
  const producer = new Map<string, number>()
  nodes.forEach((n, i) => n.outputs.forEach((o) => o && producer.set(o, i)))
  const waiting = nodes.map((n) => new Set(n.inputs.filter((x) => x && !available.has(x) && producer.has(x)).map((x) => producer.get(x) as number)))
  const consumers = nodes.map(() => [] as number[])
  waiting.forEach((deps, i) => deps.forEach((d) => consumers[d].push(i)))
  const out: GraphNode[] = []
  const done = new Uint8Array(nodes.length)
  let ready = nodes.map((_, i) => i).filter((i) => waiting[i].size === 0)
  while (ready.length > 0) {
    const next: number[] = []
    for (const i of ready) {
      done[i] = 1
      out.push(nodes[i])
      for (const c of consumers[i]) {
        waiting[c].delete(i)
        if (waiting[c].size === 0) next.push(c)
      }
    }
    ready = next.sort((a, b) => a - b)
  }
  if (out.length !== nodes.length) throw invalid(message('onnx.graphCycle', { name: nodes[done.indexOf(0)].name }))
  return out
}

/** Parse the model's graph; a truncated or corrupt file, or one without a graph, is refused. */
export function readGraph(bytes: Uint8Array, file: string): OnnxGraph {
  let m: any
  try {
    m = ModelProto.decode(bytes)
  } catch (e) {
    throw invalid(message('onnx.notOnnx', { file, detail: e instanceof Error ? e.message : String(e) }))
  }
  const g = m.graph
  if (!g || !Array.isArray(g.node) || g.node.length === 0 || !Array.isArray(g.output) || g.output.length === 0) throw invalid(message('onnx.noGraph', { file }))
  const initializers = new Set<string>((g.initializer ?? []).map((t: any) => String(t.name)))
  const externalData = (g.initializer ?? []).filter((t: any) => t.dataLocation === EXTERNAL).map((t: any) => String(t.name))
  const inputs = (g.input ?? []).filter((v: any) => !initializers.has(String(v.name))).map(valueOf)
  const outputs = (g.output ?? []).map(valueOf)
  const declared = new Map<string, { shape: OnnxDim[] | null; dtype: string }>()
  for (const v of [...(g.valueInfo ?? []).map(valueOf), ...inputs, ...outputs]) declared.set(v.name, { shape: v.shape, dtype: v.dtype })
  const raw: GraphNode[] = g.node.map((n: any, i: number) => ({
    name: n.name ? String(n.name) : `${n.opType}_${i}`,
    op: String(n.opType),
    domain: String(n.domain ?? ''),
    inputs: (n.input ?? []).map(String),
    outputs: (n.output ?? []).map(String)
  }))
  return {
    irVersion: num(m.irVersion),
    opset: (m.opsetImport ?? []).map((o: any) => ({ domain: String(o.domain ?? ''), version: num(o.version) })),
    producer: { name: String(m.producerName ?? ''), version: String(m.producerVersion ?? '') },
    inputs,
    outputs,
    nodes: topological(raw, new Set([...initializers, ...inputs.map((v: OnnxValue) => v.name)])),
    declared,
    initializers,
    externalData
  }
}

/** Bytes that, appended to a model's bytes, add `names` as (untyped) graph outputs. */
export function extraOutputsPatch(names: string[]): Uint8Array {
  return ModelProto.encode(ModelProto.fromObject({ graph: { output: names.map((name) => ({ name })) } })).finish()
}

/** The model's bytes with `names` added to its graph outputs (names already outputs are skipped). */
export function withOutputs(bytes: Uint8Array, graph: OnnxGraph, names: string[]): Uint8Array {
  const have = new Set(graph.outputs.map((o) => o.name))
  const extra = names.filter((n) => !have.has(n))
  if (extra.length === 0) return bytes
  const patch = extraOutputsPatch(extra)
  const out = new Uint8Array(bytes.byteLength + patch.byteLength)
  out.set(bytes, 0)
  out.set(patch, bytes.byteLength)
  return out
}
