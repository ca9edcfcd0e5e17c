// Handlers for layer analyses of existing models. layers.start checks everything it can at once (files,
// model, data) so bad input is refused before any job runs and the workspace is left unchanged; the job
// records, analyses, projects and saves <workspace>/analyses/<id>/, its 'done' event carrying the id.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { RequestOf } from '../../../shared/contract'
import { LIMITS } from '../../../shared/limits'
import { type Message, message } from '../../../shared/messages'
import type { AnalysisDataset } from '../../../shared/layers'
import { getAnalysis, listAnalyses, saveAnalysis, type AnalysisContent } from '../analysis-store/store'
import { listAnalysisTrash } from '../analysis-store/admin'
import { compareAnalyses } from '../layers/compare'
import { checkCompareLayers } from '../layers/shift'
import { EngineError } from '../errors'
import { errnoOf, plainIoMessage, withoutFolder } from '../io-messages'
import { CONTROL_CHARACTERS } from '../../../shared/spec-safety'
import type { LayerData } from '../layers/dumps'
import { loadLayerDumps } from '../layers/dumps'
import { loadLabelInfo, type LabelInfo } from '../layers/labels'
import type { ModelFile } from '../layers/model-files'
import { analyzeAndProject, checkModelOnData, recordModel, resolveDataChoice, type PointsInput, type StepHooks } from '../layers/pipeline'
import { InputStaging } from '../inputs/input-staging'
import { chooseLayers, inspectOnnx, prepareOnnx, recordOnnx } from '../onnx'
import { createSession } from '../onnx/session'
import { onnxUpload, resolveStaged } from './model-inputs'
import type { HandlerContext, HandlerGroup } from './types'

export const LAYERS_DEFAULTS = { k: 10, seed: 7 }

const invalid = (m: Message): EngineError => new EngineError('invalid-request', m)

/** base64 uploads to bytes, with plain file names only */
export function decodeUploads(files: { name: string; content: string }[]): ModelFile[] {
  const seen = new Set<string>()
  return files.map((f) => {
    if (CONTROL_CHARACTERS.test(f.name)) throw invalid(message('harden.uploadNameControl'))
    const bytesOfName = Buffer.byteLength(f.name)
    // staged under its own name (layers.json and the natural order refer to it): it must fit a disk's 255 bytes
    if (bytesOfName > 255) throw invalid(message('harden.uploadNameTooLong', { name: JSON.stringify(f.name.slice(0, 40) + '…'), bytes: bytesOfName, max: 255 }))
    if (/[/\\]/.test(f.name) || f.name === '.' || f.name === '..' || f.name.startsWith('.'))
      throw invalid(message('import.uploadNotPlainName', { name: JSON.stringify(f.name) }))
    if (seen.has(f.name)) throw invalid(message('import.uploadTwice', { name: f.name }))
    seen.add(f.name)
    const bytes = new Uint8Array(Buffer.from(f.content, 'base64'))
    if (bytes.byteLength > LIMITS.maxUploadBytes)
      throw invalid(message('import.uploadTooLarge', { name: f.name, size: bytes.byteLength, max: LIMITS.maxUploadBytes }))
    if (bytes.byteLength === 0) throw invalid(message('import.fileEmpty', { file: f.name }))
    return { name: f.name, bytes }
  })
}

/** Dumps go through the folder reader: staged in a temp folder (outside the workspace), removed after. */
async function readDumpUploads(
  files: ModelFile[]
): Promise<{ layers: LayerData[]; labels?: Int32Array; labelInfo?: LabelInfo; residualBlocks?: { from: number; to: number }[] }> {
  const dir = await mkdtemp(join(tmpdir(), 'nagare-dumps-'))
  try {
    for (const f of files) await writeFile(join(dir, f.name), f.bytes)
    const dumps = await loadLayerDumps(dir, { maxFileBytes: LIMITS.maxUploadBytes, maxNpzBytes: 4 * LIMITS.maxUploadBytes })
    const labelInfo = dumps.labelsFile ? await loadLabelInfo(dumps.labelsFile) : undefined
    const labels = labelInfo?.labels
    if (labels && labels.length !== dumps.layers[0].n)
      throw invalid(message('import.labelsFileCountMismatch', { file: 'labels', count: labels.length, n: dumps.layers[0].n }))
    return { layers: dumps.layers, ...(labels ? { labels, labelInfo } : {}), ...(dumps.residualBlocks ? { residualBlocks: dumps.residualBlocks } : {}) }
  } catch (e) {
    // messages name the staged path; the user knows the files by name
    if (e instanceof EngineError) throw new EngineError(e.code, withoutFolder(e.msg, dir, message('import.theUpload')))
    // the staging folder's own failures (full or read-only temp disk) in plain words, without its path
    const errno = errnoOf(e)
    if (errno) throw new EngineError('io', plainIoMessage(errno))
    throw e
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

type StartRequest = RequestOf<'layers.start'>
type Prepare = (hooks: Parameters<typeof recordModel>[2]) => Promise<
  Omit<AnalysisContent, 'name' | 'source' | 'options' | 'files' | 'appVersion' | 'report' | 'projection' | 'compare'> & {
    layers: LayerData[]
    residualBlocks?: { from: number; to: number }[]
  }
>
type CompareLayers = { layers: LayerData[]; dataset: AnalysisDataset; labels?: Int32Array }

/** Read the data inside the job (staged files may be many images: progress and cancel apply), scaled to [0, share]. */
const partHooks = (hooks: Parameters<Prepare>[0], share: number): StepHooks => ({
  progress: (f, m) => hooks?.progress?.(share * f, m),
  checkpoint: () => hooks?.checkpoint?.() ?? Promise.resolve()
})

async function start(ctx: HandlerContext, staging: InputStaging, r: StartRequest): Promise<{ jobId: string }> {
  const k = r.k ?? LAYERS_DEFAULTS.k
  const seed = r.seed ?? LAYERS_DEFAULTS.seed
  const files = decodeUploads(r.files)
  const base = { name: r.name, source: r.source, options: { k, seed }, files: files.map((f) => f.name), appVersion: ctx.appVersion }
  const staged = r.data?.kind === 'staged' ? r.data : undefined
  const choice = r.data?.kind === 'staged' ? undefined : r.data
  const withLabels = (data: PointsInput): Pick<AnalysisContent, 'labels' | 'classes'> => ({
    ...(data.labels ? { labels: data.labels } : {}),
    ...(data.classes ? { classes: data.classes } : {})
  })
  let prepare: Prepare
  // shift analyses: the same layers on the compare data (recorded in the job, after the reference)
  let prepareCompare: ((hooks: Parameters<typeof recordModel>[2]) => Promise<CompareLayers>) | undefined
  if (r.source === 'dumps' ? r.compareData : r.compareFiles)
    throw invalid(message(r.source === 'dumps' ? 'shift.compareDataForModel' : 'shift.compareFilesForDumps'))
  if (r.source === 'onnx') {
    if (!r.data) throw invalid(message('import.modelNeedsData'))
    const model = onnxUpload(files)
    const options = { ...r.onnx, seed, file: model.name }
    const sampleShape = (d: PointsInput): number[] => (d.shape ? d.shape.slice(1) : [d.d])
    // refuse a bad model, unknown layers or (for data known now) a wrong shape at once, not as a failed job
    const known = choice ? await resolveDataChoice(ctx.workspace, choice, seed) : undefined
    if (known) await prepareOnnx(model.bytes, sampleShape(known), options)
    else chooseLayers(await inspectOnnx(model.bytes, model.name), r.onnx?.layers)
    // and an operator the runtime lacks, which only a session finds
    await (await createSession(model.bytes, model.name)).release()
    prepare = async (hooks) => {
      const data = known ?? (await resolveStaged(staging, staged!, seed, partHooks(hooks, 0.3)))
      const rec = await recordOnnx(
        model.bytes,
        { values: data.points, n: data.n, sampleShape: sampleShape(data) },
        {
          ...options,
          onBatch: async (done, n) => {
            hooks?.progress?.(0.3 + (0.7 * done) / n, message('import.progressRecording', { done, n }))
            await hooks?.checkpoint?.()
          }
        }
      )
      // the residual blocks read from the graph mark the Euler stretches
      return {
        layers: rec.layers,
        residualBlocks: rec.blocks.map((b) => ({ from: b.from, to: b.to })),
        model: rec.model,
        dataset: data.dataset,
        ...withLabels(data)
      }
    }
    if (r.compareData) {
      // the same tensors, reduced with the same seeded projection, on the new data
      const other = await resolveDataChoice(ctx.workspace, r.compareData, seed + 1)
      await prepareOnnx(model.bytes, sampleShape(other), options)
      prepareCompare = async (hooks) => {
        const rec = await recordOnnx(
          model.bytes,
          { values: other.points, n: other.n, sampleShape: sampleShape(other) },
          {
            ...options,
            onBatch: async (done, n) => {
              hooks?.progress?.(done / n, message('import.progressRecording', { done, n }))
              await hooks?.checkpoint?.()
            }
          }
        )
        return { layers: rec.layers, dataset: other.dataset, ...(other.labels ? { labels: other.labels } : {}) }
      }
    }
  } else if (r.source === 'tfjs-model') {
    if (!r.data) throw invalid(message('import.modelNeedsData'))
    const known = choice ? await resolveDataChoice(ctx.workspace, choice, seed) : undefined
    // load once now so a bad model is refused at once, not as a failed job
    if (known) (await checkModelOnData(files, known)).model.dispose()
    prepare = async (hooks) => {
      const data = known ?? (await resolveStaged(staging, staged!, seed, partHooks(hooks, 0.3)))
      const rec = await recordModel(files, data, hooks)
      return { layers: rec.layers, model: rec.model, dataset: data.dataset, ...withLabels(data) }
    }
    if (r.compareData) {
      const other = await resolveDataChoice(ctx.workspace, r.compareData, seed + 1)
      ;(await checkModelOnData(files, other)).model.dispose()
      prepareCompare = async (hooks) => ({
        layers: (await recordModel(files, other, hooks)).layers,
        dataset: other.dataset,
        ...(other.labels ? { labels: other.labels } : {})
      })
    }
  } else {
    if (staged) throw invalid(message('imgui.dumpsNoStagedData'))
    const dumps = await readDumpUploads(files)
    if (r.compareFiles) {
      const other = await readDumpUploads(decodeUploads(r.compareFiles))
      checkCompareLayers(dumps.layers, other.layers)
      prepareCompare = () =>
        Promise.resolve({
          layers: other.layers,
          dataset: { kind: 'dumps', n: other.layers[0].n, d: other.layers[0].width },
          ...(other.labels ? { labels: other.labels } : {})
        })
    }
    const n = dumps.layers[0].n
    let labels = dumps.labels
    let classes: string[] | undefined = dumps.labelInfo?.classes
    const labelMapping = dumps.labelInfo?.mapping
    let dataset: AnalysisDataset = { kind: 'dumps', n, d: dumps.layers[0].width }
    if (choice) {
      // the dumps are the activations already: a dataset here only lends its labels (and its description)
      const data = await resolveDataChoice(ctx.workspace, choice, seed)
      if (data.n !== n) throw invalid(message('import.dumpsDataMismatch', { n: data.n, m: n }))
      if (!labels && data.labels) {
        labels = data.labels
        classes = data.classes
      }
      dataset = data.dataset
    }
    const marked = dumps.residualBlocks ? { residualBlocks: dumps.residualBlocks } : {}
    prepare = () =>
      Promise.resolve({
        layers: dumps.layers,
        dataset,
        ...(labels ? { labels } : {}),
        ...(classes ? { classes } : {}),
        ...(labels === dumps.labels && labelMapping ? { labelMapping } : {}),
        ...marked
      })
  }
  const jobId = ctx.jobs.submit(r.name, async (job) => {
    try {
      const share = prepareCompare ? 0.2 : 0.4
      const prepared = await prepare({ progress: (f, m) => job.progress(share * f, undefined, m), checkpoint: () => job.checkpoint() })
      const cmp = await prepareCompare?.({ progress: (f, m) => job.progress(share + share * f, undefined, m), checkpoint: () => job.checkpoint() })
      const { layers, residualBlocks, ...rest } = prepared
      const { report, projection, compareProjection } = await analyzeAndProject(
        layers,
        { k, seed, ...(rest.labels ? { labels: rest.labels } : {}), ...(cmp ? { compare: cmp.layers } : {}), ...(residualBlocks ? { residualBlocks } : {}) },
        { progress: (f, m) => job.progress(0.4 + 0.5 * f, undefined, m), checkpoint: () => job.checkpoint() }
      )
      const compare =
        cmp && compareProjection
          ? { compare: { dataset: cmp.dataset, n: cmp.layers[0].n, projection: compareProjection, ...(cmp.labels ? { labels: cmp.labels } : {}) } }
          : {}
      return await saveAnalysis(
        ctx.workspace,
        { ...base, ...rest, ...compare, report, projection },
        {
          beforeFile: async (file) => {
            job.progress(0.95, undefined, message('import.progressSavingAnalysis', { file }))
            await job.checkpoint()
          }
        }
      )
    } finally {
      if (staged) await staging.drop(staged.token)
    }
  })
  return { jobId }
}

export function layersHandlers(
  ctx: HandlerContext,
  staging: InputStaging = new InputStaging()
): HandlerGroup<'layers.start' | 'layers.list' | 'layers.get' | 'layers.compare'> {
  return {
    'layers.start': (r) => start(ctx, staging, r),
    'layers.list': (r) => (r.trash ? listAnalysisTrash(ctx.workspace) : listAnalyses(ctx.workspace)),
    'layers.get': (r) => getAnalysis(ctx.workspace, r.id),
    'layers.compare': async (r) => compareAnalyses(await getAnalysis(ctx.workspace, r.a), await getAnalysis(ctx.workspace, r.b))
  }
}
