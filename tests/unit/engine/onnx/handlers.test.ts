// models.inspect and layers.start with source 'onnx' through the engine service: an uploaded .onnx run
// on a workspace dataset as a job (rows equal PyTorch's activations), and bad input refused at once with
// the workspace unchanged.
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EngineService, JobEvent } from '../../../../shared/contract'
import { saveDataset } from '../../../../electron/engine/datasets/store'
import { closeEngineService, openEngineService, waitForJobEnd } from '../service-fixture'
import { loadFixture } from './onnx-fixtures'
import { english, message } from '../../../../shared/messages'

let ws: string
let service: EngineService
const events: JobEvent[] = []
beforeAll(async () => {
  ;({ ws, service } = await openEngineService('nagare-onnx-handlers-', events))
})
afterAll(async () => {
  await closeEngineService(service, ws)
})

const upload = (name: string, bytes: Uint8Array) => ({ name, content: Buffer.from(bytes).toString('base64') })
const waitForEnd = (jobId: string): Promise<JobEvent> => waitForJobEnd(events, jobId)

describe('ONNX through the engine service', () => {
  it('inspects an upload and runs an analysis job on a workspace dataset', async () => {
    const f = loadFixture('mlp')
    const ins = await service.call('models.inspect', upload('mlp.onnx', f.bytes))
    if (!ins.ok) throw new Error(english(ins.error.message))
    expect(ins.value.defaultLayers).toEqual(['/act1/Relu_output_0', '/act2/Tanh_output_0', 'logits'])
    const points = Float64Array.from(f.x.data)
    const info = await saveDataset(ws, {
      name: 'x',
      fileName: 'x.csv',
      format: 'csv',
      original: new TextEncoder().encode('x'),
      points,
      n: 64,
      d: 4,
      featureNames: ['a', 'b', 'c', 'd']
    })
    const r = await service.call('layers.start', {
      name: 'mlp',
      source: 'onnx',
      files: [upload('mlp.onnx', f.bytes)],
      data: { kind: 'dataset', id: info.id },
      k: 5,
      onnx: { layers: ['/fc2/Gemm_output_0', '/act1/Relu_output_0'] }
    })
    if (!r.ok) throw new Error(english(r.error.message))
    const end = await waitForEnd(r.value.jobId)
    if (end.type !== 'done') throw new Error(JSON.stringify(end))
    const got = await service.call('layers.get', { id: end.runId })
    if (!got.ok) throw new Error(english(got.error.message))
    expect(got.value.source).toBe('onnx')
    expect(got.value.report.rows.map((x) => [x.name, x.width])).toEqual([
      ['input', 4],
      ['/act1/Relu_output_0', 16],
      ['/fc2/Gemm_output_0', 16]
    ])
    expect(got.value.record.model?.layerNames).toEqual(['/act1/Relu_output_0', '/fc2/Gemm_output_0'])
  })

  it('refuses at once: wrong data shape, an operator the runtime lacks, two files', async () => {
    const f = loadFixture('rescnn')
    const moons = { kind: 'builtin' as const, name: 'moons', n: 30 }
    const custom = new Uint8Array((await import('node:fs')).readFileSync(join(__dirname, '../../../fixtures/onnx/custom-op.onnx')))
    const cases: [unknown, object][] = [
      [
        { name: 'a', source: 'onnx', files: [upload('r.onnx', f.bytes)], data: moons },
        message('onnx.dataShape', { data: '2', name: 'input', model: '3, 6, 6', full: 'batch, 3, 6, 6' })
      ],
      [
        { name: 'b', source: 'onnx', files: [upload('c.onnx', custom)], data: moons },
        { key: 'onnx.unsupportedOperator', params: { file: 'c.onnx' } }
      ],
      [{ name: 'c', source: 'onnx', files: [upload('r.onnx', f.bytes), upload('s.onnx', f.bytes)], data: moons }, { key: 'imgui.onnxOneFile' }]
    ]
    const before = await readdir(join(ws, 'analyses')).catch(() => [])
    for (const [req, expected] of cases) {
      const r = await service.call('layers.start', req as never)
      expect(r.ok).toBe(false)
      if (!r.ok) {
        expect(r.error.code).toBe('invalid-request')
        expect(r.error.message).toMatchObject(expected)
      }
    }
    expect(await readdir(join(ws, 'analyses')).catch(() => [])).toEqual(before)
  })
})
