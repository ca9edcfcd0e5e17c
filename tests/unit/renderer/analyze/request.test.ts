// @vitest-environment happy-dom
// Building layers.start: every file's bytes as base64 (checked against Node's own encoder; the encoder
// itself is tested in tests/unit/shared/base64.test.ts), names kept, labels renamed for the engine, data
// only for a model, and the request accepted by the contract's own schema.
import { describe, expect, it } from 'vitest'
import { METHODS } from '@shared/contract'
import { buildStartRequest, checkData, checkOptions, type DataDraft } from '@/components/analyze/request'

const bytes = (n: number, seed: number): Uint8Array<ArrayBuffer> => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed * 7) % 256)
const file = (name: string, b: Uint8Array<ArrayBuffer>): File => new File([b], name)
const BUILTIN: DataDraft = { kind: 'builtin', builtin: 'spirals', n: 500, seed: 3, datasetId: null }

describe('layers.start request', () => {
  it('dumps: files in order with their names, the labels file sent as labels.<ext>, no data', async () => {
    const a = bytes(70_000, 1)
    const b = bytes(10, 2)
    const y = bytes(8, 3)
    const req = await buildStartRequest({
      name: '  my dumps ',
      source: 'dumps',
      files: [file('layer_1.npy', a), file('layer_2.csv', b), file('labels.npy', bytes(4, 9))],
      labels: file('classes.npy', y),
      data: BUILTIN,
      k: 5,
      seed: 11
    })
    expect(req).toEqual({
      name: 'my dumps',
      source: 'dumps',
      files: [
        { name: 'layer_1.npy', content: Buffer.from(a).toString('base64') },
        { name: 'layer_2.csv', content: Buffer.from(b).toString('base64') },
        { name: 'labels.npy', content: Buffer.from(y).toString('base64') }
      ],
      k: 5,
      seed: 11
    })
    expect(METHODS['layers.start'].safeParse(req).success).toBe(true)
  })

  it('model: the built-in data choice with its points and seed; an imported dataset by id', async () => {
    const files = [file('model.json', Uint8Array.from(new TextEncoder().encode('{"modelTopology":{}}'))), file('w.bin', bytes(16, 4))]
    const req = await buildStartRequest({ name: 'm', source: 'tfjs-model', files, labels: null, data: BUILTIN, k: null, seed: null })
    expect(req.data).toEqual({ kind: 'builtin', name: 'spirals', n: 500, seed: 3 })
    expect(req.files.map((x) => x.name)).toEqual(['model.json', 'w.bin'])
    expect('k' in req || 'seed' in req).toBe(false)
    expect(METHODS['layers.start'].safeParse(req).success).toBe(true)
    const ds = await buildStartRequest({
      name: 'm',
      source: 'tfjs-model',
      files,
      labels: null,
      data: { ...BUILTIN, kind: 'dataset', datasetId: 'ds-1' },
      k: 10,
      seed: 0
    })
    expect(ds.data).toEqual({ kind: 'dataset', id: 'ds-1' })
  })

  it('checks the data and options as typed', () => {
    expect(checkData(BUILTIN)).toEqual([])
    expect(checkData({ ...BUILTIN, n: 1 }).map((p) => p.key)).toEqual(['points'])
    expect(checkData({ ...BUILTIN, n: 2.5, seed: -1 }).map((p) => p.key)).toEqual(['points', 'seed'])
    expect(checkData({ ...BUILTIN, kind: 'dataset' }).map((p) => p.key)).toEqual(['noDataset'])
    expect(checkOptions('x', 10, 7)).toEqual([])
    expect(checkOptions('  ', 0, 1.5).map((p) => p.key)).toEqual(['nameEmpty', 'k', 'seed'])
    expect(checkOptions('a'.repeat(121), 101, null).map((p) => p.key)).toEqual(['nameLong', 'k'])
  })
})
