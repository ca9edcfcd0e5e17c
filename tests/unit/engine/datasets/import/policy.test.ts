// A CSV with a bad column (text among numbers) and missing cells: the preview's statistics and issues,
// and each missing-value policy, checked against values computed by hand from the fixture.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { english, message, stored } from '../../../../../shared/messages'
import { applyMapping } from '../../../../../electron/engine/datasets/import/apply'
import { parseUpload } from '../../../../../electron/engine/datasets/import/parse'
import { previewUpload } from '../../../../../electron/engine/datasets/import/preview'
import { Staging } from '../../../../../electron/engine/datasets/import/staging'
import { summarize, STATS_ROWS } from '../../../../../electron/engine/datasets/import/summary'

// temp,pressure,machine,note / 20.5,1.0,A,ok / 21.5,,B,ok / NA,3.0,A,x / 22.0,4.0,C,fine / 23.0,abc,B,ok
const bytes = readFileSync(join(__dirname, '../../../../fixtures/data/bad-column.csv'))
const table = parseUpload('bad-column.csv', bytes)
const [TEMP, PRESSURE, MACHINE, NOTE] = [0, 1, 2, 3]

describe('preview of a CSV with a bad column', () => {
  const p = previewUpload(new Staging(), 'bad-column.csv', bytes)

  it('summarizes each column', () => {
    expect(p.rows).toBe(5)
    expect(p.format).toBe('csv')
    expect(p.subsampled).toBe(false)
    expect(p.sampledRows).toBe(5)
    const [temp, pressure, machine, note] = p.columns
    expect(temp).toMatchObject({ name: 'temp', numeric: true, missing: 1, nonNumeric: 0, min: 20.5, max: 23, mean: 21.75, distinct: 4 })
    // sample std: squares of (-1.25, -0.25, 0.25, 1.25) sum to 3.25, over n - 1 = 3
    expect(temp.std).toBeCloseTo(Math.sqrt(3.25 / 3), 12)
    expect(pressure).toMatchObject({ numeric: false, missing: 1, nonNumeric: 1, examples: ['abc'], min: 1, max: 4 })
    expect(pressure.mean).toBeCloseTo(8 / 3, 12)
    expect(machine).toMatchObject({ numeric: false, missing: 0, nonNumeric: 5, examples: ['A', 'B', 'C'], distinct: 3 })
    expect(machine.mean).toBeUndefined()
    expect(note.examples).toEqual(['ok', 'x', 'fine'])
    expect(p.head[1]).toEqual(['21.5', '', 'B', 'ok'])
  })

  it('states the issues as Messages whose English says them in plain language', () => {
    // the examples are a Message inside the issue, rendered with it
    expect(p.issues).toContainEqual(
      message('import.issueNotNumeric', { name: 'machine', examples: message('import.examplesMany', { count: 3, list: '"A", "B", "C"' }) })
    )
    const texts = p.issues.map(english)
    expect(texts).toContain(`column 'machine' is not numeric (3 examples: "A", "B", "C"): use it as the label or leave it out`)
    expect(texts).toContain(`column 'pressure' has 1 non-numeric cell (1 example: "abc"): leave the column out, or import with "drop rows" to skip those rows`)
    expect(p.issues.filter((i) => i.key === 'import.issueMissingOne').map(english)).toEqual([
      `column 'temp' has 1 missing cell (empty, NA, NaN or null): choose drop rows, fill with the column mean, or fill with zero`,
      `column 'pressure' has 1 missing cell (empty, NA, NaN or null): choose drop rows, fill with the column mean, or fill with zero`
    ])
    expect(p.token).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
  })
})

describe('missing-value policies', () => {
  it('drop-rows keeps rows 1 and 4 only, with the classes that remain', () => {
    const m = applyMapping(table, { features: [TEMP, PRESSURE], label: MACHINE, missing: 'drop-rows' })
    expect([m.n, m.d]).toEqual([2, 2])
    expect(Array.from(m.points)).toEqual([20.5, 1, 22, 4])
    expect(m.classes).toEqual(['A', 'C'])
    expect(Array.from(m.labels!)).toEqual([0, 1])
    expect(m.featureNames).toEqual(['temp', 'pressure'])
    expect(m.cleaning).toEqual([stored(message('import.droppedRowsMany', { count: '3', kept: '2', total: '5' }))])
    expect(m.cleaning![0].text).toBe('dropped 3 rows with missing or non-numeric values (2 of 5 kept)')
  })

  it('fill-mean and fill-zero fill the missing temperature; text in a chosen column is refused with its row', () => {
    const mean = applyMapping(table, { features: [TEMP], label: MACHINE, missing: 'fill-mean' })
    expect(Array.from(mean.points)).toEqual([20.5, 21.5, 21.75, 22, 23])
    expect(mean.classes).toEqual(['A', 'B', 'C'])
    expect(Array.from(mean.labels!)).toEqual([0, 1, 0, 2, 1])
    expect(mean.cleaning).toEqual([stored(message('import.filledOneMean'))])
    expect(mean.cleaning![0].text).toBe('filled 1 missing cell with the column mean')
    const zero = applyMapping(table, { features: [TEMP], missing: 'fill-zero' })
    expect(Array.from(zero.points)).toEqual([20.5, 21.5, 0, 22, 23])
    expect(zero.labels).toBeUndefined()
    for (const missing of ['fill-mean', 'fill-zero'] as const)
      expect(() => applyMapping(table, { features: [TEMP, PRESSURE], missing })).toThrow(`column 'pressure', row 5: "abc" is not a number`)
  })

  it('refuses an all-text feature, a column chosen twice and a column that does not exist', () => {
    expect(() => applyMapping(table, { features: [NOTE], missing: 'fill-zero' })).toThrow(/column 'note', row 1: "ok" is not a number/)
    expect(() => applyMapping(table, { features: [NOTE], missing: 'drop-rows' })).toThrow("column 'note' has no numbers: leave it out")
    expect(() => applyMapping(table, { features: [TEMP], label: TEMP, missing: 'drop-rows' })).toThrow(/both a feature and the label/)
    expect(() => applyMapping(table, { features: [9], missing: 'drop-rows' })).toThrow(/column 10 does not exist/)
  })

  it('sorts numeric class names numerically and refuses a missing label unless rows are dropped', () => {
    const t = parseUpload('n.csv', new TextEncoder().encode('x,k\n1,10\n2,2\n3,\n4,2.0\n'))
    expect(() => applyMapping(t, { features: [0], label: 1, missing: 'fill-mean' })).toThrow(/label column 'k' is missing at row 3/)
    const m = applyMapping(t, { features: [0], label: 1, missing: 'drop-rows' })
    expect(m.classes).toEqual(['2', '10'])
    expect(Array.from(m.labels!)).toEqual([1, 0, 0])
  })
})

describe('large files', () => {
  it('computes statistics on an even subsample and says so', () => {
    const rows = STATS_ROWS * 2 + 7
    const lines = ['v']
    for (let i = 0; i < rows; i++) lines.push(String(i % 10))
    const t = parseUpload('big.csv', new TextEncoder().encode(lines.join('\n')))
    const s = summarize(t)
    expect(s.subsampled).toBe(true)
    expect(s.sampledRows).toBe(STATS_ROWS)
    expect(s.notice!.key).toBe('import.subsampleNotice')
    expect(english(s.notice!)).toBe(`statistics from 100,000 of 200,007 rows (an even sample); the import uses every row`)
    expect(s.columns[0].distinct).toBe(10)
    expect(applyMapping(t, { features: [0], missing: 'drop-rows' }).n).toBe(rows)
  })
})
