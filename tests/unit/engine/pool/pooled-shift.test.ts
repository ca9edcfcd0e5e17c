// The shift of a layer analysis with its layers on 2 and 3 pool workers against shiftByLayer on this
// thread: exactly equal (the same per-layer code on the same subsamples, generators forked by label), for
// whole and subsampled clouds; and the whole step analyzeAndProject (rows, shift, PCA) with a pool equals
// it without, its progress included. A cancel while the shift runs stops it with the cancel error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CancelledError } from '../../../../electron/engine/errors'
import { createJobContext } from '../../../../electron/engine/jobs/context'
import type { LayerData } from '../../../../electron/engine/layers/dumps'
import { analyzeAndProject } from '../../../../electron/engine/layers/pipeline'
import { pooledShift } from '../../../../electron/engine/layers/pooled-shift'
import { shiftByLayer } from '../../../../electron/engine/layers/shift'
import type { WorkerPool } from '../../../../electron/engine/pool/pool'
import { createRng } from '../../../../electron/engine/sampling/random'
import { english } from '../../../../shared/messages'
import { sourcePool } from './source-pool'

let two: WorkerPool
let three: WorkerPool
beforeAll(async () => {
  two = await sourcePool(2)
  three = await sourcePool(3)
})
afterAll(() => Promise.all([two.dispose(), three.dispose()]))

/** A seeded stack on data shifted by `offset`: tanh feature maps of the input, the same maps for every offset. */
function stack(n: number, widths: number[], offset: number, seed: number): LayerData[] {
  const maps = createRng(99)
  const rng = createRng(seed)
  let prev = Float64Array.from({ length: n * widths[0] }, (_, i) => rng.normal() + (i % widths[0] === 0 ? offset : 0))
  const out: LayerData[] = [{ name: 'input', n, width: widths[0], data: prev }]
  for (let l = 1; l < widths.length; l++) {
    const [pw, w] = [widths[l - 1], widths[l]]
    const map = Float64Array.from({ length: pw * w }, () => maps.normal() / Math.sqrt(pw))
    const x = new Float64Array(n * w)
    for (let i = 0; i < n; i++)
      for (let j = 0; j < w; j++) {
        let s = 0
        for (let a = 0; a < pw; a++) s += prev[i * pw + a] * map[a * w + j]
        x[i * w + j] = Math.tanh(s)
      }
    out.push({ name: `dense_${l}`, n, width: w, data: x })
    prev = x
  }
  return out
}

describe('layer shift on the pool', () => {
  it('equals shiftByLayer exactly at 2 and 3 workers, whole and subsampled clouds', async () => {
    for (const [n, nc, maxPoints] of [
      [300, 250, 2000],
      [1_500, 900, 400]
    ]) {
      const widths = [3, 16, 32, 8]
      const ref = stack(n, widths, 0, 1)
      const cmp = stack(nc, widths, 1.5, 2)
      const here = shiftByLayer(ref, cmp, { seed: 4, maxPoints })
      for (const pool of [two, three]) expect(await pooledShift(ref, cmp, { seed: 4, maxPoints }, pool)).toStrictEqual(here)
      // a shift there is to measure: the compare data sit 1.5 away along the first axis
      expect(here.rows[0].energy).toBeGreaterThan(0.1)
      expect(here.summary.farthest[0].points).toHaveLength(10)
    }
  })

  it('analyzeAndProject with a pool equals it without: report, shift, projections and progress', async () => {
    const widths = [4, 24, 24, 24, 6]
    const layers = stack(1_200, widths, 0, 5)
    const compare = stack(800, widths, 1, 6)
    const labels = Int32Array.from({ length: 1_200 }, (_, i) => i % 4)
    const run = async (pool: WorkerPool | null) => {
      const said: string[] = []
      const done = await analyzeAndProject(
        layers,
        { k: 8, seed: 3, labels, compare, pool },
        { progress: (f, m) => void said.push(`${f} ${m ? english(m) : ''}`) }
      )
      return { ...done, said }
    }
    const here = await run(null)
    expect(await run(two)).toStrictEqual(here)
    expect(here.report.shift?.referencePoints).toBe(1_200)
  })

  it('a cancel while the shift runs rejects with the cancel error, and the pool serves the next shift', async () => {
    const widths = [8, 64, 64, 64, 64, 64]
    const ref = stack(3_000, widths, 0, 7)
    const cmp = stack(3_000, widths, 1, 8)
    const controller = new AbortController()
    const ctx = createJobContext(controller.signal)
    setTimeout(() => controller.abort(), 300)
    await expect(pooledShift(ref, cmp, {}, two, () => ctx.checkpoint())).rejects.toBeInstanceOf(CancelledError)
    const small = [stack(200, [2, 8], 0, 1), stack(200, [2, 8], 1, 2)] as const
    expect(await pooledShift(...small, {}, two)).toStrictEqual(shiftByLayer(...small, {}))
  })
})
