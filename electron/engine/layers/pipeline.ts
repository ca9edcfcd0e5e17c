// The steps shared by the engine's layers.start job and `nagare analyze`: resolve the data a model runs
// on (built-in, workspace dataset, or a file), record a TF.js model's layers on it, then analyse and
// project. Progress and cancellation go through optional hooks, called between steps and batches.
import type { AnalysisDataset, AnalysisRecord, LayerReport } from '../../../shared/layers'
import { shapeMismatch, shapeMismatchMessage } from '../../../shared/input-shape'
import { type Message, message } from '../../../shared/messages'
import { builtinDataset, BUILTIN_NAMES, isBuiltinName } from '../sampling/builtin-datasets'
import { CloudInputError, loadCloud } from '../inputs/cloud-input'
import { loadDataset } from '../datasets/store'
import { EngineError } from '../errors'
import { analyzeLayersAsync } from './analyze'
import type { LayerData } from './dumps'
import type { ModelFile } from './model-files'
import { fitLayerPca, projectLayers, type LayerProjection } from './pca'
import { shiftByLayer, withShift } from './shift'
import { pooledShift } from './pooled-shift'
import { loadModelFromFiles, MAX_RECORDED_VALUES, recordLayerOutputs, type LoadedModel } from './tfjs-model'
import { enginePool } from '../pool/engine-pool'
import type { WorkerPool } from '../pool/pool'
import { layerWork, MIN_POOLED_LAYER_WORK } from './pooled-layers'

export interface PointsInput {
  points: Float64Array | Float32Array
  n: number
  d: number
  /** the data's shape [N, ...] when it has more than two axes (images, feature maps): checked against the model's input */
  shape?: number[]
  labels?: Int32Array
  classes?: string[]
  dataset: AnalysisDataset
}

export interface StepHooks {
  checkpoint?(): Promise<void>
  /** fraction of this step in [0, 1] */
  progress?(fraction: number, message?: Message): void
}

export type DataChoice = { kind: 'dataset'; id: string } | { kind: 'builtin'; name: string; n: number; seed?: number }

/** points drawn from a built-in dataset named without a count (builtin:moons) */
export const DEFAULT_BUILTIN_POINTS = 1000

const invalid = (m: Message): EngineError => new EngineError('invalid-request', m)

/** The points for a data choice of layers.start (seed falls back to `seed`). */
export async function resolveDataChoice(workspace: string, choice: DataChoice, seed: number): Promise<PointsInput> {
  if (choice.kind === 'builtin') {
    if (!isBuiltinName(choice.name)) throw invalid(message('import.unknownBuiltin', { name: choice.name, names: BUILTIN_NAMES.join(', ') }))
    const s = choice.seed ?? seed
    const b = builtinDataset(choice.name, choice.n, s)
    return { points: b.points, n: b.n, d: b.d, labels: b.labels, classes: b.classes, dataset: { kind: 'builtin', name: choice.name, n: b.n, seed: s } }
  }
  const ds = await loadDataset(workspace, choice.id)
  return {
    points: ds.points,
    n: ds.n,
    d: ds.d,
    ...(ds.labels ? { labels: ds.labels } : {}),
    ...(ds.classes ? { classes: ds.classes } : {}),
    dataset: { kind: 'dataset', id: choice.id, n: ds.n, d: ds.d }
  }
}

/** The points of a CLI --data argument: builtin:<name>[:n] or a .npy / CSV file at `path`. */
export async function resolveDataArgument(text: string, path: string, seed: number): Promise<PointsInput> {
  if (text.startsWith('builtin:')) {
    const m = /^builtin:([a-z-]+)(?::(\d+))?$/.exec(text)
    if (!m) throw invalid(message('import.dataArgFormat', { text, names: BUILTIN_NAMES.join(', ') }))
    const n = m[2] ? Number(m[2]) : DEFAULT_BUILTIN_POINTS
    if (n < 3) throw invalid(message('import.dataArgFewPoints', { text }))
    return resolveDataChoice('', { kind: 'builtin', name: m[1], n, seed }, seed)
  }
  try {
    const c = await loadCloud(path)
    return { points: Float64Array.from(c.data), n: c.n, d: c.d, dataset: { kind: 'file', path, n: c.n, d: c.d } }
  } catch (e) {
    if (e instanceof CloudInputError) throw invalid(e.msg)
    throw e
  }
}

/** Load the model and check the data fits it; the caller disposes loaded.model. */
export async function checkModelOnData(files: ModelFile[], data: { n: number; d: number; shape?: number[] }): Promise<LoadedModel> {
  const loaded = await loadModelFromFiles(files)
  const wrongShape = data.shape && data.shape.length > 2 ? shapeMismatch([null, ...loaded.inputShape], data.shape) : null
  if (wrongShape) {
    loaded.model.dispose()
    throw invalid(shapeMismatchMessage(wrongShape))
  }
  if (data.d !== loaded.inputWidth) {
    loaded.model.dispose()
    throw invalid(message('import.dimensionsMismatch', { d: data.d, width: loaded.inputWidth, shape: loaded.inputShape.join(', ') }))
  }
  if (data.n < 3) {
    loaded.model.dispose()
    throw invalid(message('import.tooFewPoints', { count: data.n }))
  }
  const values = data.n * (data.d + loaded.widths.reduce((a, b) => a + b, 0))
  if (values > MAX_RECORDED_VALUES) {
    loaded.model.dispose()
    throw invalid(message('import.recordTooLarge', { n: data.n, values, max: MAX_RECORDED_VALUES, most: Math.floor((MAX_RECORDED_VALUES * data.n) / values) }))
  }
  return loaded
}

/** Every layer of the model on the data (layer 0 = the data), the model disposed afterwards. */
export async function recordModel(
  files: ModelFile[],
  data: PointsInput,
  hooks: StepHooks = {}
): Promise<{ layers: LayerData[]; model: NonNullable<AnalysisRecord['model']> }> {
  const loaded = await checkModelOnData(files, data)
  try {
    const layers = await recordLayerOutputs(loaded, data.points, data.n, data.d, {
      onBatch: async (done, n) => {
        hooks.progress?.(done / n, message('import.progressRecording', { done, n }))
        await hooks.checkpoint?.()
      }
    })
    return { layers, model: { className: loaded.className, inputShape: loaded.inputShape, layerNames: loaded.layerNames } }
  } finally {
    loaded.model.dispose()
  }
}

/** analyzeLayers, then the once-per-model PCA projection; with `compare` (the same layers on new data), the shift and its projection too. */
export async function analyzeAndProject(
  layers: LayerData[],
  o: {
    k: number
    seed: number
    labels?: Int32Array
    compare?: LayerData[]
    residualBlocks?: { from: number; to: number }[]
    /** the workers the rows are computed on (default: the engine's pool at two threads and more, for work worth splitting; null: this thread) */
    pool?: WorkerPool | null
  },
  hooks: StepHooks = {}
): Promise<{ report: LayerReport; projection: LayerProjection; compareProjection?: Float32Array }> {
  if (o.labels && o.labels.length !== layers[0]?.n) throw invalid(message('import.labelsCountMismatch', { count: o.labels.length, n: String(layers[0]?.n) }))
  hooks.progress?.(0, message('import.progressMetrics'))
  await hooks.checkpoint?.()
  const share = o.compare ? 0.5 : 0.8
  const pool = o.pool === undefined ? (layerWork(layers) >= MIN_POOLED_LAYER_WORK ? enginePool() : undefined) : (o.pool ?? undefined)
  let report = await analyzeLayersAsync(
    layers,
    { k: o.k, seed: o.seed, ...(o.labels ? { labels: o.labels } : {}), ...(o.residualBlocks ? { residualBlocks: o.residualBlocks } : {}) },
    async (l, count) => {
      hooks.progress?.((share * (l + 1)) / count, message('import.progressMetricsLayer', { layer: l + 1, count }))
      await hooks.checkpoint?.()
    },
    { ...(pool ? { pool } : {}), ...(hooks.checkpoint ? { checkpoint: hooks.checkpoint } : {}) }
  )
  if (o.compare) {
    hooks.progress?.(share, message('shift.progressShift'))
    await hooks.checkpoint?.()
    const shift = pool ? await pooledShift(layers, o.compare, { seed: o.seed }, pool, hooks.checkpoint) : shiftByLayer(layers, o.compare, { seed: o.seed })
    report = withShift(report, shift)
  }
  hooks.progress?.(0.8, message('import.progressPca'))
  await hooks.checkpoint?.()
  const projection = fitLayerPca(layers, { seed: o.seed })
  hooks.progress?.(1)
  return { report, projection, ...(o.compare ? { compareProjection: projectLayers(projection, o.compare) } : {}) }
}
