// Recording an ONNX model's tensors on data: the data's per-sample shape is checked against the model's
// input before any work, the chosen tensors (default: the inspection's) become graph outputs of an
// in-memory copy, and batches run through onnxruntime with progress and a cancel point between them.
// Row 0 is the data itself, named by the model's input; every row is reduced as reduce.ts plans.
import { ONNX_LIMITS, type FeatureReduction, type OnnxAnalyzeOptions, type OnnxInspection } from '../../../shared/onnx'
import { type Message, message } from '../../../shared/messages'
import { EngineError } from '../errors'
import { layerValues, type LayerData } from '../layers/dumps'
import { MAX_RECORDED_VALUES } from '../layers/tfjs-model'
import { withOutputs, type OnnxGraph } from './graph'
import { checkedGraph, inspectGraph } from './inspect'
import { planReduction, reducerFactory, type Reducer } from './reduce'
import { createSession, onnxRuntime } from './session'

/** Samples [n, ...sampleShape], row-major. A table [n, d] matches a model whose sample shape has d values. */
export interface OnnxData {
  values: Float32Array | Float64Array
  n: number
  sampleShape: number[]
}

export interface RecordOnnxOptions extends OnnxAnalyzeOptions {
  /** seed of the random projections (default 7, the analysis default) */
  seed?: number
  /** names the model in messages */
  file?: string
  /** awaited between batches: progress, and cancellation by throwing */
  onBatch?: (done: number, n: number) => Promise<void> | void
}

/** A residual block whose input and output are both recorded rows of the same width. */
export interface RecordedBlock {
  add: string
  /** row indices of the block's input and of the Add's output */
  from: number
  to: number
}

export interface RecordedOnnx {
  /** row 0 = the data (named by the model's input), then the chosen tensors in graph order */
  layers: LayerData[]
  blocks: RecordedBlock[]
  inspection: OnnxInspection
  model: { className: string; inputShape: number[]; layerNames: string[] }
}

const invalid = (m: Message): EngineError => new EngineError('invalid-request', m)
const FLOATS = new Set(['float32', 'float64'])
const same = (a: number[], b: number[]): boolean => a.length === b.length && a.every((v, i) => v === b[i])

/** The per-sample shape to feed, or a refusal saying how the data and the model's input differ. */
export function checkOnnxInput(
  graph: OnnxGraph,
  sampleShape: number[]
): { name: string; sample: number[]; batch: number | null; dtype: 'float32' | 'float64' } {
  if (graph.inputs.length !== 1) throw invalid(message('onnx.inputCount', { count: graph.inputs.length }))
  const input = graph.inputs[0]
  if (input.dtype !== 'float32' && input.dtype !== 'float64') throw invalid(message('onnx.inputDtype', { name: input.name, dtype: input.dtype }))
  const batch = input.shape && typeof input.shape[0] === 'number' && input.shape[0] > 0 ? input.shape[0] : null
  if (!input.shape) return { name: input.name, sample: sampleShape, batch, dtype: input.dtype }
  const rest = input.shape.slice(1)
  const size = sampleShape.reduce((a, b) => a * b, 1)
  const fixed = rest.every((d): d is number => typeof d === 'number')
  // a flat table row fills a fixed input shape of the same size (CSV or built-in data for an image model)
  if (fixed && sampleShape.length === 1 && rest.length !== 1 && size === rest.reduce((a, b) => a * b, 1))
    return { name: input.name, sample: rest, batch, dtype: input.dtype }
  const fits = rest.length === sampleShape.length && rest.every((d, i) => typeof d !== 'number' || d === sampleShape[i])
  if (!fits) throw invalid(message('onnx.dataShape', { data: sampleShape.join(', '), name: input.name, model: rest.join(', '), full: input.shape.join(', ') }))
  return { name: input.name, sample: sampleShape, batch, dtype: input.dtype }
}

/** The requested tensors in graph order, each checked to exist; the defaults when none are asked for. */
export function chooseLayers(inspection: OnnxInspection, requested: string[] | undefined): string[] {
  const order = new Map(inspection.tensors.map((t, i) => [t.name, i]))
  const inputs = new Set(inspection.inputs.map((i) => i.name))
  const names = requested ? [...new Set(requested)] : inspection.defaultLayers
  for (const n of names) {
    if (inputs.has(n)) throw invalid(message('onnx.layerIsInput', { name: n }))
    if (!order.has(n)) throw invalid(message('onnx.unknownLayer', { name: n }))
    const dtype = inspection.tensors[order.get(n) as number].dtype
    if (dtype !== 'unknown' && !FLOATS.has(dtype)) throw invalid(message('onnx.layerNotFloat', { name: n, dtype }))
  }
  if (names.length === 0) throw invalid(message('onnx.noLayers'))
  if (names.length > ONNX_LIMITS.maxLayers) throw invalid(message('onnx.tooManyLayers', { count: names.length, max: ONNX_LIMITS.maxLayers }))
  return [...names].sort((a, b) => (order.get(a) as number) - (order.get(b) as number))
}

/** Check the model and the data's shape and pick the tensors, without running anything but shape probes. */
export async function prepareOnnx(
  bytes: Uint8Array,
  sampleShape: number[],
  options: RecordOnnxOptions = {}
): Promise<{ graph: OnnxGraph; inspection: OnnxInspection; input: ReturnType<typeof checkOnnxInput>; names: string[] }> {
  const file = options.file ?? 'model.onnx'
  const graph = checkedGraph(bytes, file)
  const input = checkOnnxInput(graph, sampleShape)
  const inspection = await inspectGraph(bytes, graph, file)
  return { graph, inspection, input, names: chooseLayers(inspection, options.layers) }
}

export async function recordOnnx(bytes: Uint8Array, data: OnnxData, options: RecordOnnxOptions = {}): Promise<RecordedOnnx> {
  const file = options.file ?? 'model.onnx'
  const { graph, inspection, input, names } = await prepareOnnx(bytes, data.sampleShape, options)
  const { n } = data
  const per = input.sample.reduce((a, b) => a * b, 1)
  if (data.values.length !== n * per) throw invalid(message('import.valuesNotRows', { count: data.values.length, n, d: per }))
  if (n < 3) throw invalid(message('import.tooFewPoints', { count: n }))
  const seed = options.seed ?? 7
  const mode = options.featureMaps ?? 'auto'
  const rt = await onnxRuntime()
  const session = await createSession(withOutputs(bytes, graph, names), file)
  const factory = reducerFactory()
  try {
    const feed = (start: number, b: number, rows: number): InstanceType<typeof rt.Tensor> => {
      // a fixed batch axis runs `rows` samples at a time, the last batch padded with zeros
      const buf = input.dtype === 'float64' ? new Float64Array(rows * per) : new Float32Array(rows * per)
      buf.set(data.values.subarray(start * per, (start + b) * per))
      return new rt.Tensor(input.dtype, buf, [rows, ...input.sample])
    }
    const run = async (start: number, b: number, rows: number): Promise<Record<string, { data: unknown; dims: readonly number[]; type: string }>> => {
      try {
        return (await session.run({ [input.name]: feed(start, b, rows) }, names)) as Record<string, { data: unknown; dims: readonly number[]; type: string }>
      } catch (e) {
        throw invalid(message('onnx.cannotRun', { detail: (e instanceof Error ? e.message : String(e)).split('\n')[0] }))
      }
    }
    // one sample (or one fixed batch) tells each tensor's shape, hence its reduction
    const probe = await run(0, Math.min(n, input.batch ?? 1), input.batch ?? 1)
    const plans: FeatureReduction[] = [planReduction(input.sample, mode, seed)]
    for (const name of names) {
      const t = probe[name]
      if (!FLOATS.has(t.type)) throw invalid(message('onnx.layerNotFloat', { name, dtype: t.type }))
      plans.push(planReduction(t.dims.slice(1), mode, seed))
    }
    const total = plans.reduce((s, p) => s + p.width, 0)
    if (n * total > MAX_RECORDED_VALUES)
      throw invalid(message('onnx.recordTooLarge', { n, total, values: n * total, max: MAX_RECORDED_VALUES, most: Math.floor(MAX_RECORDED_VALUES / total) }))
    const reducers: Reducer[] = plans.map((p) => factory.reducerFor(p))
    const raw = plans.reduce((s, p) => s + p.shape.reduce((a, b) => a * b, 1), 0)
    const batch = input.batch ?? options.batchSize ?? Math.max(1, Math.min(256, n, Math.floor(4_000_000 / raw)))
    const out = plans.map((p) => layerValues(n * p.width))
    // the next batch runs on onnxruntime's threads while this one is reduced here: the two overlap
    const launch = (start: number): ReturnType<typeof run> => {
      const b = Math.min(batch, n - start)
      const p = run(start, b, input.batch ?? b)
      // marked handled now: its failure surfaces where it is awaited, not as an unhandled rejection meanwhile
      p.catch(() => undefined)
      return p
    }
    let pending = launch(0)
    for (let start = 0; start < n; start += batch) {
      const b = Math.min(batch, n - start)
      const res = await pending
      const next = start + batch
      if (next < n) pending = launch(next)
      const x = data.values.subarray(start * per, (start + b) * per)
      out[0].set(reducers[0].reduce(x, b), start * plans[0].width)
      for (let i = 0; i < names.length; i++) {
        const t = res[names[i]]
        const values = (t.data as Float32Array | Float64Array).subarray(0, (b * (t.data as Float32Array).length) / (input.batch ?? b))
        out[i + 1].set(reducers[i + 1].reduce(values, b), start * plans[i + 1].width)
      }
      try {
        await options.onBatch?.(start + b, n)
      } catch (e) {
        // cancelled: let the batch in flight finish before the session is released
        await pending.catch(() => undefined)
        throw e
      }
    }
    const rowNames = [input.name, ...names]
    const layers: LayerData[] = out.map((d, i) => {
      const bad = d.findIndex((v) => !Number.isFinite(v))
      if (bad >= 0) throw invalid(message('onnx.nonFinite', { name: rowNames[i], value: d[bad], point: Math.floor(bad / plans[i].width) + 1 }))
      return { name: rowNames[i], n, width: plans[i].width, data: d, reduction: plans[i] }
    })
    const row = new Map(rowNames.map((r, i) => [r, i]))
    const blocks: RecordedBlock[] = []
    for (const blk of inspection.residualBlocks) {
      const from = row.get(blk.input)
      const to = row.get(blk.output)
      if (from === undefined || to === undefined || !same(plans[from].shape, plans[to].shape) || plans[from].method !== plans[to].method) continue
      blocks.push({ add: blk.add, from, to })
    }
    return { layers, blocks, inspection, model: { className: 'onnx', inputShape: input.sample, layerNames: names } }
  } finally {
    await session.release()
  }
}
