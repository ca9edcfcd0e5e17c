// CSV/TSV reading: header detection, quoted fields, CRLF, BOM, sniffed delimiters, Shift_JIS, ragged rows.
import { describe, expect, it } from 'vitest'
import { parseUpload } from '../../../../../electron/engine/datasets/import/parse'
import { CELL_MISSING, CELL_NUMBER, CELL_TEXT, MAX_COLUMNS, TableBuilder, textAt, type Table } from '../../../../../electron/engine/datasets/import/table'
import { EngineError } from '../../../../../electron/engine/errors'

const enc = (s: string): Uint8Array => new TextEncoder().encode(s)
const col = (t: Table, name: string) => t.columns.find((c) => c.name === name)!

describe('CSV and TSV', () => {
  it('reads a header, quoted fields with commas and quotes, CRLF and a UTF-8 BOM', () => {
    const text = '\ufeffx,y,"machine, line"\r\n1.5,-2,"A, ""north"""\r\n3,4e2,B\r\n'
    const t = parseUpload('m.csv', enc(text))
    expect(t.format).toBe('csv')
    expect(t.rows).toBe(2)
    expect(t.columns.map((c) => c.name)).toEqual(['x', 'y', 'machine, line'])
    expect(Array.from(col(t, 'x').num)).toEqual([1.5, 3])
    expect(Array.from(col(t, 'y').num)).toEqual([-2, 400])
    expect(textAt(col(t, 'machine, line'), 0)).toBe('A, "north"')
    expect(t.head).toEqual([
      ['1.5', '-2', 'A, "north"'],
      ['3', '4e2', 'B']
    ])
  })

  it('takes a first row with numbers as data, naming the columns', () => {
    const t = parseUpload('plain.csv', enc('1,2\n3,4\n'))
    expect(t.rows).toBe(2)
    expect(t.columns.map((c) => c.name)).toEqual(['column 1', 'column 2'])
  })

  it('does not take a data row with a text label for a header', () => {
    const t = parseUpload('lab.csv', enc('1,2,A\n3,4,B\n'))
    expect(t.rows).toBe(2)
    expect(Array.from(t.columns[2].kind)).toEqual([CELL_TEXT, CELL_TEXT])
  })

  it('reads TSV by extension, and sniffs tabs and semicolons in a .csv', () => {
    const tsv = parseUpload('a.tsv', enc('a\tb\n1\t2\n'))
    expect(tsv.format).toBe('tsv')
    expect(Array.from(tsv.columns[1].num)).toEqual([2])
    const sniffedTab = parseUpload('a.csv', enc('a\tb\n1\t2\n5\t6\n'))
    expect(sniffedTab.format).toBe('tsv')
    expect(Array.from(sniffedTab.columns[0].num)).toEqual([1, 5])
    const semi = parseUpload('eu.csv', enc('a;b\n1;2\n3;4\n'))
    expect(Array.from(semi.columns[1].num)).toEqual([2, 4])
  })

  it('classifies empty, NA, NaN and null as missing, text and 1e999 as non-numeric', () => {
    const t = parseUpload('m.csv', enc('v,w\n1,\n\nNA,2\nNaN,2\nnull,2\nabc,2\n1e999,2\n'))
    // blank lines are skipped; an empty field is a missing cell
    expect(Array.from(t.columns[0].kind)).toEqual([CELL_NUMBER, CELL_MISSING, CELL_MISSING, CELL_MISSING, CELL_TEXT, CELL_TEXT])
    expect(t.columns[1].kind[0]).toBe(CELL_MISSING)
  })

  it('decodes Shift_JIS (Japanese Excel) and dedupes header names', () => {
    // "温度,温度,ラベル" then "1,2,あ" in Shift_JIS
    const sjis = Uint8Array.from([
      0x89, 0xb7, 0x93, 0x78, 0x2c, 0x89, 0xb7, 0x93, 0x78, 0x2c, 0x83, 0x89, 0x83, 0x78, 0x83, 0x8b, 0x0a, 0x31, 0x2c, 0x32, 0x2c, 0x82, 0xa0, 0x0a
    ])
    const t = parseUpload('jp.csv', sjis)
    expect(t.columns.map((c) => c.name)).toEqual(['温度', '温度 (2)', 'ラベル'])
    expect(textAt(t.columns[2], 0)).toBe('あ')
  })

  it('pads short rows with missing cells and refuses rows with extra values', () => {
    const t = parseUpload('s.csv', enc('a,b,c\n1,2,3\n4,5\n'))
    expect(t.shortRows).toBe(1)
    expect(t.columns[2].kind[1]).toBe(CELL_MISSING)
    expect(() => parseUpload('x.csv', enc('a,b\n1,2\n3,4,5\n'))).toThrow(/line 3 has 3 fields, but the file has 2 columns/)
    // a trailing delimiter is harmless
    expect(parseUpload('t.csv', enc('a,b\n1,2,\n')).rows).toBe(1)
  })

  it('refuses an unclosed quote, a header-only file and binary bytes with a reason', () => {
    expect(() => parseUpload('q.csv', enc('a,b\n1,"2\n3,4\n'))).toThrow(/quoted field is never closed/)
    expect(() => parseUpload('h.csv', enc('a,b\n'))).toThrow(/no data rows/)
    expect(() => parseUpload('b.csv', Uint8Array.from([0x31, 0, 0x32]))).toThrow(/binary/)
    expect(() => parseUpload('e.csv', new Uint8Array(0))).toThrow(EngineError)
  })

  it('refuses more rows or columns than the caps, naming the cap', () => {
    const b = new TableBuilder('csv', ['a'], 3)
    for (let i = 0; i < 3; i++) b.addText([String(i)])
    expect(() => b.addText(['3'])).toThrow('the file has more than 3 rows, the most one import reads: split it or keep a sample')
    const wide = Array.from({ length: MAX_COLUMNS + 1 }, (_, i) => `c${i}`).join(',')
    expect(() => parseUpload('w.csv', new TextEncoder().encode(`${wide}\n${wide.replace(/c/g, '')}\n`))).toThrow(
      `the file has ${MAX_COLUMNS + 1} columns; at most ${MAX_COLUMNS} can be imported`
    )
  })
})
