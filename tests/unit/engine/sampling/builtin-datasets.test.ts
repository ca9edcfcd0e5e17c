// Built-in datasets: shapes, balanced classes, determinism, and each one's geometry checked from its
// definition (points lie near their curve within a few noise standard deviations).
import { describe, expect, it } from 'vitest'
import {
  BLOB_DISTANCE,
  BUILTIN_DATASETS,
  BUILTIN_NOISE,
  builtinDataset,
  S_CURVE_T,
  type BuiltinName
} from '../../../../electron/engine/sampling/builtin-datasets'

const N = 600

function rowsOf(name: BuiltinName, n = N, seed = 1): number[][] {
  const ds = builtinDataset(name, n, seed)
  return Array.from({ length: ds.n }, (_, i) => Array.from(ds.points.subarray(i * ds.d, (i + 1) * ds.d)))
}

/** share of the values within `bound` */
const within = (v: number[], bound: number): number => v.filter((x) => Math.abs(x) <= bound).length / v.length

describe('builtinDataset', () => {
  it('has the listed shape, classes and balanced labels for every name', () => {
    for (const info of BUILTIN_DATASETS) {
      const ds = builtinDataset(info.name, 301, 4)
      expect(ds.n).toBe(301)
      expect(ds.d).toBe(info.dimension)
      expect(ds.points).toHaveLength(301 * info.dimension)
      expect(ds.labels).toHaveLength(301)
      expect(ds.classes).toHaveLength(info.classes)
      const counts = new Array<number>(info.classes).fill(0)
      for (const l of ds.labels) counts[l]++
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1)
      expect(ds.points.every(Number.isFinite)).toBe(true)
    }
  })

  it('is deterministic in the seed and changes with it', () => {
    const a = builtinDataset('spirals', 200, 9)
    const b = builtinDataset('spirals', 200, 9)
    const c = builtinDataset('spirals', 200, 10)
    expect(Array.from(a.points)).toEqual(Array.from(b.points))
    expect(Array.from(a.labels)).toEqual(Array.from(b.labels))
    expect(Array.from(a.points)).not.toEqual(Array.from(c.points))
  })

  it('moons: each point lies near its half circle (residual ~ noise 0.05)', () => {
    const ds = builtinDataset('moons', N, 2)
    const res: number[] = []
    for (let i = 0; i < N; i++) {
      const [x, y] = [ds.points[2 * i], ds.points[2 * i + 1]]
      // upper: unit circle at (0, 0); lower: unit circle at (1, 0.5)
      const [cx, cy] = ds.labels[i] === 0 ? [0, 0] : [1, 0.5]
      res.push(Math.hypot(x - cx, y - cy) - 1)
    }
    const sd = BUILTIN_NOISE.moons
    expect(within(res, 4 * sd)).toBeGreaterThan(0.99)
    const rms = Math.sqrt(res.reduce((s, r) => s + r * r, 0) / N)
    expect(rms).toBeGreaterThan(0.7 * sd)
    expect(rms).toBeLessThan(1.3 * sd)
    // upper moon above its centre, lower moon below its centre (up to noise)
    for (let i = 0; i < N; i++) {
      const y = ds.points[2 * i + 1]
      if (ds.labels[i] === 0) expect(y).toBeGreaterThan(-4 * sd)
      else expect(y).toBeLessThan(0.5 + 4 * sd)
    }
  })

  it('circles: radii 1 and 0.5 by class', () => {
    const ds = builtinDataset('circles', N, 3)
    const res = Array.from({ length: N }, (_, i) => Math.hypot(ds.points[2 * i], ds.points[2 * i + 1]) - (ds.labels[i] === 0 ? 1 : 0.5))
    expect(within(res, 4 * BUILTIN_NOISE.circles)).toBeGreaterThan(0.99)
  })

  /** distance from p to the curve f sampled at 2001 parameter values in [lo, hi] */
  function curveDistance(p: number[], f: (s: number) => number[], lo: number, hi: number): number {
    let best = Infinity
    for (let k = 0; k <= 2000; k++) {
      const q = f(lo + ((hi - lo) * k) / 2000)
      let d2 = 0
      for (let j = 0; j < p.length; j++) d2 += (q[j] - p[j]) ** 2
      if (d2 < best) best = d2
    }
    return Math.sqrt(best)
  }

  it('spirals: near their own spiral (radius s, angle 3 pi s + pi c), farther from the other', () => {
    const rows = rowsOf('spirals', 300, 5)
    const ds = builtinDataset('spirals', 300, 5)
    const spiral = (c: number) => (s: number) => [s * Math.cos(3 * Math.PI * s + Math.PI * c), s * Math.sin(3 * Math.PI * s + Math.PI * c)]
    const own = rows.map((p, i) => curveDistance(p, spiral(ds.labels[i]), 0.1, 1))
    const other = rows.map((p, i) => curveDistance(p, spiral(1 - ds.labels[i]), 0.1, 1))
    expect(within(own, 4 * BUILTIN_NOISE.spirals)).toBeGreaterThan(0.99)
    expect(own.filter((d, i) => d < other[i]).length / own.length).toBeGreaterThan(0.9)
  })

  it('helix-pair: near its own helix (angle 2 pi (z + 1) + pi c on the unit cylinder)', () => {
    const rows = rowsOf('helix-pair', 300, 6)
    const ds = builtinDataset('helix-pair', 300, 6)
    const helix = (c: number) => (h: number) => [Math.cos(2 * Math.PI * (h + 1) + Math.PI * c), Math.sin(2 * Math.PI * (h + 1) + Math.PI * c), h]
    const own = rows.map((p, i) => curveDistance(p, helix(ds.labels[i]), -1, 1))
    const other = rows.map((p, i) => curveDistance(p, helix(1 - ds.labels[i]), -1, 1))
    expect(within(own, 5 * BUILTIN_NOISE['helix-pair'])).toBeGreaterThan(0.99)
    expect(own.filter((d, i) => d < other[i]).length / own.length).toBeGreaterThan(0.98)
  })

  it('s-curve: near the surface x = sin t, z = sign(t)(cos t - 1); bands ordered along t', () => {
    const ds = builtinDataset('s-curve', N, 7)
    const meanT = [0, 0, 0]
    const count = [0, 0, 0]
    for (let i = 0; i < N; i++) {
      const [x, y, z] = ds.points.subarray(3 * i, 3 * i + 3)
      expect(y).toBeGreaterThan(-0.3)
      expect(y).toBeLessThan(2.3)
      // invert the definition: t >= 0 has z = cos t - 1 <= 0, t < 0 has z = 1 - cos t >= 0
      let t: number
      if (z <= 0) {
        t = Math.atan2(x, 1 + z)
        if (t < -Math.PI / 2) t += 2 * Math.PI
      } else {
        t = Math.atan2(x, 1 - z)
        if (t > Math.PI / 2) t -= 2 * Math.PI
      }
      expect(Math.abs(t)).toBeLessThan(S_CURVE_T + 0.5)
      meanT[ds.labels[i]] += t
      count[ds.labels[i]]++
    }
    const m = meanT.map((v, c) => v / count[c])
    // band centres at t = -pi, 0, pi
    expect(m[0]).toBeLessThan(-2)
    expect(Math.abs(m[1])).toBeLessThan(0.5)
    expect(m[2]).toBeGreaterThan(2)
  })

  it('gaussian-blobs: class means at distance 2 on the axes, std 0.5', () => {
    const ds = builtinDataset('gaussian-blobs', 3000, 8)
    for (let c = 0; c < 3; c++) {
      const sum = [0, 0, 0]
      const sq = [0, 0, 0]
      let m = 0
      for (let i = 0; i < ds.n; i++) {
        if (ds.labels[i] !== c) continue
        m++
        for (let j = 0; j < 3; j++) {
          sum[j] += ds.points[3 * i + j]
          sq[j] += ds.points[3 * i + j] ** 2
        }
      }
      for (let j = 0; j < 3; j++) {
        const mean = sum[j] / m
        expect(mean).toBeCloseTo(j === c ? BLOB_DISTANCE : 0, 1)
        expect(Math.sqrt(sq[j] / m - mean * mean)).toBeCloseTo(BUILTIN_NOISE['gaussian-blobs'], 1)
      }
    }
  })

  it('refuses an unknown name or a bad n', () => {
    expect(() => builtinDataset('swiss' as BuiltinName, 10, 0)).toThrow(/unknown built-in dataset/)
    expect(() => builtinDataset('moons', 0, 0)).toThrow(/positive integer/)
  })
})
