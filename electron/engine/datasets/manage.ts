// What "Your data" does to a stored dataset besides importing it: view it (the first rows and a summary
// of each column, computed over every row), rename it (dataset.json rewritten atomically; the id, which
// runs name, never changes) and move it to the recoverable trash datasets/.trash/<id> and back.
import { mkdir, readFile, rename, stat } from 'node:fs/promises'
import { join } from 'node:path'
import writeFileAtomic from 'write-file-atomic'
import type { ColumnSummary, DatasetInfo, DatasetView } from '../../../shared/dataset'
import { DatasetInfoSchema } from '../../../shared/dataset'
import { message, zodIssuesMessage } from '../../../shared/messages'
import { EngineError } from '../errors'
import { isRunId } from '../runs/ids'
import { DATASETS_DIR, loadDataset } from './store'

export const DATASET_TRASH_DIR = '.trash'
/** rows shown in the view's table */
export const VIEW_ROWS = 20

const isDir = (p: string): Promise<boolean> =>
  stat(p).then(
    (s) => s.isDirectory(),
    () => false
  )
const folder = (workspace: string, id: string): string => join(workspace, DATASETS_DIR, id)
const trashFolder = (workspace: string, id: string): string => join(workspace, DATASETS_DIR, DATASET_TRASH_DIR, id)

function checkId(id: string): void {
  if (!isRunId(id)) throw new EngineError('invalid-request', message('import.datasetBadId', { id: JSON.stringify(id) }))
}

async function existing(workspace: string, id: string): Promise<string> {
  checkId(id)
  const dir = folder(workspace, id)
  if (!(await isDir(dir))) throw new EngineError('not-found', message('import.datasetNotFound', { id }))
  return dir
}

/** min, max, mean and sample standard deviation of column j of a row-major [n, d] array */
function numericSummary(points: Float64Array, n: number, d: number, j: number): Pick<ColumnSummary, 'min' | 'max' | 'mean' | 'std'> {
  let min = Infinity
  let max = -Infinity
  let mean = 0
  let m2 = 0
  // Welford: one pass, stable for large n
  for (let i = 0; i < n; i++) {
    const x = points[i * d + j]
    if (x < min) min = x
    if (x > max) max = x
    const delta = x - mean
    mean += delta / (i + 1)
    m2 += delta * (x - mean)
  }
  return { min, max, mean, std: n > 1 ? Math.sqrt(m2 / (n - 1)) : 0 }
}

const cellText = (x: number): string => String(Number(x.toPrecision(6)))

/** The first rows (features, then the label's class name) and a summary of every column. */
export async function viewDataset(workspace: string, id: string, rows = VIEW_ROWS): Promise<DatasetView> {
  checkId(id)
  const info = await readInfo(workspace, id)
  const ds = await loadDataset(workspace, id)
  const columns: ColumnSummary[] = ds.featureNames.map((name, j) => ({
    index: j,
    name,
    numeric: true,
    missing: 0,
    nonNumeric: 0,
    examples: [],
    ...numericSummary(ds.points, ds.n, ds.d, j)
  }))
  const classOf = (label: number): string => ds.classes?.[label] ?? String(label)
  if (ds.labels && info.labelName !== undefined) {
    columns.push({ index: ds.d, name: info.labelName, numeric: false, missing: 0, nonNumeric: 0, examples: [], distinct: new Set(ds.labels).size })
  }
  const head: string[][] = []
  for (let i = 0; i < Math.min(rows, ds.n); i++) {
    const row = Array.from({ length: ds.d }, (_, j) => cellText(ds.points[i * ds.d + j]))
    if (ds.labels && info.labelName !== undefined) row.push(classOf(ds.labels[i]))
    head.push(row)
  }
  const classCounts = ds.labels ? (ds.classes ?? []).map((_, k) => ds.labels!.reduce((c, l) => c + (l === k ? 1 : 0), 0)) : undefined
  return { info, columns, head, ...(classCounts && classCounts.length ? { classCounts } : {}) }
}

async function readInfo(workspace: string, id: string): Promise<DatasetInfo> {
  const dir = await existing(workspace, id)
  let parsed
  try {
    parsed = DatasetInfoSchema.safeParse(JSON.parse(await readFile(join(dir, 'dataset.json'), 'utf8')))
  } catch (e) {
    throw new EngineError('io', message('import.datasetUnreadable', { id, detail: (e as Error).message }))
  }
  if (!parsed.success) throw new EngineError('io', message('import.datasetUnreadable', { id, detail: zodIssuesMessage(parsed.error.issues) }))
  return parsed.data as DatasetInfo
}

/** A new name in dataset.json (written atomically); unknown fields of a newer file are kept. */
export async function renameDataset(workspace: string, id: string, name: string): Promise<DatasetInfo> {
  const dir = await existing(workspace, id)
  const raw = JSON.parse(await readFile(join(dir, 'dataset.json'), 'utf8')) as Record<string, unknown>
  const info = await readInfo(workspace, id)
  await writeFileAtomic(join(dir, 'dataset.json'), JSON.stringify({ ...raw, name }, null, 2) + '\n')
  return { ...info, name }
}

/** Moves the dataset to datasets/.trash/<id>; nothing is deleted. */
export async function trashDataset(workspace: string, id: string): Promise<void> {
  const dir = await existing(workspace, id)
  const target = trashFolder(workspace, id)
  if (await isDir(target)) throw new EngineError('busy', message('trainui.datasetInTrash', { id }))
  await mkdir(join(workspace, DATASETS_DIR, DATASET_TRASH_DIR), { recursive: true })
  await rename(dir, target)
}

/** Moves a trashed dataset back; never over a dataset of the same id. */
export async function restoreDataset(workspace: string, id: string): Promise<DatasetInfo> {
  checkId(id)
  const from = trashFolder(workspace, id)
  if (!(await isDir(from))) throw new EngineError('not-found', message('trainui.datasetNotInTrash', { id }))
  if (await isDir(folder(workspace, id))) throw new EngineError('busy', message('trainui.datasetRestoreTaken', { id }))
  await rename(from, folder(workspace, id))
  return readInfo(workspace, id)
}
