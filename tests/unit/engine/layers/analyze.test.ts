// analyzeLayers on synthetic stacks whose answers are known: identity, rotation, a half collapse, a
// residual stretch with one 10x step, a shuffle; plus labels, subsampling and determinism.
import { describe, expect, it } from 'vitest'
import { storedEnglish as en } from '../../../../shared/messages'
import { knnEntropy } from '../../../../electron/engine/metrics/entropy'
import { createRng } from '../../../../electron/engine/sampling/random'
import { EngineError } from '../../../../electron/engine/errors'
import { analyzeLayers, analyzeLayersAsync } from '../../../../electron/engine/layers/analyze'
import type { LayerData } from '../../../../electron/engine/layers/dumps'

const layer = (name: string, width: number, data: Float64Array): LayerData => ({ name, n: data.length / width, width, data })

function randomCloud(n: number, w: number, seed: number): Float64Array {
  const rng = createRng(seed)
  return Float64Array.from({ length: n * w }, () => rng.normal())
}

describe('analyzeLayers', () => {
  it('identity layers: preservation 1, CKA 1, correlation 1, no merging, no motion, no flags', () => {
    const x = randomCloud(300, 5, 1)
    const r = analyzeLayers([0, 1, 2, 3].map((l) => layer(`l${l}`, 5, x)))
    expect(r.flags).toEqual([])
    for (const row of r.rows) {
      expect(row.knnPreservation).toBe(1)
      expect(row.ckaToInput).toBeCloseTo(1, 12)
      expect(row.distanceCorrelation).toBeCloseTo(1, 12)
      expect(row.merging).toBe(0)
      expect(row.entropy).toBeNull()
      expect(en(row.entropyNote!)).toMatch(/width 5 > 3/)
    }
    expect(r.stretches).toEqual([{ from: 0, to: 3, width: 5, h: 1 / 3 }])
    expect(r.rows[2].update).toBe(0)
    expect(r.rows[2].w2FromPrevious).toBe(0)
    expect(r.rows[0].ckaToPrevious).toBeNull()
  })

  it('an orthogonal rotation: CKA 1, preservation 1, distances kept, entropy unchanged (width 3)', () => {
    const n = 400
    const x = randomCloud(n, 3, 2)
    const c = Math.cos(0.7)
    const s = Math.sin(0.7)
    const y = new Float64Array(n * 3)
    for (let i = 0; i < n; i++) {
      y[i * 3] = c * x[i * 3] - s * x[i * 3 + 1]
      y[i * 3 + 1] = s * x[i * 3] + c * x[i * 3 + 1]
      y[i * 3 + 2] = -x[i * 3 + 2]
    }
    const r = analyzeLayers([layer('in', 3, x), layer('rot', 3, y)])
    const row = r.rows[1]
    expect(row.ckaToInput).toBeCloseTo(1, 12)
    expect(row.ckaToPrevious).toBeCloseTo(1, 12)
    expect(row.knnPreservation).toBe(1)
    expect(row.distanceCorrelation).toBeCloseTo(1, 12)
    expect(row.entropy).toBeCloseTo(knnEntropy(x, n, 3, 5).entropy, 9)
    expect(r.rows[0].entropy).toBeCloseTo(knnEntropy(x, n, 3, 5).entropy, 12)
    expect(r.flags).toEqual([])
  })

  it('a layer collapsing half the points onto one: merging flag with the exact fraction C(100,2)/C(200,2)', () => {
    // a 20 x 10 grid (spacing 1): every input pair is distinct; all 19,900 pairs are examined
    const n = 200
    const x = Float64Array.from({ length: 2 * n }, (_, t) => (t % 2 === 0 ? Math.floor(t / 2) % 20 : Math.floor(t / 40)))
    const y = Float64Array.from(x, (v, t) => (t < n ? 100 : v)) // points 0..99 all land on (100, 100)
    const r = analyzeLayers([layer('input', 2, x), layer('squash', 2, y)], { k: 5 })
    expect(r.sampling.pairs).toBe(19_900)
    const expected = 4950 / 19_900
    expect(r.rows[1].merging).toBeCloseTo(expected, 15)
    const merging = r.flags.filter((f) => f.kind === 'merging')
    expect(merging).toHaveLength(1)
    expect(merging[0]).toMatchObject({ layer: 1, name: 'squash', threshold: 0.05 })
    expect(merging[0].value).toBeCloseTo(expected, 15)
    expect(en(merging[0].message)).toBe('layer 1 (squash) merges 25% of point pairs that were distinct at the input (threshold 5%)')
    // no labels: the merging cannot be told across or within classes; remedies in an imported network's terms by default
    expect(merging[0]).toMatchObject({ scope: 'unlabelled', rows: [1], explanation: 'shift.explainMerging' })
    expect(en(merging[0].remedy)).toMatch(/widen the layer, add a skip connection around it, or replace its non-invertible activation/)
    const flow = analyzeLayers([layer('input', 2, x), layer('squash', 2, y)], { k: 5, audience: 'flow' })
    expect(en(flow.flags[0].remedy)).toMatch(/raise the kinetic or Jacobian weight, lower the step size, or add depth/)
  })

  it('a residual stretch with one step 10x its neighbours: the motion flag, velocity read with h = 1/5', () => {
    const n = 150
    const scale = [1, 1, 10, 1, 1]
    const stack = [randomCloud(n, 2, 3)]
    // translations keep every neighbourhood and distance: only the motion is unusual
    for (const c of scale) stack.push(stack[stack.length - 1].map((v, t) => v + c * (t % 2 === 0 ? 0.3 : 0.4)))
    const r = analyzeLayers(stack.map((d, l) => layer(`block${l}`, 2, d)))
    expect(r.stretches).toEqual([{ from: 0, to: 5, width: 2, h: 0.2 }])
    expect(r.rows[3].update).toBeCloseTo(5, 12)
    expect(r.rows[1].update).toBeCloseTo(0.5, 12)
    expect(r.rows[3].velocity).toBeCloseTo(25, 10)
    expect(r.rows[3].kineticEnergy).toBeCloseTo(625, 8)
    expect(r.rows[3].motionRatio).toBeCloseTo(10, 10)
    expect(r.rows[1].motionRatio).toBeCloseTo(1, 10)
    // the sliced W2 of a translation t is sqrt(mean (theta . t)^2): between 0 and |t|
    expect(r.rows[3].w2FromPrevious).toBeGreaterThan(2)
    expect(r.rows[3].w2FromPrevious).toBeLessThanOrEqual(5 + 1e-9)
    expect(r.flags.map((f) => [f.kind, f.layer])).toEqual([['motion', 3]])
    expect(en(r.flags[0].message)).toBe(
      'layer 3 (block3) moves the data 10.0x more than its neighbours in the residual stretch (threshold 3x the median update)'
    )
    expect(en(r.flags[0].remedy)).toMatch(/split it into more blocks/)
    expect(r.stretchSource).toBe('equal-width-guess')
    expect(r.notes!.map(en)).toContain(
      'residual stretches are guessed from runs of equal width (mark them in layers.json as "residual": [[from, to], ...] to be exact)'
    )
  })

  it('a layer that shuffles points keeps few neighbours: the neighbours flag; width changes end a stretch', () => {
    const n = 300
    const x = randomCloud(n, 4, 4)
    const rng = createRng(5)
    const perm = Array.from({ length: n }, (_, i) => i)
    for (let i = n - 1; i > 0; i--) {
      const j = rng.int(i + 1)
      ;[perm[i], perm[j]] = [perm[j], perm[i]]
    }
    const shuffled = new Float64Array(n * 4)
    for (let i = 0; i < n; i++) shuffled.set(x.subarray(perm[i] * 4, perm[i] * 4 + 4), i * 4)
    const wide = Float64Array.from({ length: n * 6 }, (_, t) => (t % 6 < 4 ? shuffled[Math.floor(t / 6) * 4 + (t % 6)] : 0))
    const r = analyzeLayers([layer('in', 4, x), layer('shuffle', 4, shuffled), layer('wide', 6, wide)])
    expect(r.rows[1].knnPreservation).toBeLessThan(0.1)
    expect(r.rows[2].ckaToPrevious).toBeCloseTo(1, 12) // zero padding is an isometric embedding
    expect(r.rows[2].stretch).toBeNull()
    expect(r.rows[2].update).toBeNull()
    const flags = r.flags.filter((f) => f.kind === 'neighbours')
    // the zero padding keeps every neighbour of layer 1: layer 2 only carries layer 1's loss, listed under it
    expect(r.rows[2].knnFromPrevious).toBe(1)
    expect(flags.map((f) => [f.layer, f.inherited, f.rows])).toEqual([[1, [2], [1, 2]]])
    expect(en(flags[0].message)).toMatch(/^layer 1 \(shuffle\) keeps only \d+% of each point's 10 nearest neighbours \(threshold 50%\)$/)
  })

  it('separability with labels grows when a layer pulls the classes apart', () => {
    const n = 200
    const x = randomCloud(n, 2, 6)
    const labels = Int32Array.from({ length: n }, (_, i) => (x[i * 2] > 0 ? 1 : 0))
    const y = x.map((v, t) => (t % 2 === 0 ? v + (v > 0 ? 3 : -3) : v))
    const r = analyzeLayers([layer('in', 2, x), layer('apart', 2, y)], { labels })
    expect(r.rows[1].separability as number).toBeGreaterThan(5 * (r.rows[0].separability as number))
    expect(analyzeLayers([layer('in', 2, x), layer('y', 2, y)]).rows[0].separability).toBeNull()
  })

  it('subsamples large inputs, states it, and is deterministic from the seed', () => {
    const x = randomCloud(600, 5, 7)
    const y = x.map((v, t) => (t % 5 === 0 ? v * v : v))
    const stack = [layer('a', 5, x), layer('b', 5, y)]
    const r = analyzeLayers(stack, { maxPoints: 150, maxPairs: 1000, seed: 3 })
    expect(r.sampling.points).toBe(150)
    expect(r.sampling.pairs).toBe(1000)
    expect(en(r.sampling.note)).toMatch(/seeded subsample of 150 of 600 points \(neighbours exact within the subsample/)
    expect(JSON.stringify(analyzeLayers(stack, { maxPoints: 150, maxPairs: 1000, seed: 3 }))).toBe(JSON.stringify(r))
    expect(analyzeLayers(stack, { maxPoints: 150, maxPairs: 1000, seed: 4 }).rows[1].knnPreservation).not.toBe(r.rows[1].knnPreservation)
  })

  it('refuses mismatched rows, too few layers or points, bad labels', () => {
    const x = randomCloud(10, 2, 8)
    expect(() => analyzeLayers([layer('a', 2, x)])).toThrow(EngineError)
    expect(() => analyzeLayers([layer('a', 2, x), layer('b', 2, x.subarray(0, 18))])).toThrow(/9 rows of width 2, expected 10/)
    expect(() => analyzeLayers([layer('a', 2, x), layer('b', 2, x)], { labels: new Int32Array(3) })).toThrow(/3 labels for 10 points/)
  })

  it('analyzeLayersAsync gives the same report, pausing after every layer', async () => {
    const x = randomCloud(120, 3, 4)
    const layers = [
      layer('a', 3, x),
      layer(
        'b',
        3,
        x.map((v) => v * 1.5)
      ),
      layer(
        'c',
        2,
        x.filter((_, i) => i % 3 !== 2)
      )
    ]
    const seen: [number, number][] = []
    const r = await analyzeLayersAsync(layers, { k: 4, seed: 2 }, (l, count) => void seen.push([l, count]))
    expect(seen).toEqual([
      [0, 3],
      [1, 3],
      [2, 3]
    ])
    expect(r).toEqual(analyzeLayers(layers, { k: 4, seed: 2 }))
    await expect(analyzeLayersAsync(layers, { k: 4 }, () => Promise.reject(new Error('stop')))).rejects.toThrow('stop')
  })
})
