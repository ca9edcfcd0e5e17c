// "Your data" on the store: the view's column summary against numbers computed here by the textbook
// two-pass formulas, the first rows as written, rename (id kept, unknown fields kept, loadDataset still
// reads it), trash and restore through datasets/.trash (nothing deleted; list and load follow).
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dataHandlers } from '../../../../electron/engine/handlers/data'
import type { HandlerContext } from '../../../../electron/engine/handlers/types'
import { listDatasets, loadDataset, saveDataset } from '../../../../electron/engine/datasets/store'

let ws: string
beforeEach(async () => {
  ws = await mkdtemp(join(tmpdir(), 'nagare-dsman-'))
})
afterEach(() => rm(ws, { recursive: true, force: true }))

const A = [0.5, -1.25, 3, 7.125, 2, 2, -0.75, 10, 4.5, 1e-3, 6, -2, 3.3, 0, 8, 1.75, -5, 2.5, 9, 0.25, 1, 1.5, 3.75, -3, 4]
const B = A.map((x, i) => x * x - i)
const LABELS = A.map((_, i) => (i % 5 === 0 ? 1 : 0))

async function stored(): Promise<string> {
  const info = await saveDataset(ws, {
    name: 'Squares',
    fileName: 'sq.csv',
    format: 'csv',
    original: new Uint8Array([0]),
    points: Float64Array.from(A.flatMap((a, i) => [a, B[i]])),
    n: A.length,
    d: 2,
    featureNames: ['a', 'b'],
    labels: Int32Array.from(LABELS),
    labelName: 'kind',
    classes: ['plain', 'fifth']
  })
  return info.id
}

const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length
const std = (xs: number[]): number => Math.sqrt(xs.reduce((s, x) => s + (x - mean(xs)) ** 2, 0) / (xs.length - 1))

describe('dataset view, rename and trash', () => {
  it('summarises every column over all rows and shows the first 20 rows with class names', async () => {
    const id = await stored()
    const h = dataHandlers({ workspace: ws } as HandlerContext)
    const v = await h['data.get']({ id })
    expect(v.info.name).toBe('Squares')
    expect(v.columns.map((c) => c.name)).toEqual(['a', 'b', 'kind'])
    for (const [j, xs] of [A, B].entries()) {
      const c = v.columns[j]
      expect(c.min).toBe(Math.min(...xs))
      expect(c.max).toBe(Math.max(...xs))
      expect(c.mean).toBeCloseTo(mean(xs), 12)
      expect(c.std).toBeCloseTo(std(xs), 12)
    }
    expect(v.columns[2]).toMatchObject({ numeric: false, distinct: 2 })
    expect(v.classCounts).toEqual([20, 5])
    expect(v.head).toHaveLength(20)
    expect(v.head[0]).toEqual(['0.5', '0.25', 'fifth'])
    // cells at 6 significant digits: 1e-6 - 9 = -8.999999 reads -9
    expect(v.head[9]).toEqual(['0.001', '-9', 'plain'])
  })

  it('renames in place: the id stays, loading still works, unknown fields survive', async () => {
    const id = await stored()
    const file = join(ws, 'datasets', id, 'dataset.json')
    await writeFile(file, JSON.stringify({ ...JSON.parse(await readFile(file, 'utf8')), future: 1 }))
    const h = dataHandlers({ workspace: ws } as HandlerContext)
    const info = await h['data.update']({ id, name: 'Renamed' })
    expect(info).toMatchObject({ id, name: 'Renamed' })
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ id, name: 'Renamed', future: 1 })
    expect((await listDatasets(ws)).map((d) => d.name)).toEqual(['Renamed'])
    expect((await loadDataset(ws, id)).name).toBe('Renamed')
    await expect(h['data.update']({ id: 'missing-1', name: 'x' })).rejects.toMatchObject({ code: 'not-found' })
  })

  it('trash moves the folder whole, restore brings it back; neither deletes', async () => {
    const id = await stored()
    const before = (await readdir(join(ws, 'datasets', id))).sort()
    const h = dataHandlers({ workspace: ws } as HandlerContext)
    expect(await h['data.trash']({ id })).toEqual({ id })
    expect(await listDatasets(ws)).toEqual([])
    expect((await readdir(join(ws, 'datasets', '.trash', id))).sort()).toEqual(before)
    await expect(loadDataset(ws, id)).rejects.toMatchObject({ code: 'not-found' })
    await expect(h['data.trash']({ id })).rejects.toMatchObject({ code: 'not-found' })
    const back = await h['data.restore']({ id })
    expect(back).toMatchObject({ id, name: 'Squares' })
    expect((await readdir(join(ws, 'datasets', id))).sort()).toEqual(before)
    expect((await loadDataset(ws, id)).n).toBe(A.length)
    await expect(h['data.restore']({ id })).rejects.toMatchObject({ code: 'not-found' })
    // a trashed copy never overwrites a dataset of the same id
    await h['data.trash']({ id })
    await h['data.restore']({ id })
    await h['data.trash']({ id })
    await rm(join(ws, 'datasets', id), { recursive: true, force: true })
    await stored().then(() => undefined)
    expect(await readdir(join(ws, 'datasets', '.trash'))).toEqual([id])
  })
})
