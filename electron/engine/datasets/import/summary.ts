// The preview of a staged table: per-column statistics (on an even subsample of a large file, said so in
// plain words), the first rows, and the problems a user must decide about before importing.
import type { ColumnSummary } from '../../../../shared/dataset'
import { message, type Message } from '../../../../shared/messages'
import { CELL_MISSING, CELL_NUMBER, CELL_TEXT, textAt, type Column, type Table } from './table'

/** Rows statistics are computed on; larger files are subsampled evenly. */
export const STATS_ROWS = 100_000
/** A column with at most this many distinct values reports the count (a candidate label). */
export const DISTINCT_MAX = 20

const fmt = (n: number): string => n.toLocaleString('en-US')

/** Row indices used for statistics: all rows, or STATS_ROWS spread evenly over the file. */
export function sampleRows(rows: number): Int32Array {
  const m = Math.min(rows, STATS_ROWS)
  return Int32Array.from({ length: m }, (_, i) => Math.floor((i * rows) / m))
}

export function summarizeColumn(col: Column, index: number, rows: Int32Array): ColumnSummary {
  let missing = 0
  let nonNumeric = 0
  let count = 0
  let sum = 0
  let min = Infinity
  let max = -Infinity
  const examples: string[] = []
  const distinct = new Set<string>()
  for (const r of rows) {
    const k = col.kind[r]
    if (k === CELL_MISSING) missing++
    else if (k === CELL_TEXT) {
      nonNumeric++
      const t = textAt(col, r) ?? ''
      if (examples.length < 3 && !examples.includes(t)) examples.push(t)
      if (distinct.size <= DISTINCT_MAX) distinct.add(`t:${t}`)
    } else {
      const v = col.num[r]
      count++
      sum += v
      if (v < min) min = v
      if (v > max) max = v
      if (distinct.size <= DISTINCT_MAX) distinct.add(`n:${v}`)
    }
  }
  const s: ColumnSummary = { index, name: col.name, numeric: nonNumeric === 0 && count > 0, missing, nonNumeric, examples }
  if (count > 0) {
    const mean = sum / count
    let ss = 0
    for (const r of rows) if (col.kind[r] === CELL_NUMBER) ss += (col.num[r] - mean) ** 2
    Object.assign(s, { min, max, mean, std: count > 1 ? Math.sqrt(ss / (count - 1)) : 0 })
  }
  if (distinct.size <= DISTINCT_MAX) s.distinct = distinct.size
  return s
}

/** Plain-language problems, one per column at fault (and file-level ones). */
/** `sampled`: rows the summaries counted (all, or the subsample). */
export function describeIssues(columns: readonly ColumnSummary[], sampled: number, shortRows = 0): Message[] {
  const issues: Message[] = []
  const quote = (xs: readonly string[]): string => xs.map((x) => JSON.stringify(x)).join(', ')
  for (const c of columns) {
    const name = c.name
    const examples =
      c.examples.length === 1
        ? message('import.examplesOne', { list: quote(c.examples) })
        : message('import.examplesMany', { count: c.examples.length, list: quote(c.examples) })
    if (c.nonNumeric > 0 && c.nonNumeric + c.missing === sampled) issues.push(message('import.issueNotNumeric', { name, examples }))
    else if (c.nonNumeric === 1) issues.push(message('import.issueNonNumericOne', { name, examples }))
    else if (c.nonNumeric > 0) issues.push(message('import.issueNonNumericMany', { name, count: fmt(c.nonNumeric), examples }))
    if (c.missing > 0 && c.missing < sampled)
      issues.push(c.missing === 1 ? message('import.issueMissingOne', { name }) : message('import.issueMissingMany', { name, count: fmt(c.missing) }))
    else if (c.missing > 0) issues.push(message('import.issueColumnEmpty', { name }))
  }
  if (shortRows) issues.push(shortRows === 1 ? message('import.issueShortRowOne') : message('import.issueShortRowsMany', { count: fmt(shortRows) }))
  if (!columns.some((c) => c.numeric)) issues.push(message('import.issueNoNumericColumn'))
  return issues
}

export function summarize(table: Table): { columns: ColumnSummary[]; issues: Message[]; subsampled: boolean; sampledRows: number; notice?: Message } {
  const rows = sampleRows(table.rows)
  const columns = table.columns.map((c, i) => summarizeColumn(c, i, rows))
  const subsampled = rows.length < table.rows
  return {
    columns,
    issues: describeIssues(columns, rows.length, table.shortRows),
    subsampled,
    sampledRows: rows.length,
    ...(subsampled ? { notice: message('import.subsampleNotice', { sampled: fmt(rows.length), rows: fmt(table.rows) }) } : {})
  }
}
