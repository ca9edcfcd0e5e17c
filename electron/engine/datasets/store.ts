// Imported datasets on disk: <workspace>/datasets/<id>/ with original.<ext> (the uploaded file, so re-runs
// survive the original moving), data.npy (float64 [n, d]), labels.npy (int32) and dataset.json. A dataset
// is written to a hidden temp folder and renamed when complete, so a failure leaves nothing behind.
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { DatasetInfoSchema, type DatasetInfo } from '../../../shared/dataset'
import { message, MessageError, zodIssuesMessage, type StoredMessage, english } from '../../../shared/messages'
import { EngineError } from '../errors'
import { detailOf, detailText } from '../io-messages'
import { allInsideWorkspace, insideWorkspace } from '../inside-workspace'
import { readNpyAny, writeNpy } from '../formats/npy'
import { isRunId, newRunId } from '../runs/ids'
import { parseJson } from '../../../shared/json-depth'

export const DATASETS_DIR = 'datasets'
const PARTIAL_PREFIX = '.partial-'

/** A dataset's numbers: what the import's mapping makes of a table and what a run reads back. */
export interface DatasetPoints {
  points: Float64Array
  n: number
  d: number
  featureNames: string[]
  labels?: Int32Array
  labelName?: string
  classes?: string[]
  /** what was dropped or filled, as Messages with their English (absent when nothing was) */
  cleaning?: StoredMessage[]
}

export interface DatasetContent extends DatasetPoints {
  name: string
  fileName: string
  format: DatasetInfo['format']
  original: Uint8Array
}

export interface LoadedDataset {
  /** the name the dataset has now (dataset.json) */
  name: string
  points: Float64Array
  n: number
  d: number
  labels?: Int32Array
  featureNames: string[]
  classes?: string[]
}

/** Tests: called after each file is written (throw to simulate a failure mid-write). */
export interface SaveHooks {
  afterFile?: (file: string) => Promise<void> | void
}

const root = (workspace: string): string => join(workspace, DATASETS_DIR)

export async function saveDataset(workspace: string, c: DatasetContent, hooks: SaveHooks = {}, now = new Date()): Promise<DatasetInfo> {
  const id = newRunId(c.name, now)
  const info: DatasetInfo = {
    id,
    name: c.name,
    fileName: c.fileName,
    format: c.format,
    createdAt: now.toISOString(),
    n: c.n,
    d: c.d,
    featureNames: c.featureNames,
    ...(c.labelName !== undefined ? { labelName: c.labelName, classes: c.classes } : {}),
    ...(c.cleaning ? { cleaning: c.cleaning } : {})
  }
  await mkdir(root(workspace), { recursive: true })
  const partial = join(root(workspace), PARTIAL_PREFIX + id)
  await allInsideWorkspace(workspace, [partial, join(root(workspace), id)])
  const step = async (file: string, write: (p: string) => Promise<void>): Promise<void> => {
    await write(join(partial, file))
    await hooks.afterFile?.(file)
  }
  try {
    await mkdir(partial)
    await step(`original.${c.format}`, (p) => writeFile(p, c.original))
    await step('data.npy', (p) => writeNpy(p, c.points, [c.n, c.d]))
    if (c.labels) await step('labels.npy', (p) => writeNpy(p, c.labels!, [c.n]))
    await step('dataset.json', (p) => writeFile(p, JSON.stringify(info, null, 2) + '\n'))
    await rename(partial, join(root(workspace), id))
  } catch (e) {
    await rm(partial, { recursive: true, force: true })
    throw e
  }
  return info
}

async function readInfo(workspace: string, id: string): Promise<DatasetInfo> {
  const file = join(root(workspace), id, 'dataset.json')
  await insideWorkspace(workspace, file)
  const text = await readFile(file, 'utf8')
  const parsed = DatasetInfoSchema.safeParse(parseJson(text))
  if (!parsed.success) throw new MessageError(message('import.datasetJsonInvalid', { issues: zodIssuesMessage(parsed.error.issues) }))
  if (parsed.data.id !== id) throw new MessageError(message('import.datasetJsonId', { id: parsed.data.id, folder: id }))
  return parsed.data as DatasetInfo
}

/** Every readable dataset, newest first; unreadable folders are skipped with a logged reason, never deleted. */
export async function listDatasets(workspace: string, log: (message: string) => void = (m) => console.warn(`[nagare] ${m}`)): Promise<DatasetInfo[]> {
  let names: string[]
  try {
    names = await readdir(root(workspace))
  } catch {
    return []
  }
  const out: DatasetInfo[] = []
  for (const id of names) {
    if (id.startsWith('.') || !isRunId(id)) continue
    try {
      out.push(await readInfo(workspace, id))
    } catch (e) {
      log(english(message('import.datasetSkipped', { id, detail: detailText(e) })))
    }
  }
  return out.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0))
}

/** An imported dataset's points (float64, row-major [n, d]), labels and names, checked against dataset.json. */
export async function loadDataset(workspace: string, id: string): Promise<LoadedDataset> {
  if (!isRunId(id)) throw new EngineError('invalid-request', message('import.datasetBadId', { id: JSON.stringify(id) }))
  let info: DatasetInfo
  try {
    info = await readInfo(workspace, id)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new EngineError('not-found', message('import.datasetNotFound', { id }))
    throw new EngineError('io', message('import.datasetUnreadable', { id, detail: detailOf(e) }))
  }
  const dir = join(root(workspace), id)
  await allInsideWorkspace(workspace, [join(dir, 'data.npy'), join(dir, 'labels.npy')])
  try {
    const data = await readNpyAny(join(dir, 'data.npy'))
    if (!(data.data instanceof Float64Array) || data.shape.join() !== `${info.n},${info.d}`)
      throw new MessageError(message('import.datasetDataShape', { shape: data.shape.join(', '), n: info.n, d: info.d }))
    const out: LoadedDataset = { name: info.name, points: data.data, n: info.n, d: info.d, featureNames: info.featureNames }
    if (info.labelName !== undefined) {
      const labels = await readNpyAny(join(dir, 'labels.npy'))
      if (!(labels.data instanceof Int32Array) || labels.shape.join() !== `${info.n}`)
        throw new MessageError(message('import.datasetLabelsShape', { shape: labels.shape.join(', '), n: info.n }))
      out.labels = labels.data
      if (info.classes) out.classes = info.classes
    }
    return out
  } catch (e) {
    throw new EngineError('io', message('import.datasetUnreadable', { id, detail: detailOf(e, dir) }))
  }
}
