// Read an analysis folder (analysis.json + layers.json) as something compareAnalyses takes, for
// `nagare compare-analyses A B`: folders anywhere, not only in a workspace.
import { readFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { AnalysisRecord, LayerReport } from '../../../shared/layers'
import { message, MessageError } from '../../../shared/messages'
import { EngineError } from '../errors'
import type { ComparableAnalysis } from './compare'

async function readJson(path: string): Promise<unknown> {
  return JSON.parse(await readFile(path, 'utf8'))
}

/** The report of an analysis folder, named by its analysis.json (or the folder's name when it has none). */
export async function loadComparable(dir: string): Promise<ComparableAnalysis> {
  let report: LayerReport
  try {
    const r = (await readJson(join(dir, 'layers.json'))) as Partial<LayerReport> | null
    if (!r || typeof r !== 'object' || !Array.isArray(r.rows) || !Array.isArray(r.flags) || typeof r.n !== 'number')
      throw new MessageError(message('shift.compareReportMissing'))
    report = r as LayerReport
  } catch (e) {
    throw new EngineError('invalid-request', message('shift.compareNotAnalysis', { dir, detail: (e as Error).message }))
  }
  const record = (await readJson(join(dir, 'analysis.json')).catch(() => undefined)) as Partial<AnalysisRecord> | undefined
  return {
    ...(typeof record?.id === 'string' ? { id: record.id } : {}),
    name: typeof record?.name === 'string' ? record.name : basename(dir),
    report
  }
}
