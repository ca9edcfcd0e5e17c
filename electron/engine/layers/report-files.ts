// A layer report's files: layers.json (the whole report) and layers.csv (one row per layer), and the check
// that an output folder is free before any work is done (the analysis store writes them atomically).
import { readdir, stat } from 'node:fs/promises'
import { message } from '../../../shared/messages'
import { EngineError } from '../errors'
import type { LayerReport, LayerRow } from './analyze'

const COLUMNS: (keyof LayerRow)[] = [
  'index',
  'name',
  'width',
  'knnPreservation',
  'distanceCorrelation',
  'ckaToInput',
  'ckaToPrevious',
  'entropy',
  'separability',
  'merging',
  'stretch',
  'update',
  'w2FromPrevious',
  'velocity',
  'kineticEnergy',
  'motionRatio'
]

function cell(v: unknown): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : v > 0 ? 'inf' : v < 0 ? '-inf' : 'nan'
  const s = String(v)
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** a shift analysis's per-row distances, as extra columns */
const SHIFT_COLUMNS = ['energy', 'mmd', 'slicedW2', 'energyCoefficient', 'energyRatio', 'knnRatio'] as const
const shiftHeader = (c: string): string => `shift${c[0].toUpperCase()}${c.slice(1)}`

/** layers.csv: a header of LayerRow field names, then one line per layer; empty cells for null (with compare data, shift* columns too). */
export function reportCsv(report: LayerReport): string {
  const shift = report.shift !== undefined
  const header = [...COLUMNS, ...(shift ? SHIFT_COLUMNS.map(shiftHeader) : [])]
  const line = (r: LayerRow): string => [...COLUMNS.map((c) => cell(r[c])), ...(shift ? SHIFT_COLUMNS.map((c) => cell(r.shift?.[c])) : [])].join(',')
  return [header.join(','), ...report.rows.map(line)].join('\n') + '\n'
}

/** JSON has no Infinity: such ratios become null in layers.json. */
export function reportJson(report: LayerReport): string {
  return JSON.stringify(report, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2) + '\n'
}

/** Refuse a non-empty or non-folder `out` (before any work is done). */
export async function checkReportDir(out: string): Promise<void> {
  const s = await stat(out).catch(() => undefined)
  if (!s) return
  if (!s.isDirectory()) throw new EngineError('invalid-request', message('import.outNotFolder', { path: out }))
  if ((await readdir(out)).length > 0) throw new EngineError('invalid-request', message('import.outNotEmpty', { path: out }))
}
