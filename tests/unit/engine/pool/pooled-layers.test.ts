// A layer analysis with its rows on 2 and 3 pool workers against the same analysis on this thread: the
// reports are exactly equal (the workers run the same row code on the same float64 layers, the seeded
// subsamples, pairs and sliced-W2 directions are drawn once or forked by label, and numbers cross threads
// bit for bit), for several shapes: widths 2 to 64 (k-d tree and distance-matrix kNN, CKA in feature and
// Gram form), subsampled and whole point sets, labels or none, guessed stretches and marked residual blocks.
// Progress still comes once per row in order; a cancel stops the busy workers and the pool serves the next
// analysis; a worker that dies fails the analysis with the crash message.
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CancelledError, EngineError } from '../../../../electron/engine/errors'
import { createJobContext } from '../../../../electron/engine/jobs/context'
import { analyzeLayers, analyzeLayersAsync, type AnalyzeOptions } from '../../../../electron/engine/layers/analyze'
import { layerValuesOf, type LayerData } from '../../../../electron/engine/layers/dumps'
import { WorkerPool } from '../../../../electron/engine/pool/pool'
import { createRng } from '../../../../electron/engine/sampling/random'
import { message } from '../../../../shared/messages'
import { sourcePool } from './source-pool'

let two: WorkerPool
let three: WorkerPool
beforeAll(async () => {
  two = await sourcePool(2)
  three = await sourcePool(3)
})
afterAll(() => Promise.all([two.dispose(), three.dispose()]))

/** A seeded stack: each layer tanh of a random linear map of the one before, plus the identity where the width stays (a residual update). */
function stack(n: number, widths: number[], seed: number): LayerData[] {
  const rng = createRng(seed)
  let prev = Float64Array.from({ length: n * widths[0] }, () => rng.normal())
  const out: LayerData[] = [{ name: 'input', n, width: widths[0], data: prev }]
  for (let l = 1; l < widths.length; l++) {
    const [pw, w] = [widths[l - 1], widths[l]]
    const map = Float64Array.from({ length: pw * w }, () => rng.normal() / Math.sqrt(pw))
    const x = new Float64Array(n * w)
    for (let i = 0; i < n; i++)
      for (let j = 0; j < w; j++) {
        let s = 0
        for (let a = 0; a < pw; a++) s += prev[i * pw + a] * map[a * w + j]
        // some points collapse onto one (merging), the rest move
        x[i * w + j] = i % 17 === 0 && l > 2 ? 0.5 : (pw === w ? prev[i * w + j] : 0) + Math.tanh(s)
      }
    out.push({ name: l === widths.length - 1 ? 'logits' : `dense_${l}`, n, width: w, data: x })
    prev = x
  }
  return out
}

async function both(layers: LayerData[], options: AnalyzeOptions, pool: WorkerPool) {
  const here = analyzeLayers(layers, options)
  const seen: number[] = []
  const pooled = await analyzeLayersAsync(layers, options, (l, count) => void seen.push(l, count), { pool })
  // progress once per row, in order
  expect(seen).toEqual(layers.flatMap((_, l) => [l, layers.length]))
  return { here, pooled }
}

describe('layer analysis rows on the pool', () => {
  const cases: { n: number; widths: number[]; labels: boolean; options: AnalyzeOptions; shared?: boolean }[] = [
    // the whole point set (m = N), k-d tree kNN at width <= 3, a guessed equal-width stretch
    { n: 300, widths: [2, 8, 8, 8, 3], labels: true, options: {} },
    // a subsample for kNN / CKA, fewer pairs and cloud points than N, stretches at widths 16 and 64
    { n: 1_200, widths: [3, 16, 16, 64, 64, 64, 2], labels: false, options: { maxPoints: 400, maxPairs: 5_000, maxCloudPoints: 900 } },
    // marked residual blocks (one starting two rows back), labels
    {
      n: 3_000,
      widths: [5, 32, 32, 32, 32, 10],
      labels: true,
      options: {
        maxPoints: 600,
        residualBlocks: [
          { from: 1, to: 3 },
          { from: 3, to: 4 }
        ]
      }
    },
    // widths above the subsample: CKA through the Gram matrices
    { n: 900, widths: [40, 64, 64, 48, 4], labels: true, options: { maxPoints: 50, k: 5 } }
  ]

  it('equal this thread exactly at 2 and 3 workers', async () => {
    for (const [i, c] of cases.entries()) {
      const plain = stack(c.n, c.widths, 11 + i)
      const layers = c.shared ? plain.map((l) => ({ ...l, data: layerValuesOf(l.data) })) : plain
      if (c.shared) expect(layers[1].data.buffer).toBeInstanceOf(SharedArrayBuffer)
      const labels = c.labels ? Int32Array.from({ length: c.n }, (_, p) => (p * 7) % 3) : undefined
      const options = { ...c.options, ...(labels ? { labels } : {}) }
      for (const pool of [two, three]) {
        const { here, pooled } = await both(layers, options, pool)
        expect(pooled).toStrictEqual(here)
      }
      // the entries the pool finishes on this thread are real numbers, not their placeholders
      const { rows } = analyzeLayers(layers, options)
      expect(rows.slice(2).every((r) => r.ckaToPrevious! > 0 && r.ckaToPrevious! <= 1 + 1e-12 && r.knnFromPrevious! > 0)).toBe(true)
      expect(rows.some((r) => r.mergingNew! > 0)).toBe(true)
      expect(rows.some((r) => r.w2FromPrevious! > 0)).toBe(true)
    }
  })

  it('stops the busy workers on cancel, and the pool serves the next analysis', async () => {
    const layers = stack(6_000, [8, 64, 64, 64, 64, 64, 64, 64], 5)
    const controller = new AbortController()
    const ctx = createJobContext(controller.signal)
    const started = two.started
    const seen: number[] = []
    const job = analyzeLayersAsync(
      layers,
      {},
      async (l) => {
        seen.push(l)
        if (l === 1) controller.abort()
        await ctx.checkpoint()
      },
      { pool: two, checkpoint: () => ctx.checkpoint() }
    )
    await expect(job).rejects.toBeInstanceOf(CancelledError)
    expect(seen).toEqual([0, 1])
    // the workers still busy with later rows were terminated: fresh ones take their places
    const small = stack(400, [3, 16, 16, 8], 6)
    const { here, pooled } = await both(small, {}, two)
    expect(pooled).toStrictEqual(here)
    expect(two.started).toBeGreaterThan(started)
  })

  it('fails with the engine crash message when a worker dies', async () => {
    const crashing = new WorkerPool({
      size: 2,
      script: { path: join(__dirname, 'layers-crash-worker.ts'), execArgv: ['--require', 'tsx/cjs'] },
      workerData: { backend: 'wasm' }
    })
    try {
      const e = await analyzeLayersAsync(stack(500, [4, 16, 16, 16], 3), {}, () => {}, { pool: crashing }).catch((x: unknown) => x)
      expect(e).toBeInstanceOf(EngineError)
      expect((e as EngineError).code).toBe('engine-crashed')
      expect((e as EngineError).msg).toEqual(message('engine.crashed', { reason: message('pool.threadExited', { code: 3 }) }))
    } finally {
      await crashing.dispose()
    }
  })
})
