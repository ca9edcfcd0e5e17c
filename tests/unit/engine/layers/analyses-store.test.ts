// The analyses store: a write that fails part-way leaves nothing (no folder, no partial), a complete one
// reads back the same report, projection and labels; ids that are not folder-safe are refused.
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getAnalysis, listAnalyses, saveAnalysis, type AnalysisContent } from '../../../../electron/engine/analysis-store/store'
import { createRng } from '../../../../electron/engine/sampling/random'
import { analyzeLayers } from '../../../../electron/engine/layers/analyze'
import type { LayerData } from '../../../../electron/engine/layers/dumps'
import { fitLayerPca } from '../../../../electron/engine/layers/pca'

let ws: string
let content: AnalysisContent
beforeAll(async () => {
  ws = await mkdtemp(join(tmpdir(), 'nagare-analyses-'))
  const rng = createRng(2)
  const x = Float64Array.from({ length: 60 * 2 }, () => rng.normal())
  const layers: LayerData[] = [
    { name: 'input', n: 60, width: 2, data: x },
    { name: 'double', n: 60, width: 2, data: x.map((v) => 2 * v) }
  ]
  const labels = Int32Array.from({ length: 60 }, (_, i) => i % 2)
  content = {
    name: 'store test',
    source: 'dumps',
    dataset: { kind: 'dumps', n: 60, d: 2 },
    options: { k: 5, seed: 1 },
    files: ['a.npy', 'b.npy'],
    report: analyzeLayers(layers, { k: 5, seed: 1, labels }),
    projection: fitLayerPca(layers, { seed: 1 }),
    labels,
    classes: ['even', 'odd']
  }
})
afterAll(async () => {
  await rm(ws, { recursive: true, force: true })
})

describe('analyses store', () => {
  it('removes everything when a write fails part-way', async () => {
    await expect(
      saveAnalysis(ws, content, {
        beforeFile: (f) => {
          if (f === 'projection.npy') throw new Error('disk full')
        }
      })
    ).rejects.toThrow(/disk full/)
    expect(await readdir(join(ws, 'analyses'))).toEqual([])
    expect(await listAnalyses(ws)).toEqual([])
  })

  it('reads back what it wrote', async () => {
    const id = await saveAnalysis(ws, content)
    const a = await getAnalysis(ws, id)
    expect(a.report.rows.map((r) => r.name)).toEqual(['input', 'double'])
    expect(a.report.rows[1].update).toBeCloseTo(content.report.rows[1].update as number, 12)
    expect(Array.from(a.projection?.data ?? [])).toEqual(Array.from(content.projection.data))
    expect(Array.from(a.projection?.labels ?? [])).toEqual(Array.from(content.labels ?? []))
    expect(a.projection?.classes).toEqual(['even', 'odd'])
    expect(a.record).toMatchObject({ id, n: 60, flagCount: content.report.flags.length, projection: { shape: [2, 60, 3], method: 'covariance' } })
    expect(await listAnalyses(ws)).toMatchObject([{ id, status: 'complete', layerCount: 2 }])
    await expect(getAnalysis(ws, '../etc')).rejects.toThrow(/not an analysis id/)
  })
})
