// `nagare analyze <model.json | dumps-folder | file.npz>`: what each layer of an existing model does to
// the data, from a TF.js Layers model run on --data or from activation dumps; prints the report (per-layer
// rows and flags) as JSON and, with --out, writes an analysis folder (analysis.json, layers.json,
// layers.csv, projection.npy, labels.npy) atomically. Exit 2 for bad input or options, 1 for a failure.
import { stat } from 'node:fs/promises'
import { basename, extname, resolve } from 'node:path'
import type { AnalysisDataset, LayerReport } from '../../shared/layers'
import { message, storedEnglish, english } from '../../shared/messages'
import { partialSibling, writeAnalysisFolder, type AnalysisContent } from '../engine/analysis-store/store'
import { initBackend } from '../engine/backend'
import { CancelledError, EngineError } from '../engine/errors'
import { loadLayerDumps, type LayerData } from '../engine/layers/dumps'
import { loadLabelInfo } from '../engine/layers/labels'
import { readModelFiles } from '../engine/layers/model-files'
import { resolveModelInput } from '../engine/layers/model-input'
import { analyzeAndProject, recordModel } from '../engine/layers/pipeline'
import { checkReportDir, reportJson } from '../engine/layers/report-files'
import { newRunId } from '../engine/runs/ids'
import { appVersion } from '../engine/version'
import { failure } from './distance-command'
import { parseImageFlags, type RawImageFlags } from './image-options'
import type { CliIo } from './io'
import { EXIT, parseThreads } from './run-command'
import { setThreadSetting } from '../engine/pool/sizing'
import { prepareOnnxAnalysis } from './onnx-analyze'

export interface RawAnalyzeOptions extends RawImageFlags {
  data?: string
  /** new data to measure the shift against --data: data like --data for a model, a second dumps folder for dumps */
  compareData?: string
  labels?: string
  k?: string
  seed?: string
  name?: string
  out?: string
  /** ONNX models: tensors to record (comma-separated), feature-map reduction, samples per batch */
  layers?: string
  featureMaps?: string
  batch?: string
  /** --threads: a whole number from 1 (default: all cores but one); at two and more the rows are computed on worker threads */
  threads?: string
}

export const ANALYZE_CLI_DEFAULTS = { k: 10, seed: 7 }

function integer(flag: string, text: string | undefined, fallback: number, min: number): number {
  if (text === undefined) return fallback
  const v = text.trim() === '' ? NaN : Number(text)
  if (!Number.isInteger(v) || v < min) throw new EngineError('invalid-request', message('errmsg.cliIntegerAtLeast', { flag, min, got: JSON.stringify(text) }))
  return v
}

/** a model.json, or a folder holding one */
async function isModelInput(path: string): Promise<boolean> {
  if (extname(path).toLowerCase() === '.json') return true
  const s = await stat(path).catch(() => undefined)
  if (!s?.isDirectory()) return false
  return (await stat(resolve(path, 'model.json')).catch(() => undefined))?.isFile() === true
}

interface Prepared {
  layers: LayerData[]
  labels?: Int32Array
  classes?: string[]
  dataset: AnalysisDataset
  files: string[]
  model?: AnalysisContent['model']
  source: AnalysisContent['source']
  /** residual blocks: runs marked in the dumps' layers.json, or read from an ONNX graph (the Euler stretches) */
  residualBlocks?: { from: number; to: number }[]
  /** how a labels file's values became class indices (its names in classes when mapped) */
  labelMapping?: AnalysisContent['labelMapping']
  /** the same layers on the compare data */
  compare?: { layers: LayerData[]; dataset: AnalysisDataset; labels?: Int32Array }
}

async function prepare(input: string, raw: RawAnalyzeOptions, seed: number, io: CliIo): Promise<Prepared> {
  let mapping: Pick<Prepared, 'classes' | 'labelMapping'> = {}
  const labelsOf = async (path: string, n: number, main = true): Promise<Int32Array> => {
    const info = await loadLabelInfo(path)
    const labels = info.labels
    if (labels.length !== n) throw new EngineError('invalid-request', message('import.labelsFileCountMismatch', { file: path, count: labels.length, n }))
    // the labels given are the labels kept; a mapping to class indices is saved with the analysis
    if (main) mapping = { labelMapping: info.mapping, ...(info.classes ? { classes: info.classes } : {}) }
    return labels
  }
  if (extname(input).toLowerCase() === '.onnx') {
    const p = await prepareOnnxAnalysis(input, raw, seed, io)
    const labels = raw.labels !== undefined ? await labelsOf(resolve(io.cwd, raw.labels), p.layers[0].n) : p.labels
    let compare: Prepared['compare']
    if (raw.compareData !== undefined) {
      // the same tensors and the same projection seed; only built-in data is drawn with seed + 1
      const c = await prepareOnnxAnalysis(input, { ...raw, data: raw.compareData }, seed, io, seed + 1)
      compare = { layers: c.layers, dataset: c.dataset, ...(c.labels ? { labels: c.labels } : {}) }
    }
    return {
      ...p,
      ...(labels ? { labels } : {}),
      ...(p.classes && raw.labels === undefined ? { classes: p.classes } : {}),
      source: 'onnx',
      ...(compare ? { compare } : {}),
      ...mapping
    }
  }
  if (raw.layers !== undefined || raw.featureMaps !== undefined || raw.batch !== undefined)
    throw new EngineError('invalid-request', message('onnx.flagsOnlyOnnx'))
  if (await isModelInput(input)) {
    if (raw.data === undefined) throw new EngineError('invalid-request', message('errmsg.cliModelNeedsData', { input }))
    const files = await readModelFiles(input)
    const flags = parseImageFlags(raw)
    const data = await resolveModelInput(raw.data, resolve(io.cwd, raw.data), { seed, image: flags.image, explicitImageFlags: flags.given })
    await initBackend()
    const rec = await recordModel(files, data)
    const labels = raw.labels !== undefined ? await labelsOf(resolve(io.cwd, raw.labels), data.n) : data.labels
    let compare: Prepared['compare']
    if (raw.compareData !== undefined) {
      const other = await resolveModelInput(raw.compareData, resolve(io.cwd, raw.compareData), {
        seed: seed + 1,
        image: flags.image,
        explicitImageFlags: flags.given
      })
      compare = { layers: (await recordModel(files, other)).layers, dataset: other.dataset, ...(other.labels ? { labels: other.labels } : {}) }
    }
    return {
      layers: rec.layers,
      ...(labels ? { labels } : {}),
      ...(data.classes && raw.labels === undefined ? { classes: data.classes } : {}),
      dataset: data.dataset,
      files: files.map((f) => f.name),
      model: rec.model,
      source: 'tfjs-model',
      ...(compare ? { compare } : {}),
      ...mapping
    }
  }
  if (raw.data !== undefined) throw new EngineError('invalid-request', message('errmsg.cliDataForModel', { input }))
  const dumps = await loadLayerDumps(input)
  const labelsPath = raw.labels !== undefined ? resolve(io.cwd, raw.labels) : dumps.labelsFile
  const labels = labelsPath ? await labelsOf(labelsPath, dumps.layers[0].n) : undefined
  if (labelsPath && raw.labels === undefined) io.stderr.write(`nagare: using labels from ${labelsPath}\n`)
  let compare: Prepared['compare']
  if (raw.compareData !== undefined) {
    // dumps: the compare data is a second dumps folder of the same layers
    const other = await loadLayerDumps(resolve(io.cwd, raw.compareData))
    const otherLabels = other.labelsFile ? await labelsOf(other.labelsFile, other.layers[0].n, false) : undefined
    compare = {
      layers: other.layers,
      dataset: { kind: 'dumps', n: other.layers[0].n, d: other.layers[0].width },
      ...(otherLabels ? { labels: otherLabels } : {})
    }
  }
  return {
    layers: dumps.layers,
    ...(labels ? { labels } : {}),
    dataset: { kind: 'dumps', n: dumps.layers[0].n, d: dumps.layers[0].width },
    files: dumps.sources,
    source: 'dumps',
    ...(compare ? { compare } : {}),
    ...(dumps.residualBlocks ? { residualBlocks: dumps.residualBlocks } : {}),
    ...mapping
  }
}

export async function analyzeCommand(input: string, raw: RawAnalyzeOptions, io: CliIo): Promise<number> {
  let report: LayerReport
  let out: string | undefined
  let content: AnalysisContent | undefined
  try {
    const k = integer('--k', raw.k, ANALYZE_CLI_DEFAULTS.k, 1)
    const seed = integer('--seed', raw.seed, ANALYZE_CLI_DEFAULTS.seed, 0)
    if (raw.threads !== undefined) setThreadSetting(parseThreads(raw.threads, 'invalid-request'))
    out = raw.out === undefined ? undefined : resolve(io.cwd, raw.out)
    if (out) await checkReportDir(out)
    const path = resolve(io.cwd, input)
    const p = await prepare(path, raw, seed, io)
    const done = await analyzeAndProject(p.layers, {
      k,
      seed,
      ...(p.labels ? { labels: p.labels } : {}),
      ...(p.compare ? { compare: p.compare.layers } : {}),
      ...(p.residualBlocks ? { residualBlocks: p.residualBlocks } : {})
    })
    report = done.report
    const { layers: _layers, compare, residualBlocks: _blocks, ...rest } = p
    const compared =
      compare && done.compareProjection
        ? {
            compare: {
              dataset: compare.dataset,
              n: compare.layers[0].n,
              projection: done.compareProjection,
              ...(compare.labels ? { labels: compare.labels } : {})
            }
          }
        : {}
    content = { ...rest, ...compared, name: raw.name ?? basename(path), options: { k, seed }, report, projection: done.projection, appVersion: appVersion() }
  } catch (e) {
    if (e instanceof CancelledError) {
      io.stderr.write(`nagare: ${english(message('onnx.interrupted'))}\n`)
      return EXIT.interrupted
    }
    return failure(io, e)
  }
  try {
    if (out) await writeAnalysisFolder(out, partialSibling(out), newRunId(content.name), content)
    io.stdout.write(reportJson(report))
    for (const f of report.flags)
      io.stderr.write(
        `nagare: flag: ${storedEnglish(f.message)}\n${f.inherited?.length ? `  ${english(message('shift.flagInherited', { layers: f.inherited.join(', ') }))}\n` : ''}  remedy: ${storedEnglish(f.remedy)}\n`
      )
    return EXIT.ok
  } catch (e) {
    if (e instanceof EngineError && e.code === 'invalid-request') return failure(io, e)
    io.stderr.write(`nagare: failed: ${e instanceof Error ? e.message : String(e)}\n`)
    return EXIT.failure
  }
}
