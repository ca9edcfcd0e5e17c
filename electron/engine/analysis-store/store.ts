// Saved layer analyses: <workspace>/analyses/<id>/ holding analysis.json, layers.json + layers.csv,
// projection.npy (float32 [layers, N, 3]) and labels.npy. Written all-or-nothing (partial folder, fsync,
// rename); listed newest first with unreadable folders reported, never deleted.
import { randomBytes } from 'node:crypto'
import { mkdir, readdir, readFile, rename, rm, rmdir, stat } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { AnalysisDataset, AnalysisRecord, LayerAnalysis, LayerAnalysisSummary, LayerReport, LayerSource } from '../../../shared/layers'
import { type Message, message, MessageError, type MessageParam } from '../../../shared/messages'
import { EngineError } from '../errors'
import { detailOf } from '../io-messages'
import { allInsideWorkspace, insideWorkspace, OutsideWorkspaceError } from '../inside-workspace'
import type { LayerProjection } from '../layers/pca'
import { reportCsv, reportJson } from '../layers/report-files'
import { isRunId, newRunId } from '../runs/ids'
import { readNpy, writeNpy } from '../formats/npy'
import { readUserMeta } from '../runs/user-meta'
import { writeSynced } from '../synced-write'
import { parseJson } from '../../../shared/json-depth'

export const ANALYSES_DIR = 'analyses'
export const ANALYSIS_FILE = 'analysis.json'
const PARTIAL = '.partial-'

export interface AnalysisContent {
  name: string
  source: LayerSource
  dataset: AnalysisDataset
  options: { k: number; seed: number }
  files: string[]
  model?: AnalysisRecord['model']
  report: LayerReport
  projection: LayerProjection
  labels?: Int32Array
  classes?: string[]
  labelMapping?: AnalysisRecord['labelMapping']
  /** shift analyses: the compare data, its points in the reference's projection ([layers, M, 3]) */
  compare?: { dataset: AnalysisDataset; n: number; projection: Float32Array; labels?: Int32Array }
  appVersion?: string
}

export interface AnalysisWriteHooks {
  /** awaited before each file; throwing (e.g. a cancel) removes the partial folder */
  beforeFile?(name: string): void | Promise<void>
}

export function analysisRecord(id: string, c: AnalysisContent, createdAt: string): AnalysisRecord {
  const p = c.projection
  return {
    version: 1,
    id,
    name: c.name,
    createdAt,
    source: c.source,
    dataset: c.dataset,
    options: c.options,
    files: c.files,
    ...(c.model ? { model: c.model } : {}),
    layers: c.report.rows.map((r) => ({ name: r.name, width: r.width })),
    n: c.report.n,
    labels: c.labels !== undefined,
    ...(c.classes ? { classes: c.classes } : {}),
    ...(c.labelMapping ? { labelMapping: c.labelMapping } : {}),
    flagCount: c.report.flags.length,
    projection: { file: 'projection.npy', shape: p.shape, explainedVariance: p.explainedVariance, width: p.width, fittedRows: p.fittedRows, method: p.method },
    ...(c.compare
      ? {
          compare: {
            dataset: c.compare.dataset,
            n: c.compare.n,
            projection: { file: 'compare-projection.npy' as const, shape: [p.shape[0], c.compare.n, 3] as [number, number, number] },
            labels: c.compare.labels !== undefined
          }
        }
      : {}),
    ...(c.appVersion ? { appVersion: c.appVersion } : {})
  }
}

/** A shift analysis's extra files: the compare points' projection, their labels, and shift.json (the summary). */
function compareFiles(dir: string, c: AnalysisContent): [string, () => Promise<void>][] {
  const cmp = c.compare
  if (!cmp) return []
  const shape: [number, number, number] = [c.projection.shape[0], cmp.n, 3]
  return [
    ['compare-projection.npy', () => writeNpy(join(dir, 'compare-projection.npy'), cmp.projection, shape)],
    ...(cmp.labels
      ? [['compare-labels.npy', () => writeNpy(join(dir, 'compare-labels.npy'), cmp.labels as Int32Array, [cmp.n])] as [string, () => Promise<void>]]
      : []),
    ...(c.report.shift
      ? [['shift.json', () => writeSynced(join(dir, 'shift.json'), JSON.stringify(c.report.shift, null, 2) + '\n', 'wx')] as [string, () => Promise<void>]]
      : [])
  ]
}

/**
 * Write an analysis folder at `finalDir` (must not exist, or be empty) through `partialDir`; returns the
 * record written. `id` names the analysis (the folder name in a workspace).
 */
export async function writeAnalysisFolder(
  finalDir: string,
  partialDir: string,
  id: string,
  c: AnalysisContent,
  hooks: AnalysisWriteHooks = {},
  now = new Date()
): Promise<AnalysisRecord> {
  const record = analysisRecord(id, c, now.toISOString())
  await mkdir(dirname(partialDir), { recursive: true })
  await mkdir(partialDir)
  try {
    const files: [string, () => Promise<void>][] = [
      ['layers.json', () => writeSynced(join(partialDir, 'layers.json'), reportJson(c.report), 'wx')],
      ['layers.csv', () => writeSynced(join(partialDir, 'layers.csv'), reportCsv(c.report), 'wx')],
      ['projection.npy', () => writeNpy(join(partialDir, 'projection.npy'), c.projection.data, c.projection.shape)],
      ...(c.labels
        ? [
            ['labels.npy', () => writeNpy(join(partialDir, 'labels.npy'), c.labels as Int32Array, [(c.labels as Int32Array).length])] as [
              string,
              () => Promise<void>
            ]
          ]
        : []),
      ...compareFiles(partialDir, c),
      [ANALYSIS_FILE, () => writeSynced(join(partialDir, ANALYSIS_FILE), JSON.stringify(record, null, 2) + '\n', 'wx')]
    ]
    for (const [name, write] of files) {
      await hooks.beforeFile?.(name)
      await write()
    }
    await rmdir(finalDir).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw new EngineError('invalid-request', message('import.analysisFolderExists', { dir: finalDir }))
    })
    await rename(partialDir, finalDir)
    return record
  } catch (e) {
    await rm(partialDir, { recursive: true, force: true }).catch(() => undefined)
    throw e
  }
}

/** <workspace>/analyses: the saved analyses, with their trash in .trash */
export const analysesRoot = (workspace: string): string => join(workspace, ANALYSES_DIR)
const root = analysesRoot

/** Save into the workspace under a new id; returns the id. */
export async function saveAnalysis(workspace: string, c: AnalysisContent, hooks: AnalysisWriteHooks = {}, now = new Date()): Promise<string> {
  const id = newRunId(c.name, now)
  await insideWorkspace(workspace, join(root(workspace), id))
  await writeAnalysisFolder(join(root(workspace), id), join(root(workspace), `${PARTIAL}${id}-${randomBytes(3).toString('hex')}`), id, c, hooks, now)
  return id
}

/** A temporary sibling of `out` to write into before renaming (for the CLI's --out). */
export function partialSibling(out: string): string {
  return join(dirname(out), `.${basename(out)}${PARTIAL}${randomBytes(3).toString('hex')}`)
}

/** Why analysis.json cannot be used: the problem alone (listed with the folder) and said with the id (layers.get). */
type RecordProblem = { kind: 'missing' } | { kind: 'unreadable'; detail: MessageParam } | { kind: 'foreign' }
type RecordRead = { ok: true; record: AnalysisRecord } | { ok: false; problem: RecordProblem }

function problemMessage(p: RecordProblem, id?: string): Message {
  if (p.kind === 'unreadable')
    return id === undefined
      ? message('import.analysisJsonUnreadable', { detail: p.detail })
      : message('import.analysisIdJsonUnreadable', { id, detail: p.detail })
  if (p.kind === 'missing') return id === undefined ? message('import.analysisJsonMissing') : message('import.analysisIdJsonMissing', { id })
  return id === undefined ? message('import.analysisJsonForeign') : message('import.analysisIdJsonForeign', { id })
}

/** the problem as English text, for the history listing (whose problems are still text) */

async function readRecord(dir: string): Promise<RecordRead> {
  let json: unknown
  try {
    json = parseJson(await readFile(join(dir, ANALYSIS_FILE), 'utf8'))
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    return { ok: false, problem: code === 'ENOENT' ? { kind: 'missing' } : { kind: 'unreadable', detail: detailOf(e) } }
  }
  const r = json as Partial<AnalysisRecord> | null
  if (
    !r ||
    typeof r !== 'object' ||
    r.version !== 1 ||
    typeof r.id !== 'string' ||
    typeof r.name !== 'string' ||
    typeof r.createdAt !== 'string' ||
    (r.source !== 'tfjs-model' && r.source !== 'dumps' && r.source !== 'onnx') ||
    !Array.isArray(r.layers) ||
    !r.projection ||
    !Array.isArray(r.projection.shape)
  )
    return { ok: false, problem: { kind: 'foreign' } }
  return { ok: true, record: r as AnalysisRecord }
}

/** One analysis folder as the history lists it (the user's name and tags over the record's name); undefined when not a folder. */
export async function summarizeAnalysis(dir: string, id: string): Promise<LayerAnalysisSummary | undefined> {
  const s = await stat(dir).catch(() => undefined)
  if (!s?.isDirectory()) return undefined
  const r = await readRecord(dir)
  if (!r.ok) return { id, name: id, createdAt: s.mtime.toISOString(), status: 'unreadable', problem: problemMessage(r.problem) }
  const x = r.record
  const user = await readUserMeta(dir)
  return {
    id,
    name: user.name ?? x.name,
    createdAt: x.createdAt,
    status: 'complete',
    source: x.source,
    layerCount: x.layers.length,
    n: x.n,
    flagCount: x.flagCount,
    ...(user.tags?.length ? { tags: user.tags } : {})
  }
}

/** Every analysis in the workspace, newest first; folders that cannot be read are listed with the problem. */
export async function listAnalyses(workspace: string): Promise<LayerAnalysisSummary[]> {
  let names: string[]
  try {
    names = await readdir(root(workspace))
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw new EngineError('io', message('import.analysesCannotList', { dir: ANALYSES_DIR, detail: detailOf(e) }))
  }
  const out: LayerAnalysisSummary[] = []
  for (const id of names) {
    if (id.startsWith('.') || !isRunId(id)) continue
    const dir = join(root(workspace), id)
    const s = await stat(dir).catch(() => undefined)
    if (!s?.isDirectory()) continue
    const outside = await allInsideWorkspace(workspace, [dir, join(dir, ANALYSIS_FILE)]).then(
      () => undefined,
      (e: unknown) => {
        if (e instanceof OutsideWorkspaceError) return e.msg
        throw e
      }
    )
    if (outside) {
      out.push({ id, name: id, createdAt: s.mtime.toISOString(), status: 'unreadable', problem: outside })
      continue
    }
    const summary = await summarizeAnalysis(dir, id)
    if (summary) out.push(summary)
  }
  return out.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0))
}

/** compare-projection.npy (and compare-labels.npy) of a shift analysis, checked against its record. */
async function readCompareProjection(dir: string, rec: AnalysisRecord): Promise<NonNullable<LayerAnalysis['compareProjection']>> {
  const info = rec.compare as NonNullable<AnalysisRecord['compare']>
  const proj = await readNpy(join(dir, info.projection.file))
  if (!(proj.data instanceof Float32Array) || proj.shape.join() !== info.projection.shape.join())
    throw new MessageError(message('import.analysisProjectionShape', { shape: proj.shape.join(', '), expected: info.projection.shape.join(', ') }))
  let labels: Int32Array | undefined
  if (info.labels) {
    const l = await readNpy(join(dir, 'compare-labels.npy'))
    if (!(l.data instanceof Int32Array) || l.data.length !== info.n)
      throw new MessageError(message('import.analysisLabelsCount', { count: l.data.length, n: info.n }))
    labels = l.data
  }
  return { shape: info.projection.shape, data: proj.data, ...(labels ? { labels } : {}) }
}

/** One analysis: its record, report and projection (with labels when saved). */
export async function getAnalysis(workspace: string, id: string): Promise<LayerAnalysis> {
  if (!isRunId(id)) throw new EngineError('invalid-request', message('import.analysisBadId', { id: JSON.stringify(id) }))
  const dir = join(root(workspace), id)
  if (!(await stat(dir).catch(() => undefined))?.isDirectory()) throw new EngineError('not-found', message('import.analysisNotFound', { id }))
  await allInsideWorkspace(workspace, [dir, ...[ANALYSIS_FILE, 'layers.json', 'projection.npy', 'labels.npy'].map((f) => join(dir, f))])
  const r = await readRecord(dir)
  if (!r.ok) throw new EngineError('unreadable-run', problemMessage(r.problem, id))
  const rec = r.record
  const user = await readUserMeta(dir)
  try {
    const report = parseJson(await readFile(join(dir, 'layers.json'), 'utf8')) as LayerReport
    const proj = await readNpy(join(dir, 'projection.npy'))
    if (!(proj.data instanceof Float32Array) || proj.shape.join() !== rec.projection.shape.join())
      throw new MessageError(message('import.analysisProjectionShape', { shape: proj.shape.join(', '), expected: rec.projection.shape.join(', ') }))
    let labels: Int32Array | undefined
    if (rec.labels) {
      const l = await readNpy(join(dir, 'labels.npy'))
      if (!(l.data instanceof Int32Array) || l.data.length !== rec.n)
        throw new MessageError(message('import.analysisLabelsCount', { count: l.data.length, n: rec.n }))
      labels = l.data
    }
    const compareProjection = rec.compare ? await readCompareProjection(dir, rec) : undefined
    return {
      id,
      name: user.name ?? rec.name,
      createdAt: rec.createdAt,
      source: rec.source,
      dataset: rec.dataset,
      record: rec,
      report,
      projection: {
        shape: rec.projection.shape,
        data: proj.data,
        ...(labels ? { labels } : {}),
        layerNames: rec.layers.map((l) => l.name),
        explainedVariance: rec.projection.explainedVariance,
        ...(rec.classes ? { classes: rec.classes } : {})
      },
      ...(compareProjection ? { compareProjection } : {})
    }
  } catch (e) {
    throw new EngineError('unreadable-run', message('import.analysisUnreadable', { id, detail: detailOf(e, dir) }))
  }
}
