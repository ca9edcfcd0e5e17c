// The layer report as the analysis page reads it (shared/layers.ts LayerReport, read defensively: an
// analysis written by another version may lack fields), the table's columns, and how each number is
// written: in the locale, null as "—" with the reason it is absent.
import type { LayerFlag, LayerRow } from '@shared/layers'
import { formatPercent } from '@/format'
import { isMessageValue, type StoredText } from '@shared/messages'

export type ReportRow = LayerRow
export type ReportFlag = LayerFlag

export interface ReportView {
  n: number
  layerCount: number
  k: number | null
  rows: ReportRow[]
  flags: ReportFlag[]
  /** a Message with its English, or the English string of a 0.1.0 report */
  samplingNote: StoredText | null
  hasLabels: boolean
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null

/** The report, or null when it does not have rows (a report this page cannot read). */
export function readReport(report: unknown): ReportView | null {
  if (!isObj(report) || !Array.isArray(report.rows)) return null
  const rows = report.rows.filter((r): r is ReportRow => isObj(r) && typeof r.index === 'number' && typeof r.name === 'string')
  const flags = Array.isArray(report.flags) ? report.flags.filter((f): f is ReportFlag => isObj(f) && typeof f.layer === 'number') : []
  const options = isObj(report.options) ? report.options : {}
  const sampling = isObj(report.sampling) ? report.sampling : {}
  return {
    n: typeof report.n === 'number' ? report.n : 0,
    layerCount: rows.length,
    k: typeof options.k === 'number' ? options.k : null,
    rows,
    flags,
    samplingNote: typeof sampling.note === 'string' || isMessageValue(sampling.note) ? (sampling.note as StoredText) : null,
    hasLabels: rows.some((r) => r.separability !== null && r.separability !== undefined)
  }
}

export type ColumnKey =
  | 'knnPreservation'
  | 'distanceCorrelation'
  | 'ckaToInput'
  | 'ckaToPrevious'
  | 'entropy'
  | 'separability'
  | 'merging'
  | 'update'
  | 'w2FromPrevious'
  | 'velocity'
  | 'motionRatio'

export type NumberStyle = 'percent' | 'plain' | 'ratio'

export const COLUMNS: { key: ColumnKey; style: NumberStyle }[] = [
  { key: 'knnPreservation', style: 'percent' },
  { key: 'distanceCorrelation', style: 'plain' },
  { key: 'ckaToInput', style: 'plain' },
  { key: 'ckaToPrevious', style: 'plain' },
  { key: 'entropy', style: 'plain' },
  { key: 'separability', style: 'plain' },
  { key: 'merging', style: 'percent' },
  { key: 'update', style: 'plain' },
  { key: 'w2FromPrevious', style: 'plain' },
  { key: 'velocity', style: 'plain' },
  { key: 'motionRatio', style: 'ratio' }
]

export const DASH = '—'

const plainFormats = new Map<string, Intl.NumberFormat>()
/**
 * The table's own rule: 3 significant digits at every size (12,300, not @/format's whole 12,346) so the
 * narrow columns line up. Intl formatters are costly to build and a table can hold thousands of cells:
 * one per locale.
 */
function plainFormat(locale: string): Intl.NumberFormat {
  let f = plainFormats.get(locale)
  if (!f) {
    f = new Intl.NumberFormat(locale, { maximumSignificantDigits: 3 })
    plainFormats.set(locale, f)
  }
  return f
}

/** A metric in the locale: percentages to 0.1 %, others to 3 significant digits, ratios with ×. */
export function formatValue(v: number | null | undefined, style: NumberStyle, locale: string): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return DASH
  if (style === 'percent') return formatPercent(v, locale)
  const plain = plainFormat(locale).format(v)
  return style === 'ratio' ? `${plain}×` : plain
}

/** Why a cell is empty: a key under analyze.nullReason (with the engine's own note for the entropy). */
export function nullReason(row: ReportRow, key: ColumnKey, hasLabels: boolean): string {
  switch (key) {
    case 'distanceCorrelation':
      return 'constantDistances'
    case 'ckaToPrevious':
      return 'input'
    case 'entropy':
      return 'wide'
    case 'separability':
      return hasLabels ? 'oneClass' : 'noLabels'
    case 'update':
    case 'w2FromPrevious':
    case 'velocity':
      return row.index === 0 ? 'input' : 'widthChanged'
    case 'motionRatio':
      return row.index === 0 ? 'input' : row.update === null ? 'widthChanged' : 'shortStretch'
    default:
      return 'unknown'
  }
}

/** The rows' values of one metric, for a chart (x = layer index); null stays a gap. */
export function metricColumn(rows: readonly ReportRow[], key: ColumnKey): [number[], (number | null)[]] {
  return [rows.map((r) => r.index), rows.map((r) => (typeof r[key] === 'number' && Number.isFinite(r[key]) ? (r[key] as number) : null))]
}
