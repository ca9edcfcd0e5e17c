// shiftByLayer against independent truth: energy distance and MMD^2 against brute-force U-statistics on
// the same points (written out here from the definitions), and hand-built layer stacks where a known layer
// absorbs the shift (it projects the shifted direction out) or makes it grow (it shrinks the directions
// the two data agree on, so the shift is all that is left).
import { describe, expect, it } from 'vitest'
import { storedEnglish } from '../../../../shared/messages'
import { createRng } from '../../../../electron/engine/sampling/random'
import type { LayerData } from '../../../../electron/engine/layers/dumps'
import { shiftByLayer } from '../../../../electron/engine/layers/shift'

function gaussian(n: number, w: number, seed: number, shift: number[] = []): Float64Array {
  const rng = createRng(seed)
  return Float64Array.from({ length: n * w }, (_, i) => rng.normal() + (shift[i % w] ?? 0))
}

const map = (x: Float64Array, w: number, f: (row: number[]) => number[]): { data: Float64Array; width: number } => {
  const rows: number[] = []
  for (let i = 0; i < x.length / w; i++) rows.push(...f(Array.from(x.subarray(i * w, i * w + w))))
  return { data: Float64Array.from(rows), width: rows.length / (x.length / w) }
}

/** the same maps applied to both data: layer 0 is the data */
function stack(x: Float64Array, w: number, maps: ((row: number[]) => number[])[]): LayerData[] {
  const n = x.length / w
  const out: LayerData[] = [{ name: 'input', n, width: w, data: x }]
  maps.forEach((f, l) => {
    const prev = out[out.length - 1]
    const m = map(prev.data, prev.width, f)
    out.push({ name: `layer${l + 1}`, n, width: m.width, data: m.data })
  })
  return out
}

const dist = (a: Float64Array, i: number, b: Float64Array, j: number, w: number): number => {
  let s = 0
  for (let c = 0; c < w; c++) s += (a[i * w + c] - b[j * w + c]) ** 2
  return Math.sqrt(s)
}

function bruteEnergy(x: Float64Array, y: Float64Array, w: number): number {
  const n = x.length / w
  const m = y.length / w
  let xy = 0
  let xx = 0
  let yy = 0
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) xy += dist(x, i, y, j, w)
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) xx += dist(x, i, x, j, w)
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) if (i !== j) yy += dist(y, i, y, j, w)
  return (2 * xy) / (n * m) - xx / (n * (n - 1)) - yy / (m * (m - 1))
}

function bruteMmd(x: Float64Array, y: Float64Array, w: number): number {
  const n = x.length / w
  const m = y.length / w
  const pooled = Float64Array.from([...x, ...y])
  const ds: number[] = []
  for (let i = 0; i < n + m; i++) for (let j = i + 1; j < n + m; j++) ds.push(dist(pooled, i, pooled, j, w))
  ds.sort((a, b) => a - b)
  const sigma = ds[ds.length >> 1]
  const kern = (a: Float64Array, i: number, b: Float64Array, j: number): number => Math.exp(-(dist(a, i, b, j, w) ** 2) / (2 * sigma * sigma))
  let xx = 0
  let yy = 0
  let xy = 0
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) xx += kern(x, i, x, j)
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) if (i !== j) yy += kern(y, i, y, j)
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) xy += kern(x, i, y, j)
  return xx / (n * (n - 1)) + yy / (m * (m - 1)) - (2 * xy) / (n * m)
}

describe('shiftByLayer', () => {
  it('gives the brute-force energy distance and MMD^2 of each layer, and ratios to the input', () => {
    const maps = [(r: number[]) => [Math.tanh(r[0] + r[1]), r[2] * 2, r[0] - r[2]], (r: number[]) => [r[0] * r[1], r[2]]]
    const ref = stack(gaussian(37, 3, 1), 3, maps)
    const cmp = stack(gaussian(41, 3, 2, [0.8, 0, -0.3]), 3, maps)
    const s = shiftByLayer(ref, cmp, { seed: 3 })
    expect(s.summary).toMatchObject({ referencePoints: 37, comparePoints: 41, subsampled: false })
    ref.forEach((layer, l) => {
      const e = bruteEnergy(layer.data, cmp[l].data, layer.width)
      expect(s.rows[l].energy).toBeCloseTo(e, 10)
      expect(s.rows[l].mmd).toBeCloseTo(bruteMmd(layer.data, cmp[l].data, layer.width), 10)
      expect(s.rows[l].energyRatio).toBeCloseTo(e / bruteEnergy(ref[0].data, cmp[0].data, 3), 8)
    })
    expect(s.rows[0].energyRatio).toBe(1)
    // the farthest compare points at the input: distance to their 5th nearest reference point, by brute force
    const kth = (j: number): number => {
      const d = Array.from({ length: 37 }, (_, i) => dist(cmp[0].data, j, ref[0].data, i, 3)).sort((a, b) => a - b)
      return d[4]
    }
    const all = Array.from({ length: 41 }, (_, j) => kth(j))
    const top = s.summary.farthest[0].points
    expect(top).toHaveLength(10)
    for (const p of top) expect(p.distance).toBeCloseTo(all[p.index], 12)
    expect(top[0].distance).toBeCloseTo(Math.max(...all), 12)
  })

  it('finds the layer that projects the shifted direction out (absorbs the shift)', () => {
    const maps = [(r: number[]) => [r[0] + 0.5 * r[1], r[1], r[2]], (r: number[]) => [r[0], r[1]], (r: number[]) => r.map(Math.tanh)]
    const ref = stack(gaussian(300, 3, 4), 3, maps)
    const cmp = stack(gaussian(300, 3, 5, [0, 0, 1.5]), 3, maps)
    const s = shiftByLayer(ref, cmp, { seed: 1 })
    expect(s.summary.absorbedAt).toBe(2)
    expect(s.summary.growsAt).toBeNull()
    expect(s.rows[1].energyCoefficient).toBeGreaterThan(0.05)
    expect(Math.abs(s.rows[2].energyCoefficient)).toBeLessThan(0.01)
    expect(Math.abs(s.rows[3].energyRatio as number)).toBeLessThan(0.1)
  })

  it('finds the layer that makes the shift grow, and the compare samples farthest from the reference', () => {
    const w = 10
    // the shift is along e1 only; layer 2 shrinks the 9 directions both data share, so it is all that is left
    const maps = [(r: number[]) => r.map((v) => 1.2 * v), (r: number[]) => r.map((v, j) => (j === 0 ? v : 0.01 * v)), (r: number[]) => r.map((v) => 3 * v)]
    const ref = stack(gaussian(300, w, 6), w, maps)
    const cmpData = gaussian(300, w, 7, [1])
    // two planted outliers far along e1
    cmpData[17 * w] = 12
    cmpData[230 * w] = -11
    const cmp = stack(cmpData, w, maps)
    const s = shiftByLayer(ref, cmp, { seed: 2 })
    expect(s.summary.growsAt).toBe(2)
    expect(s.summary.absorbedAt).toBeNull()
    expect(s.rows[2].energyCoefficient).toBeGreaterThan(3 * s.rows[1].energyCoefficient)
    // a layer that only rescales leaves the scale-free coefficient alone, while the raw energy scales with it
    expect(s.rows[3].energyCoefficient).toBeCloseTo(s.rows[2].energyCoefficient, 10)
    expect(s.rows[3].energy / s.rows[2].energy).toBeCloseTo(3, 8)
    expect(
      s.summary.farthest[3].points
        .slice(0, 2)
        .map((p) => p.index)
        .sort((a, b) => a - b)
    ).toEqual([17, 230])
  })

  it('takes a stated seeded subsample beyond maxPoints', () => {
    const ref = stack(gaussian(120, 2, 8), 2, [(r) => r])
    const cmp = stack(gaussian(90, 2, 9), 2, [(r) => r])
    const a = shiftByLayer(ref, cmp, { seed: 4, maxPoints: 50 })
    expect(a.summary).toMatchObject({ referencePoints: 50, comparePoints: 50, referenceN: 120, compareN: 90, subsampled: true })
    expect(storedEnglish(a.summary.note)).toMatch(/seeded subsample \(seed 4\) of 50 of 120 reference and 50 of 90 compare points/)
    expect(shiftByLayer(ref, cmp, { seed: 4, maxPoints: 50 })).toEqual(a)
    expect(storedEnglish(shiftByLayer(ref, cmp, { seed: 4 }).summary.note)).toMatch(/all 120 reference and all 90 compare points/)
  })
})
