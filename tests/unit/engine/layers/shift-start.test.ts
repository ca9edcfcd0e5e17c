// layers.start with compareData (the GUI's "compare with other data") through the engine service: the
// same TF.js model run on a second built-in dataset; the saved analysis carries the compare projection
// and the per-layer shift, whose input-layer energy distance equals a brute-force U-statistic on the two
// generated point sets. Dumps with compareData are refused at once, leaving the workspace unchanged.
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EngineService, JobEvent } from '../../../../shared/contract'
import { builtinDataset } from '../../../../electron/engine/sampling/builtin-datasets'
import { closeEngineService, openEngineService, waitForJobEnd } from '../service-fixture'
import { buildModel, type SavedModel } from './tfjs-fixture'
import { english } from '../../../../shared/messages'

let ws: string
let service: EngineService
let saved: SavedModel
const events: JobEvent[] = []
beforeAll(async () => {
  ;({ ws, service } = await openEngineService('nagare-shift-start-', events))
  saved = await buildModel()
})
afterAll(async () => {
  await closeEngineService(service, ws)
})

const waitForEnd = (jobId: string): Promise<JobEvent> => waitForJobEnd(events, jobId)
const b64 = (bytes: Uint8Array | string): string => Buffer.from(bytes).toString('base64')
const model = () => [
  { name: 'model.json', content: b64(JSON.stringify(saved.modelJson)) },
  { name: 'weights.bin', content: b64(saved.weights) }
]

/** energy distance 2E|X-Y| - E|X-X'| - E|Y-Y'| with the within-sample means over i != j (U-statistic) */
function bruteEnergy(x: Float64Array, n: number, y: Float64Array, m: number, d: number): number {
  const dist = (a: Float64Array, i: number, b: Float64Array, j: number): number => {
    let s = 0
    for (let k = 0; k < d; k++) s += (a[i * d + k] - b[j * d + k]) ** 2
    return Math.sqrt(s)
  }
  let xy = 0
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) xy += dist(x, i, y, j)
  let xx = 0
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) xx += dist(x, i, x, j)
  let yy = 0
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) if (i !== j) yy += dist(y, i, y, j)
  return (2 * xy) / (n * m) - xx / (n * (n - 1)) - yy / (m * (m - 1))
}

describe('layers.start with compare data', () => {
  it('saves a shift analysis: compare projection, per-layer shift, input energy as brute force', async () => {
    const r = await service.call('layers.start', {
      name: 'moons vs circles',
      source: 'tfjs-model',
      files: model(),
      data: { kind: 'builtin', name: 'moons', n: 120, seed: 2 },
      compareData: { kind: 'builtin', name: 'circles', n: 90, seed: 5 },
      k: 5,
      seed: 4
    })
    if (!r.ok) throw new Error(english(r.error.message))
    const end = await waitForEnd(r.value.jobId)
    if (end.type !== 'done') throw new Error(JSON.stringify(end))
    const files = await readdir(join(ws, 'analyses', end.runId))
    expect(files).toEqual(expect.arrayContaining(['compare-projection.npy', 'shift.json']))
    const got = await service.call('layers.get', { id: end.runId })
    if (!got.ok) throw new Error(english(got.error.message))
    const a = got.value
    expect(a.record.compare).toMatchObject({ dataset: { kind: 'builtin', name: 'circles', n: 90, seed: 5 }, n: 90 })
    expect(a.compareProjection?.shape).toEqual([5, 90, 3])
    expect(a.report.rows.every((row) => typeof row.shift?.energy === 'number')).toBe(true)
    const ref = builtinDataset('moons', 120, 2)
    const cmp = builtinDataset('circles', 90, 5)
    expect(a.report.rows[0].shift?.energy).toBeCloseTo(bruteEnergy(Float64Array.from(ref.points), 120, Float64Array.from(cmp.points), 90, 2), 9)
    expect(a.report.shift?.farthest.length).toBeGreaterThan(0)
  })

  it('refuses compare data for activation dumps, writing nothing', async () => {
    const before = await readdir(join(ws, 'analyses')).catch(() => [])
    const r = await service.call('layers.start', {
      name: 'dumps',
      source: 'dumps',
      files: [{ name: 'a.csv', content: b64('1,2\n3,4\n5,6\n') }],
      compareData: { kind: 'builtin', name: 'moons', n: 3 }
    })
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-request', message: { key: 'shift.compareDataForModel' } } })
    expect(await readdir(join(ws, 'analyses')).catch(() => [])).toEqual(before)
  })
})
