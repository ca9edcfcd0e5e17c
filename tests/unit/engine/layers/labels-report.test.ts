// Labels (NumPy int64 .npy, CSV with names or a header) and the layers.csv a report is written as.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRng } from '../../../../electron/engine/sampling/random'
import { analyzeLayers } from '../../../../electron/engine/layers/analyze'
import { loadLabelInfo, parseLabelsCsvInfo } from '../../../../electron/engine/layers/labels'
import { reportCsv } from '../../../../electron/engine/layers/report-files'

const FIX = resolve(__dirname, '../../../fixtures/layers')
let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nagare-labels-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('labels', () => {
  it('reads NumPy int64 labels (i mod 3) as class ids', async () => {
    const l = (await loadLabelInfo(join(FIX, 'dumps', 'labels.npy'))).labels
    expect(Array.from(l)).toEqual(Array.from({ length: 40 }, (_, i) => i % 3))
  })

  it('CSV: class indices kept as given; names (or other numbers) as ids by first appearance, with the mapping', () => {
    expect(Array.from(parseLabelsCsvInfo('class\n7\n3\n7\n', 'l.csv').labels)).toEqual([7, 3, 7])
    expect(parseLabelsCsvInfo('class\n7\n3\n7\n', 'l.csv').mapping).toBe('kept')
    expect(Array.from(parseLabelsCsvInfo('cat,0.1\ndog,0.2\n# note\n\ncat,0.3\n', 'l.csv').labels)).toEqual([0, 1, 0])
    expect(parseLabelsCsvInfo('cat,0.1\ndog,0.2\ncat,0.3\n', 'l.csv')).toMatchObject({ mapping: 'mapped', classes: ['cat', 'dog'] })
    expect(parseLabelsCsvInfo('-1\n1\n-1\n', 'l.csv')).toMatchObject({ labels: Int32Array.from([0, 1, 0]), mapping: 'mapped', classes: ['-1', '1'] })
    expect(() => parseLabelsCsvInfo('\n# only a comment\n', 'l.csv').labels).toThrow(/l\.csv: no labels/)
  })

  it('refuses a truncated int64 file and a 2-D array', async () => {
    const buf = await readFile(join(FIX, 'dumps', 'labels.npy'))
    await writeFile(join(dir, 'short.npy'), buf.subarray(0, buf.length - 8))
    await expect(loadLabelInfo(join(dir, 'short.npy'))).rejects.toThrow(/short\.npy: truncated/)
    await expect(loadLabelInfo(join(FIX, 'dumps', 'layer_1.npy'))).rejects.toThrow(/labels must have shape \[N\] or \[N, 1\], got \[40, 2\]/)
  })
})

describe('report files', () => {
  const rng = createRng(1)
  const x = Float64Array.from({ length: 60 }, () => rng.normal())
  const report = analyzeLayers([
    { name: 'in', n: 30, width: 2, data: x },
    { name: 'out, "quoted"', n: 30, width: 2, data: x.map((v) => 2 * v) }
  ])

  it('layers.csv: a header and one line per layer, names quoted, null as empty', () => {
    const lines = reportCsv(report).trimEnd().split('\n')
    expect(lines).toHaveLength(3)
    expect(lines[0]).toMatch(/^index,name,width,knnPreservation,distanceCorrelation,ckaToInput,ckaToPrevious,entropy,separability,merging,/)
    expect(lines[2]).toMatch(/^1,"out, ""quoted""",2,1,1,/)
    expect(lines[1].split(',')[6]).toBe('') // ckaToPrevious of the input
  })
})
