// Handlers for layer analyses of existing models. layers.start checks everything it can at once (files,
// model, data) so bad input is refused before any job runs and the workspace is left unchanged; the job
// records, analyses, projects and saves <workspace>/analyses/<id>/, its 'done' event carrying the id.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, sep } from 'node:path'
import type { RequestOf } from '../../../shared/contract'
import { LIMITS } from '../../../shared/limits'
import { say } from '../../../shared/messages'
import type { AnalysisDataset } from '../../../shared/layers'
import { getAnalysis, listAnalyses, saveAnalysis, type AnalysisContent } from '../analyses/store'
import { listAnalysisTrash } from '../analyses/admin'
import { compareAnalyses } from '../layers/compare'
import { checkCompareLayers } from '../layers/shift'
import { EngineError } from '../errors'
import type { LayerData } from '../layers/dumps'
import { loadLayerDumps } from '../layers/dumps'
import { loadLabelInfo, type LabelInfo } from '../layers/labels'
import type { ModelFile } from '../layers/model-files'
import { analyzeAndProject, checkModelOnData, recordModel, resolveDataChoice, type PointsInput } from '../layers/pipeline'
import type { HandlerContext, HandlerGroup } from './types'

export const LAYERS_DEFAULTS = { k: 10, seed: 7 }

const invalid = (m: string): EngineError => new EngineError('invalid-request', m)

/** base64 uploads to bytes, with plain file names only */
export function decodeUploads(files: { name: string; content: string }[]): ModelFile[] {
  const seen = new Set<string>()
  return files.map((f) => {
    if (/[/\\]/.test(f.name) || f.name === '.' || f.name === '..' || f.name.startsWith('.')) throw invalid(say('import.uploadNotPlainName', { name: JSON.stringify(f.name) }))
    if (seen.has(f.name)) throw invalid(say('import.uploadTwice', { name: f.name }))
    seen.add(f.name)
    const bytes = new Uint8Array(Buffer.from(f.content, 'base64'))
    if (bytes.byteLength > LIMITS.maxUploadBytes) throw invalid(say('import.uploadTooLarge', { name: f.name, size: bytes.byteLength, max: LIMITS.maxUploadBytes }))
    if (bytes.byteLength === 0) throw invalid(say('import.fileEmpty', { file: f.name }))
    return { name: f.name, bytes }
  })
}

/** Dumps go through the folder reader: staged in a temp folder (outside the workspace), removed after. */
async function readDumpUploads(files: ModelFile[]): Promise<{ layers: LayerData[]; labels?: Int32Array; labelInfo?: LabelInfo; residualBlocks?: { from: number; to: number }[] }> {
  const dir = await mkdtemp(join(tmpdir(), 'nagare-dumps-'))
  try {
    for (const f of files) await writeFile(join(dir, f.name), f.bytes)
    const dumps = await loadLayerDumps(dir, { maxFileBytes: LIMITS.maxUploadBytes })
    const labelInfo = dumps.labelsFile ? await loadLabelInfo(dumps.labelsFile) : undefined
    const labels = labelInfo?.labels
    if (labels && labels.length !== dumps.layers[0].n) throw invalid(say('import.labelsFileCountMismatch', { file: 'labels', count: labels.length, n: dumps.layers[0].n }))
    return { layers: dumps.layers, ...(labels ? { labels, labelInfo } : {}), ...(dumps.residualBlocks ? { residualBlocks: dumps.residualBlocks } : {}) }
  } catch (e) {
    // messages name the staged path; the user knows the files by name
    if (e instanceof EngineError) throw new EngineError(e.code, e.message.split(dir + sep).join('').split(dir).join(say('import.theUpload')))
    throw e
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

type StartRequest = RequestOf<'layers.start'>
type CompareLayers = { layers: LayerData[]; dataset: AnalysisDataset; labels?: Int32Array }

async function start(ctx: HandlerContext, r: StartRequest): Promise<{ jobId: string }> {
  const k = r.k ?? LAYERS_DEFAULTS.k
  const seed = r.seed ?? LAYERS_DEFAULTS.seed
  const files = decodeUploads(r.files)
  const base = { name: r.name, source: r.source, options: { k, seed }, files: files.map((f) => f.name), appVersion: ctx.appVersion }
  let prepare: (hooks: Parameters<typeof recordModel>[2]) => Promise<Omit<AnalysisContent, keyof typeof base | 'report' | 'projection' | 'compare'> & { layers: LayerData[] }>
  // shift analyses: the same layers on the compare data (recorded in the job, after the reference)
  let residualBlocks: { from: number; to: number }[] | undefined
  let prepareCompare: ((hooks: Parameters<typeof recordModel>[2]) => Promise<CompareLayers>) | undefined
  if (r.source === 'tfjs-model' ? r.compareFiles : r.compareData) throw invalid(say(r.source === 'tfjs-model' ? 'shift.compareFilesForDumps' : 'shift.compareDataForModel'))
  if (r.source === 'tfjs-model') {
    if (!r.data) throw invalid(say('import.modelNeedsData'))
    const data: PointsInput = await resolveDataChoice(ctx.workspace, r.data, seed)
    // load once now so a bad model is refused at once, not as a failed job
    ;(await checkModelOnData(files, data)).model.dispose()
    prepare = async (hooks) => {
      const rec = await recordModel(files, data, hooks)
      return { layers: rec.layers, model: rec.model, dataset: data.dataset, ...(data.labels ? { labels: data.labels } : {}), ...(data.classes ? { classes: data.classes } : {}) }
    }
    if (r.compareData) {
      const other = await resolveDataChoice(ctx.workspace, r.compareData, seed + 1)
      ;(await checkModelOnData(files, other)).model.dispose()
      prepareCompare = async (hooks) => ({ layers: (await recordModel(files, other, hooks)).layers, dataset: other.dataset, ...(other.labels ? { labels: other.labels } : {}) })
    }
  } else {
    const dumps = await readDumpUploads(files)
    residualBlocks = dumps.residualBlocks
    if (r.compareFiles) {
      const other = await readDumpUploads(decodeUploads(r.compareFiles))
      checkCompareLayers(dumps.layers, other.layers)
      prepareCompare = () => Promise.resolve({ layers: other.layers, dataset: { kind: 'dumps', n: other.layers[0].n, d: other.layers[0].width }, ...(other.labels ? { labels: other.labels } : {}) })
    }
    const n = dumps.layers[0].n
    let labels = dumps.labels
    let classes: string[] | undefined = dumps.labelInfo?.classes
    const labelMapping = dumps.labelInfo?.mapping
    let dataset: AnalysisDataset = { kind: 'dumps', n, d: dumps.layers[0].width }
    if (r.data) {
      // the dumps are the activations already: a dataset here only lends its labels (and its description)
      const data = await resolveDataChoice(ctx.workspace, r.data, seed)
      if (data.n !== n) throw invalid(say('import.dumpsDataMismatch', { n: data.n, m: n }))
      if (!labels && data.labels) {
        labels = data.labels
        classes = data.classes
      }
      dataset = data.dataset
    }
    prepare = () => Promise.resolve({ layers: dumps.layers, dataset, ...(labels ? { labels } : {}), ...(classes ? { classes } : {}), ...(labels === dumps.labels && labelMapping ? { labelMapping } : {}) })
  }
  const jobId = ctx.jobs.submit(r.name, async (job) => {
    const share = prepareCompare ? 0.2 : 0.4
    const prepared = await prepare({ progress: (f, m) => job.progress(share * f, undefined, m), checkpoint: () => job.checkpoint() })
    const cmp = await prepareCompare?.({ progress: (f, m) => job.progress(share + share * f, undefined, m), checkpoint: () => job.checkpoint() })
    const { layers, ...rest } = prepared
    const { report, projection, compareProjection } = await analyzeAndProject(layers, { k, seed, ...(rest.labels ? { labels: rest.labels } : {}), ...(cmp ? { compare: cmp.layers } : {}), ...(residualBlocks ? { residualBlocks } : {}) }, {
      progress: (f, m) => job.progress(0.4 + 0.5 * f, undefined, m),
      checkpoint: () => job.checkpoint()
    })
    const compare = cmp && compareProjection ? { compare: { dataset: cmp.dataset, n: cmp.layers[0].n, projection: compareProjection, ...(cmp.labels ? { labels: cmp.labels } : {}) } } : {}
    return saveAnalysis(ctx.workspace, { ...base, ...rest, ...compare, report, projection }, {
      beforeFile: async (file) => {
        job.progress(0.95, undefined, say('import.progressSavingAnalysis', { file }))
        await job.checkpoint()
      }
    })
  })
  return { jobId }
}

export function layersHandlers(ctx: HandlerContext): HandlerGroup<'layers.start' | 'layers.list' | 'layers.get' | 'layers.compare'> {
  return {
    'layers.start': (r) => start(ctx, r),
    'layers.list': (r) => (r.trash ? listAnalysisTrash(ctx.workspace) : listAnalyses(ctx.workspace)),
    'layers.get': (r) => getAnalysis(ctx.workspace, r.id),
    'layers.compare': async (r) => compareAnalyses(await getAnalysis(ctx.workspace, r.a), await getAnalysis(ctx.workspace, r.b))
  }
}
