// Load a TF.js Layers model from checked in-memory artifacts (no network, no file:// fetch) and record
// every layer's output on a dataset: one multi-output model over the same input, run batch by batch
// inside tf.tidy, each output flattened to [N, features]. Layer 0 of the result is the data itself.
import * as tf from '@tensorflow/tfjs-core'
import * as tfl from '@tensorflow/tfjs-layers'
import { type Message, message } from '../../../shared/messages'
import { EngineError } from '../errors'
import { layerValues, layerValuesOf, type LayerData } from './dumps'
import { modelArtifacts, type ModelFile } from './model-files'
import { checkTopology } from './topology-check'

export interface LoadedModel {
  model: tfl.LayersModel
  /** features per input row (the product of the input shape past the batch axis) */
  inputWidth: number
  inputShape: number[]
  /** layers whose outputs are recorded, in model order (input layers excluded) */
  layerNames: string[]
  /** features of each recorded layer's output (flattened) */
  widths: number[]
  className: string
}

/** Most activation values one recording may hold (n x (input + every layer's width)): 1 GiB as float64. */
export const MAX_RECORDED_VALUES = 128 * 1024 * 1024

export interface RecordOptions {
  /** most activations (rows x total recorded width) held by one batch (default 4M values) */
  maxBatchValues?: number
  /** awaited between batches: progress and cancellation */
  onBatch?: (done: number, n: number) => Promise<void> | void
}

const invalid = (m: Message): EngineError => new EngineError('invalid-request', m)

/** tfjs-layers errors name the layer or shape that broke; keep their message, say what it means */
function explainLoadError(e: unknown): EngineError {
  const m = e instanceof Error ? e.message : String(e)
  if (/Unknown (layer|activation|initializer|regularizer|constraint|loss)/i.test(m)) return invalid(message('import.unsupportedLayer', { detail: m }))
  if (/shape/i.test(m) && /weight|expected|mismatch/i.test(m)) return invalid(message('import.weightsTopology', { detail: m }))
  if (/weight/i.test(m)) return invalid(message('import.weightsTopology', { detail: m }))
  return invalid(message('import.cannotLoadModel', { detail: m }))
}

/** Check the files and build the model; refuses graph models, missing or mismatched weights, unknown layers. */
export async function loadModelFromFiles(files: ModelFile[]): Promise<LoadedModel> {
  const art = modelArtifacts(files)
  checkTopology(art.modelTopology, art.weightSpecs)
  let model: tfl.LayersModel
  // a load that fails half way (e.g. a weight of the wrong dtype) leaves the layers' variables and the
  // decoded weights behind: scope the load, and on failure dispose every variable it registered
  const engine = tf.engine()
  const variablesBefore = new Set(Object.keys(engine.registeredVariables))
  let loaded = false
  engine.startScope()
  try {
    model = await tfl.loadLayersModel(
      tf.io.fromMemory({
        modelTopology: art.modelTopology as tf.io.ModelArtifacts['modelTopology'],
        weightSpecs: art.weightSpecs as tf.io.WeightsManifestEntry[],
        weightData: art.weightData
      }),
      { strict: true }
    )
    loaded = true
  } catch (e) {
    throw explainLoadError(e)
  } finally {
    engine.endScope()
    if (!loaded) for (const [name, v] of Object.entries(engine.registeredVariables)) if (!variablesBefore.has(name)) v.dispose()
  }
  try {
    if (model.inputs.length !== 1) throw invalid(message('import.modelMultiInput', { count: model.inputs.length }))
    const inputShape = model.inputs[0].shape.slice(1)
    if (!inputShape.every((s): s is number => typeof s === 'number' && s > 0))
      throw invalid(message('import.modelInputUnknown', { shape: model.inputs[0].shape.map((s) => s ?? 'None').join(', ') }))
    const inputNames = new Set(model.inputLayers.map((l) => l.name))
    const layers = model.layers.filter((l) => !inputNames.has(l.name))
    for (const l of layers) {
      if (Array.isArray(l.output)) throw invalid(message('import.layerMultiOutput', { name: l.name, count: l.output.length }))
      if (l.inboundNodes.length > 1) throw invalid(message('import.layerShared', { name: l.name, count: l.inboundNodes.length }))
    }
    if (layers.length === 0) throw invalid(message('import.modelNoLayers'))
    const widths = layers.map((l) => (l.output as tfl.SymbolicTensor).shape.slice(1).reduce((a: number, b) => a * (b ?? NaN), 1))
    // sizes unknown in the topology (e.g. a Reshape with -1) are read from one row
    if (widths.some((w) => !Number.isFinite(w))) {
      const probe = tfl.model({ inputs: model.inputs, outputs: layers.map((l) => l.output as tfl.SymbolicTensor) })
      const sizes = tf.tidy(() => {
        const outs = probe.predict(tf.zeros([1, ...inputShape])) as tf.Tensor | tf.Tensor[]
        return (Array.isArray(outs) ? outs : [outs]).map((o) => o.size)
      })
      sizes.forEach((v, i) => (widths[i] = v))
    }
    return {
      model,
      inputShape,
      inputWidth: inputShape.reduce((a, b) => a * b, 1),
      layerNames: layers.map((l) => l.name),
      widths,
      className: model.getClassName()
    }
  } catch (e) {
    model.dispose()
    throw e
  }
}

/**
 * Run `points` ([n, d] row-major) through the model, recording the input (layer 'input') and every
 * layer's output flattened to [n, features]. d must equal the model's input width.
 */
export async function recordLayerOutputs(
  loaded: LoadedModel,
  points: Float64Array | Float32Array,
  n: number,
  d: number,
  options: RecordOptions = {}
): Promise<LayerData[]> {
  if (d !== loaded.inputWidth) throw invalid(message('import.dimensionsMismatch', { d, width: loaded.inputWidth, shape: loaded.inputShape.join(', ') }))
  if (points.length !== n * d) throw invalid(message('import.valuesNotRows', { count: points.length, n, d }))
  const { model } = loaded
  const recorded = loaded.layerNames.map((name) => model.getLayer(name).output as tfl.SymbolicTensor)
  const widths = loaded.widths
  const total = widths.reduce((a, b) => a + b, 0)
  if (n * (total + d) > MAX_RECORDED_VALUES)
    throw invalid(
      message('import.recordTooLargeLayers', {
        n,
        total,
        values: n * (total + d),
        max: MAX_RECORDED_VALUES,
        most: Math.floor(MAX_RECORDED_VALUES / (total + d))
      })
    )
  // the probe shares the loaded model's layers and weights and owns no tensors: it is left to the GC,
  // since LayersModel.dispose on a model built from existing layers would release the shared weights
  const probe = tfl.model({ inputs: model.inputs, outputs: recorded })
  const batch = Math.max(1, Math.min(n, Math.floor((options.maxBatchValues ?? 4_000_000) / Math.max(1, total + d))))
  const out = widths.map((w) => layerValues(n * w))
  for (let start = 0; start < n; start += batch) {
    const b = Math.min(batch, n - start)
    try {
      tf.tidy(() => {
        const x = tf.tensor(Float32Array.from(points.subarray(start * d, (start + b) * d)), [b, ...loaded.inputShape], 'float32')
        const res = probe.predict(x, { batchSize: b }) as tf.Tensor | tf.Tensor[]
        const list = Array.isArray(res) ? res : [res]
        list.forEach((t, i) => out[i].set(t.dataSync(), start * widths[i]))
      })
    } catch (e) {
      // a topology that loads but cannot run (an odd input dtype, a layer config TF.js accepts but cannot execute)
      throw invalid(message('import.modelCannotRun', { detail: e instanceof Error ? e.message : String(e) }))
    }
    await options.onBatch?.(start + b, n)
  }
  const layers: LayerData[] = [{ name: 'input', n, width: d, data: layerValuesOf(points) }]
  out.forEach((data, i) => {
    const bad = data.findIndex((v) => !Number.isFinite(v))
    if (bad >= 0)
      throw invalid(message('import.layerOutputNonFinite', { name: loaded.layerNames[i], value: data[bad], point: Math.floor(bad / widths[i]) + 1 }))
    layers.push({ name: loaded.layerNames[i], n, width: widths[i], data })
  })
  return layers
}
