// The user's side of saved layer analyses, the same as for runs and through the same code: name and tags
// in <analysis>/user.json (analysis.json stays as written), and the recoverable trash in
// <workspace>/analyses/.trash (moved there and back by runs/trash.ts; nothing here deletes an analysis).
import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { LayerAnalysisSummary } from '../../../shared/layers'
import { message } from '../../../shared/messages'
import { EngineError } from '../errors'
import { diskError } from '../runs/disk-errors'
import { isRunId } from '../runs/ids'
import { readTrashed, restoreRun, TRASH_DIR, trashRun } from '../runs/trash'
import { updateUserMeta, type UserMeta } from '../runs/user-meta'
import { analysesRoot, summarizeAnalysis } from './store'

const isDir = (p: string): Promise<boolean> =>
  stat(p).then(
    (s) => s.isDirectory(),
    () => false
  )

/** The folder of an analysis id: refused unless it is a plain id, so no request reaches outside analyses/. */
function dirOf(workspace: string, id: string, ...within: string[]): string {
  if (!isRunId(id)) throw new EngineError('invalid-request', message('import.analysisBadId', { id: JSON.stringify(id).slice(0, 140) }))
  return join(analysesRoot(workspace), ...within, id)
}

async function existing(workspace: string, id: string): Promise<string> {
  const dir = dirOf(workspace, id)
  if (!(await isDir(dir))) throw new EngineError('not-found', message('import.analysisNotFound', { id }))
  return dir
}

/** Rename and/or retag an analysis; returns its summary as the history lists it. */
export async function updateAnalysis(workspace: string, id: string, patch: UserMeta): Promise<LayerAnalysisSummary> {
  const dir = await existing(workspace, id)
  try {
    await updateUserMeta(dir, patch)
  } catch (e) {
    throw diskError(e) ?? new EngineError('io', message('anagui.analysisNotWritable', { id, detail: (e as Error).message }))
  }
  return (await summarizeAnalysis(dir, id)) as LayerAnalysisSummary
}

/** Move an analysis to the trash (recoverable). */
export async function trashAnalysis(workspace: string, id: string): Promise<void> {
  await existing(workspace, id)
  if (await isDir(dirOf(workspace, id, TRASH_DIR))) throw new EngineError('busy', message('anagui.trashHoldsAnalysis', { id }))
  await trashRun(analysesRoot(workspace), id)
}

/** Bring an analysis back from the trash; refused (and left in the trash) when its id is taken again. */
export async function restoreAnalysis(workspace: string, id: string): Promise<void> {
  if (!(await isDir(dirOf(workspace, id, TRASH_DIR)))) throw new EngineError('not-found', message('anagui.noAnalysisInTrash', { id }))
  if (await isDir(dirOf(workspace, id))) throw new EngineError('busy', message('anagui.restoreAnalysisTaken', { id }))
  await restoreRun(analysesRoot(workspace), id)
}

/** The analyses in the trash, most recently trashed first. */
export async function listAnalysisTrash(workspace: string): Promise<LayerAnalysisSummary[]> {
  const parent = join(analysesRoot(workspace), TRASH_DIR)
  const names = await readdir(parent).catch(() => [] as string[])
  const out: LayerAnalysisSummary[] = []
  for (const id of names) {
    if (!isRunId(id)) continue
    const dir = join(parent, id)
    const s = await summarizeAnalysis(dir, id)
    if (s) out.push({ ...s, trashedAt: (await readTrashed(dir)).trashedAt })
  }
  return out.sort((a, b) => ((a.trashedAt ?? '') < (b.trashedAt ?? '') ? 1 : (a.trashedAt ?? '') > (b.trashedAt ?? '') ? -1 : 0))
}
