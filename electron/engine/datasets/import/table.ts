// The in-memory form of an uploaded file: column-major cells (number / missing / text), built row by row
// so a large CSV never exists as an array of row arrays. Shared by the text and NumPy readers.
import { EngineError } from '../../errors'
import type { DataFormat } from '../../../../shared/dataset'
import { message } from '../../../../shared/messages'

export const CELL_NUMBER = 0
export const CELL_MISSING = 1
export const CELL_TEXT = 2

/** Rows read from one file (the documented row cap; larger files must be split or subsampled first). */
export const MAX_ROWS = 5_000_000
/** Columns read from one file (the contract allows up to 4,096 features). */
export const MAX_COLUMNS = 4096
/** Rows shown in the preview table. */
export const HEAD_ROWS = 20

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/
/** Spellings of a missing value (case-insensitive, after trimming). */
const MISSING = new Set(['', 'na', 'n/a', 'nan', 'null', 'none', '#n/a'])

/** Distinct texts remembered per column (labels need at most MAX_CLASSES; the rest is only for messages). */
export const MAX_TEXTS = 10_000

export interface Column {
  name: string
  /** CELL_NUMBER, CELL_MISSING or CELL_TEXT per row */
  kind: Uint8Array
  /** number cells: the value; text cells: the index into `texts` (-1 past MAX_TEXTS); missing: NaN */
  num: Float64Array
  /** the distinct texts of the column's text cells, in order of appearance */
  texts: string[]
}

/** The text of a text cell (undefined for other cells, or past MAX_TEXTS distinct texts). */
export function textAt(c: Column, r: number): string | undefined {
  return c.kind[r] === CELL_TEXT && c.num[r] >= 0 ? c.texts[c.num[r]] : undefined
}

export interface Table {
  format: DataFormat
  rows: number
  columns: Column[]
  /** the first HEAD_ROWS rows as text */
  head: string[][]
  /** the column the file marks as labels (an .npz labels array) */
  labelColumn?: number
  /** rows that had fewer fields than the header (padded with missing cells) */
  shortRows?: number
}

/** Classify one cell: a finite number, a missing value, or text (1e999 and 'inf' are text: not usable). */
export function classify(raw: string): { kind: number; value: number } {
  const kind = classifyFast(raw)
  return { kind, value: kind === CELL_NUMBER ? lastValue : NaN }
}

let lastValue = NaN
/** classify without allocating (hot loop of large files): the number is left in `lastValue`. */
function classifyFast(raw: string): number {
  const s = raw.length > 0 && (raw.charCodeAt(0) <= 32 || raw.charCodeAt(raw.length - 1) <= 32) ? raw.trim() : raw
  if (s.length <= 4 && MISSING.has(s.toLowerCase())) return CELL_MISSING
  if (NUMBER.test(s)) {
    lastValue = Number(s)
    if (Number.isFinite(lastValue)) return CELL_NUMBER
  }
  return CELL_TEXT
}

/** Accumulates rows into growing typed arrays. */
export class TableBuilder {
  private capacity = 1024
  private kinds: Uint8Array[]
  private nums: Float64Array[]
  private texts: string[][]
  private textIndex: Map<string, number>[]
  rows = 0
  readonly head: string[][] = []

  constructor(
    readonly format: DataFormat,
    readonly names: string[],
    private readonly maxRows: number = MAX_ROWS
  ) {
    if (names.length > MAX_COLUMNS) throw new EngineError('budget', message('import.tooManyColumns', { count: names.length, max: MAX_COLUMNS }))
    this.kinds = names.map(() => new Uint8Array(this.capacity))
    this.nums = names.map(() => new Float64Array(this.capacity))
    this.texts = names.map(() => [])
    this.textIndex = names.map(() => new Map())
  }

  private grow(): void {
    this.capacity *= 2
    this.kinds = this.kinds.map((a) => {
      const b = new Uint8Array(this.capacity)
      b.set(a)
      return b
    })
    this.nums = this.nums.map((a) => {
      const b = new Float64Array(this.capacity)
      b.set(a)
      return b
    })
  }

  private next(): number {
    if (this.rows >= this.maxRows) throw new EngineError('budget', message('import.tooManyRows', { max: this.maxRows.toLocaleString('en-US') }))
    if (this.rows === this.capacity) this.grow()
    return this.rows++
  }

  /** A row of text cells (CSV/TSV); `cells.length` must equal the column count. */
  addText(cells: readonly string[]): void {
    const r = this.next()
    for (let c = 0; c < cells.length; c++) {
      const kind = classifyFast(cells[c])
      this.kinds[c][r] = kind
      this.nums[c][r] = kind === CELL_NUMBER ? lastValue : kind === CELL_TEXT ? this.textCode(c, cells[c].trim()) : NaN
    }
    if (this.head.length < HEAD_ROWS) this.head.push(cells.map((s) => s.trim()))
  }

  private textCode(c: number, text: string): number {
    const index = this.textIndex[c]
    let code = index.get(text)
    if (code === undefined) {
      if (this.texts[c].length >= MAX_TEXTS) return -1
      code = this.texts[c].length
      this.texts[c].push(text)
      index.set(text, code)
    }
    return code
  }

  /** A row of numbers (NPY/NPZ); NaN counts as missing, infinities as text. `show` formats the preview text. */
  addNumbers(values: ArrayLike<number>, show: (v: number) => string = String): void {
    const r = this.next()
    for (let c = 0; c < values.length; c++) {
      const v = values[c]
      const kind = Number.isFinite(v) ? CELL_NUMBER : Number.isNaN(v) ? CELL_MISSING : CELL_TEXT
      this.kinds[c][r] = kind
      this.nums[c][r] = kind === CELL_NUMBER ? v : kind === CELL_TEXT ? this.textCode(c, String(v)) : NaN
    }
    if (this.head.length < HEAD_ROWS) this.head.push(Array.from(values, show))
  }

  build(): Table {
    if (this.rows === 0) throw new EngineError('invalid-request', message('import.noDataRows'))
    const columns = this.names.map((name, c) => ({
      name,
      kind: this.kinds[c].slice(0, this.rows),
      num: this.nums[c].slice(0, this.rows),
      texts: this.texts[c]
    }))
    return { format: this.format, rows: this.rows, columns, head: this.head }
  }
}

/** Column names: blanks become "column N", duplicates get " (2)", " (3)". */
export function uniqueNames(raw: readonly string[]): string[] {
  const seen = new Map<string, number>()
  return raw.map((r, i) => {
    const base = r.trim() || `column ${i + 1}`
    const k = (seen.get(base) ?? 0) + 1
    seen.set(base, k)
    return k === 1 ? base : `${base} (${k})`
  })
}
