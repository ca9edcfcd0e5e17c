// Turn a staged table into a dataset: the chosen feature columns as float64 [n, d], the optional label
// column as int32 class indices, with the missing-value policy applied. Refusals name the column and row.
import type { MissingPolicy } from '../../../../shared/dataset'
import { type Message, message, stored } from '../../../../shared/messages'
import { EngineError } from '../../errors'
import type { DatasetPoints } from '../store'
import { CELL_MISSING, CELL_NUMBER, CELL_TEXT, textAt, type Column, type Table } from './table'

/** Most classes a label column may have (more is almost surely a continuous column). */
export const MAX_CLASSES = 1000

export interface Mapping {
  features: number[]
  label?: number | null
  missing: MissingPolicy
}

/** the mapped table: a dataset's points, labels and cleaning note */
export type Mapped = DatasetPoints

const refuse = (m: Message): EngineError => new EngineError('invalid-request', m)
const fmt = (n: number): string => n.toLocaleString('en-US')

function checkMapping(table: Table, m: Mapping): void {
  const ncol = table.columns.length
  const seen = new Set<number>()
  for (const f of m.features) {
    if (f >= ncol) throw refuse(message('import.featureColumnMissing', { column: f + 1, count: ncol }))
    if (seen.has(f)) throw refuse(message('import.columnChosenTwice', { name: table.columns[f].name }))
    seen.add(f)
  }
  if (m.label != null) {
    if (m.label >= ncol) throw refuse(message('import.labelColumnMissing', { column: m.label + 1, count: ncol }))
    if (seen.has(m.label)) throw refuse(message('import.columnFeatureAndLabel', { name: table.columns[m.label].name }))
  }
}

/** The label of one row as text (numbers as JavaScript prints them, so 1.0 and 1 are one class). */
const labelText = (c: Column, r: number): string => (c.kind[r] === CELL_NUMBER ? String(c.num[r]) : (textAt(c, r) ?? ''))

function classesOf(col: Column, keep: Uint8Array): string[] {
  const set = new Set<string>()
  for (let r = 0; r < keep.length; r++) {
    if (!keep[r]) continue
    set.add(labelText(col, r))
    if (set.size > MAX_CLASSES) throw refuse(message('import.tooManyClasses', { name: col.name, max: fmt(MAX_CLASSES) }))
  }
  const all = [...set]
  // numeric labels in numeric order (2 before 10), text labels in code-point order: stable across runs
  return all.every((s) => Number.isFinite(Number(s))) ? all.sort((a, b) => Number(a) - Number(b)) : all.sort()
}

export function applyMapping(table: Table, m: Mapping): Mapped {
  checkMapping(table, m)
  const feats = m.features.map((f) => table.columns[f])
  const labelCol = m.label != null ? table.columns[m.label] : undefined
  const keep = new Uint8Array(table.rows).fill(1)
  let dropped = 0
  let filled = 0
  const fills = new Float64Array(feats.length)

  for (let j = 0; j < feats.length; j++) {
    const c = feats[j]
    let count = 0
    let sum = 0
    for (let r = 0; r < table.rows; r++) {
      const k = c.kind[r]
      if (k === CELL_NUMBER) {
        count++
        sum += c.num[r]
      } else if (k === CELL_TEXT && m.missing !== 'drop-rows')
        throw refuse(message('import.cellNotNumber', { name: c.name, row: fmt(r + 1), value: JSON.stringify(textAt(c, r) ?? 'text') }))
    }
    if (count === 0) throw refuse(message('import.columnNoNumbers', { name: c.name }))
    fills[j] = m.missing === 'fill-mean' ? sum / count : 0
  }
  if (labelCol && m.missing !== 'drop-rows') {
    const r = labelCol.kind.indexOf(CELL_MISSING)
    if (r >= 0) throw refuse(message('import.labelMissingAtRow', { name: labelCol.name, row: fmt(r + 1) }))
  }

  if (m.missing === 'drop-rows') {
    for (let r = 0; r < table.rows; r++) {
      const bad = feats.some((c) => c.kind[r] !== CELL_NUMBER) || (labelCol !== undefined && labelCol.kind[r] === CELL_MISSING)
      if (bad) {
        keep[r] = 0
        dropped++
      }
    }
  }
  const n = table.rows - dropped
  if (n === 0) throw refuse(message('import.noRowsLeft'))
  const d = feats.length
  const points = new Float64Array(n * d)
  let i = 0
  for (let r = 0; r < table.rows; r++) {
    if (!keep[r]) continue
    for (let j = 0; j < d; j++) {
      const c = feats[j]
      if (c.kind[r] === CELL_NUMBER) points[i * d + j] = c.num[r]
      else {
        points[i * d + j] = fills[j]
        filled++
      }
    }
    i++
  }

  const out: Mapped = { points, n, d, featureNames: feats.map((c) => c.name) }
  if (labelCol) {
    const classes = classesOf(labelCol, keep)
    const index = new Map(classes.map((c, k) => [c, k]))
    const labels = new Int32Array(n)
    i = 0
    for (let r = 0; r < table.rows; r++) if (keep[r]) labels[i++] = index.get(labelText(labelCol, r))!
    Object.assign(out, { labels, labelName: labelCol.name, classes })
  }
  const notes: Message[] = []
  const kept = { kept: fmt(n), total: fmt(table.rows) }
  if (dropped > 0) notes.push(dropped === 1 ? message('import.droppedRowOne', kept) : message('import.droppedRowsMany', { count: fmt(dropped), ...kept }))
  if (filled > 0) {
    const mean = m.missing === 'fill-mean'
    if (filled === 1) notes.push(message(mean ? 'import.filledOneMean' : 'import.filledOneZero'))
    else notes.push(message(mean ? 'import.filledManyMean' : 'import.filledManyZero', { count: fmt(filled) }))
  }
  if (notes.length) out.cleaning = notes.map(stored)
  return out
}
