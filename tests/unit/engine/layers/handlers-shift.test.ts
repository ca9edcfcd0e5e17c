// Shift analyses and comparisons through the engine service: layers.start with compare data (a TF.js model
// on two built-in draws, dumps with compare files), layers.get returning both clouds in one projection,
// layers.compare pairing two saved analyses; mismatched compare dumps refused at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EngineService, JobEvent } from '../../../../shared/contract'
import { closeEngineService, openEngineService, waitForJobEnd } from '../service-fixture'
import { buildModel, type SavedModel } from './tfjs-fixture'
import { english } from '../../../../shared/messages'

let ws: string
let service: EngineService
let saved: SavedModel
const events: JobEvent[] = []

beforeAll(async () => {
  ;({ ws, service } = await openEngineService('nagare-shift-handlers-', events))
  saved = await buildModel()
})
afterAll(async () => {
  await closeEngineService(service, ws)
})

const waitForEnd = (jobId: string): Promise<JobEvent> => waitForJobEnd(events, jobId)

const b64 = (bytes: Uint8Array | string): string => Buffer.from(bytes).toString('base64')
const modelUploads = () => [
  { name: 'model.json', content: b64(JSON.stringify(saved.modelJson)) },
  { name: 'weights.bin', content: b64(saved.weights) }
]
const csv = (rows: number[][]): string => b64(rows.map((r) => r.join(',')).join('\n') + '\n')

async function started(request: unknown): Promise<string> {
  const r = await service.call('layers.start', request as never)
  if (!r.ok) throw new Error(english(r.error.message))
  const end = await waitForEnd(r.value.jobId)
  if (end.type !== 'done') throw new Error(JSON.stringify(end))
  return end.runId
}

describe('shift analyses through the contract', () => {
  it('runs a model on reference and compare data, returns both projections, and compares two analyses', async () => {
    const id = await started({
      name: 'shifted',
      source: 'tfjs-model',
      files: modelUploads(),
      data: { kind: 'builtin', name: 'moons', n: 40 },
      compareData: { kind: 'builtin', name: 'circles', n: 30 },
      seed: 2
    })
    const got = await service.call('layers.get', { id })
    if (!got.ok) throw new Error(english(got.error.message))
    const a = got.value
    expect(a.record.compare).toMatchObject({ dataset: { kind: 'builtin', name: 'circles', n: 30, seed: 3 }, n: 30, labels: true })
    expect(a.compareProjection?.shape).toEqual([5, 30, 3])
    expect(a.compareProjection?.labels).toHaveLength(30)
    expect(a.report.rows.every((r) => r.shift && Number.isFinite(r.shift.energy))).toBe(true)
    expect(a.report.shift).toMatchObject({ referencePoints: 40, comparePoints: 30, subsampled: false })

    const plain = await started({ name: 'plain', source: 'tfjs-model', files: modelUploads(), data: { kind: 'builtin', name: 'moons', n: 40 }, seed: 2 })
    const c = await service.call('layers.compare', { a: plain, b: id })
    if (!c.ok) throw new Error(english(c.error.message))
    expect(c.value.matchedBy).toBe('name')
    expect(c.value.a).toMatchObject({ id: plain, name: 'plain', layerCount: 5 })
    // the same model on the same reference data: every reference metric agrees, only b has shift numbers
    for (const l of c.value.layers) {
      expect(l.metrics.ckaToInput.diff).toBe(0)
      expect(l.metrics.shiftEnergy.a).toBeNull()
      expect(l.metrics.shiftEnergy.b).toBe(a.report.rows[l.b?.index as number].shift?.energy)
    }
  })

  it('takes compare dumps of the same layers, and refuses others at once', async () => {
    const rows = (n: number, s: number): number[][] => Array.from({ length: n }, (_, i) => [Math.sin(i + s), Math.cos(2 * i + s)])
    const dumps = (s: number, n: number, wide = false) => [
      { name: 'a.csv', content: csv(rows(n, s)) },
      { name: 'b.csv', content: csv(rows(n, s).map((r) => (wide ? [...r, 0] : r.map((v) => 2 * v)))) }
    ]
    const id = await started({ name: 'dumps', source: 'dumps', files: dumps(0, 20), compareFiles: dumps(1, 15) })
    const got = await service.call('layers.get', { id })
    if (!got.ok) throw new Error(english(got.error.message))
    expect(got.value.compareProjection?.shape).toEqual([2, 15, 3])
    const bad = await service.call('layers.start', { name: 'bad', source: 'dumps', files: dumps(0, 20), compareFiles: dumps(1, 15, true) } as never)
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(bad.error.message).toMatchObject({ key: 'shift.compareLayerWidth', params: { width: 3, expected: 2 } })
    const wrong = await service.call('layers.start', {
      name: 'w',
      source: 'dumps',
      files: dumps(0, 20),
      compareData: { kind: 'builtin', name: 'moons', n: 20 }
    } as never)
    expect(wrong.ok).toBe(false)
    if (!wrong.ok) expect(wrong.error.message.key).toBe('shift.compareDataForModel')
  })
})
