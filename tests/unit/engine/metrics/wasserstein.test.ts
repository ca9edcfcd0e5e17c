import { describe, expect, it } from 'vitest'
import { Float32Sorter } from '../../../../electron/engine/metrics/sort'
import { slicedW2, wasserstein1d, wassersteinPowSorted } from '../../../../electron/engine/metrics/wasserstein'
import { gaussianCloud, testRng } from './test-rng'

describe('exact 1-D Wasserstein', () => {
  it('matches hand-computed values for equal and unequal sizes', () => {
    // equal sizes: monotone pairing (1,2),(2,4),(3,6) regardless of input order
    expect(wasserstein1d([3, 1, 2], [6, 2, 4], 2)).toBeCloseTo(Math.sqrt((1 + 4 + 9) / 3), 12)
    expect(wasserstein1d([3, 1, 2], [6, 2, 4], 1)).toBeCloseTo(2, 12)
    // {0, 1} vs {0, 0.5, 1}: quantiles on (0,1/3),(1/3,1/2),(1/2,2/3),(2/3,1) are (0,0),(0,.5),(1,.5),(1,1)
    expect(wassersteinPowSorted([0, 1], [0, 0.5, 1], 2)).toBeCloseTo((1 / 6) * 0.25 + (1 / 6) * 0.25, 12)
    expect(wassersteinPowSorted([0, 1], [0, 0.5, 1], 1)).toBeCloseTo((1 / 6) * 0.5 * 2, 12)
    // a point mass against a sample: W1 is the mean absolute deviation
    expect(wasserstein1d([0], [-1, 1, 2, -2], 1)).toBeCloseTo(1.5, 12)
  })

  it('N(0,1) vs N(1,4) samples approach the closed form W2 = sqrt((m1-m2)^2 + (s1-s2)^2) = sqrt(2)', () => {
    const a = gaussianCloud(40_000, [0], [1], 1)
    const b = gaussianCloud(40_000, [1], [4], 2)
    expect(wasserstein1d(a, b, 2)).toBeCloseTo(Math.SQRT2, 1)
    expect(Math.abs(wasserstein1d(a, b, 2) - Math.SQRT2)).toBeLessThan(0.03)
    // unequal sizes go through the quantile walk
    const c = gaussianCloud(30_001, [1], [4], 3)
    expect(Math.abs(wasserstein1d(a, c, 2) - Math.SQRT2)).toBeLessThan(0.03)
    // W1 between N(0,1) and N(1,4): integral |F^-1 - G^-1| = E|1 + Z| for Z ~ N(0,1)
    const e1 = (2 * Math.exp(-0.5)) / Math.sqrt(2 * Math.PI) + (1 - 2 * normalCdf(-1))
    expect(Math.abs(wasserstein1d(a, c, 1) - e1)).toBeLessThan(0.03)
  })

  it('unequal sizes equal the equal-size value when one sample is the other repeated', () => {
    const a = Array.from(gaussianCloud(500, [0], [1], 4))
    const b = Array.from(gaussianCloud(500, [0.3], [2], 5))
    const bb = [...b, ...b, ...b]
    expect(wasserstein1d(a, bb, 2)).toBeCloseTo(wasserstein1d(a, b, 2), 10)
  })

  it('radix sort agrees with TypedArray.sort, negatives, zeros and infinities included', () => {
    const x = gaussianCloud(10_000, [0], [100], 6)
    x[3] = -0
    x[4] = 0
    x[5] = Infinity
    x[6] = -Infinity
    const expected = Float32Array.from(x).sort()
    const sorter = new Float32Sorter()
    const got = sorter.sort(x)
    expect(Array.from(got)).toEqual(Array.from(expected))
    // in place, on a view that starts inside its buffer (the metrics sort columns and projections so)
    const host = new Float32Array(x.length + 7)
    const view = host.subarray(7)
    view.set(x)
    expect(sorter.sort(view, view)).toBe(view)
    expect(Array.from(view)).toEqual(Array.from(expected))
    expect(Array.from(host.subarray(0, 7))).toEqual([0, 0, 0, 0, 0, 0, 0])
  })

  it('sorts a column of a row-major cloud in place as the copied column sorts, radix and comparison sizes alike', () => {
    const sorter = new Float32Sorter()
    for (const [n, d] of [
      [50_000, 3],
      [9_001, 2],
      [1_000, 3],
      [6_000, 1]
    ]) {
      const rng = testRng(n + d)
      // a view inside a larger (shared, as the pooled transport's) buffer, as the metrics read a depth's cloud
      const host = new Float32Array(new SharedArrayBuffer((n * d + 5) * 4))
      const x = host.subarray(5)
      for (let i = 0; i < n * d; i++) x[i] = (rng.normal() * 3) ** 3
      const before = x.slice()
      for (let k = 0; k < d; k++) {
        const expected = Float32Array.from({ length: n }, (_, i) => x[i * d + k]).sort()
        const out = new Float32Array(n)
        expect(sorter.sortColumn(x, n, d, k, out)).toBe(out)
        expect(out).toStrictEqual(expected)
      }
      expect(x).toStrictEqual(before)
    }
    expect(() => sorter.sortColumn(new Float32Array(6), 3, 2, 2, new Float32Array(3))).toThrow()
  })
})

function normalCdf(z: number): number {
  // Abramowitz-Stegun 7.1.26 erf, accurate to 1.5e-7
  const t = 1 / (1 + 0.3275911 * Math.abs(z / Math.SQRT2))
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-(z * z) / 2)
  return 0.5 * (1 + Math.sign(z) * y)
}

describe('per-axis and sliced W2', () => {
  it('sliced W2 of a shifted cloud is |shift| sqrt(1/D) for isotropic directions', () => {
    for (const d of [2, 3]) {
      const n = 1_000
      const x = gaussianCloud(n, Array(d).fill(0), Array(d).fill(1), 8 + d)
      const shift = d === 2 ? [3, 4] : [2, -1, 2]
      const norm = Math.hypot(...shift)
      const y = x.map((v, i) => v + shift[i % d])
      // a pure shift: each 1-D W2^2 is (u . shift)^2, whose mean over isotropic u is |shift|^2 / D
      const many = slicedW2(x, n, y, n, d, testRng(100 + d), 1_000)
      expect(many).toBeGreaterThan((0.95 * norm) / Math.sqrt(d))
      expect(many).toBeLessThan((1.05 * norm) / Math.sqrt(d))
      // the default 64 directions: within statistical tolerance (std of the mean of (u.s)^2 over 64 draws)
      const dflt = slicedW2(x, n, y, n, d, testRng(200 + d))
      expect(Math.abs(dflt - norm / Math.sqrt(d)) / (norm / Math.sqrt(d))).toBeLessThan(0.2)
    }
  })

  it('sliced W2 in 1-D is the exact W2 and is zero between a cloud and itself', () => {
    const x = gaussianCloud(3_000, [0], [1], 11)
    const y = gaussianCloud(2_000, [1], [4], 12)
    expect(slicedW2(x, 3_000, y, 2_000, 1, testRng(1), 8)).toBeCloseTo(wasserstein1d(x, y), 5)
    expect(slicedW2(x, 3_000, x, 3_000, 1, testRng(1))).toBe(0)
  })

  it('is reproducible for a seed', () => {
    const x = gaussianCloud(2_000, [0, 0], [1, 1], 13)
    const y = gaussianCloud(2_000, [0.2, 0], [2, 1], 14)
    expect(slicedW2(x, 2_000, y, 2_000, 2, testRng(5))).toBe(slicedW2(x, 2_000, y, 2_000, 2, testRng(5)))
  })
})
