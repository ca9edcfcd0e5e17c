// The ONNX branch of `nagare analyze model.onnx --data X`: read the model under its size cap, match the
// data's shape to the model's input before any work, record the chosen tensors (--layers, default: the
// inspection's choice) in batches with a progress bar and Ctrl-C, and hand back the rows, the labels and
// the residual blocks the analysis reads its Euler stretches from.
import { basename, resolve } from 'node:path'
import type { AnalysisDataset } from '../../shared/layers'
import { type Message, message } from '../../shared/messages'
import { FEATURE_MAP_MODES, type FeatureMapMode } from '../../shared/onnx'
import { CancelledError, EngineError } from '../engine/errors'
import type { LayerData } from '../engine/layers/dumps'
import { readOnnxFile, recordOnnx } from '../engine/onnx'
import { resolveModelInput } from '../engine/layers/model-input'
import { parseImageFlags, type RawImageFlags } from './image-options'
import type { CliIo } from './io'
import { progressView } from './progress'

export interface RawOnnxOptions extends RawImageFlags {
  data?: string
  layers?: string
  featureMaps?: string
  batch?: string
}

export interface PreparedOnnx {
  layers: LayerData[]
  labels?: Int32Array
  classes?: string[]
  dataset: AnalysisDataset
  files: string[]
  model: { className: string; inputShape: number[]; layerNames: string[] }
  residualBlocks: { from: number; to: number }[]
}

const invalid = (m: Message): EngineError => new EngineError('invalid-request', m)

/** `dataSeed` draws built-in data (default `seed`, which also seeds the feature-map projection). */
export async function prepareOnnxAnalysis(path: string, raw: RawOnnxOptions, seed: number, io: CliIo, dataSeed = seed): Promise<PreparedOnnx> {
  if (raw.data === undefined) throw invalid(message('onnx.dataNeeded', { input: path }))
  const featureMaps = raw.featureMaps ?? 'auto'
  if (!(FEATURE_MAP_MODES as readonly string[]).includes(featureMaps)) throw invalid(message('onnx.featureMapsFlag', { value: JSON.stringify(featureMaps) }))
  const batch = raw.batch === undefined ? undefined : Number(raw.batch)
  if (batch !== undefined && !(Number.isInteger(batch) && batch >= 1 && batch <= 4096))
    throw invalid(message('onnx.batchFlag', { value: JSON.stringify(raw.batch) }))
  const layers =
    raw.layers === undefined
      ? undefined
      : raw.layers
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s.length > 0)
  const bytes = await readOnnxFile(path)
  const flags = parseImageFlags(raw)
  const input = await resolveModelInput(raw.data, resolve(io.cwd, raw.data), { seed: dataSeed, image: flags.image, explicitImageFlags: flags.given })
  // images and arrays [N, ...] keep their shape; rows [N, d] fill a fixed input shape of d values
  const sampleShape = input.shape ? input.shape.slice(1) : [input.d]
  const controller = new AbortController()
  const unsubscribe = io.onInterrupt(() => controller.abort())
  const view = progressView(io.stderr)
  try {
    const rec = await recordOnnx(
      bytes,
      { values: input.points, n: input.n, sampleShape },
      {
        file: basename(path),
        seed,
        featureMaps: featureMaps as FeatureMapMode,
        ...(layers ? { layers } : {}),
        ...(batch ? { batchSize: batch } : {}),
        onBatch: (done, n) => {
          view.update(done / n, undefined, message('import.progressRecording', { done, n }))
          if (controller.signal.aborted) throw new CancelledError()
        }
      }
    )
    return {
      layers: rec.layers,
      ...(input.labels ? { labels: input.labels } : {}),
      ...(input.classes ? { classes: input.classes } : {}),
      dataset: input.dataset,
      files: [basename(path)],
      model: rec.model,
      residualBlocks: rec.blocks.map((b) => ({ from: b.from, to: b.to }))
    }
  } finally {
    view.stop()
    unsubscribe()
  }
}
