// MMD: the estimator against a brute-force O(n^2) reference written from the definition, the median
// heuristic against a sorted list of all pair distances, ~0 for one distribution, positive for a shift.
import { describe, expect, it } from 'vitest'
import { medianBandwidth, mmd, mmdSquared } from '../../../../../electron/engine/metrics/mmd'
import { selectKth } from '../../../../../electron/engine/metrics/sort'
import { gaussianCloud, testRng } from '../test-rng'

function point(c: Float32Array, i: number, d: number): number[] {
  return Array.from(c.subarray(i * d, i * d + d))
}

/** Unbiased MMD^2 straight from Gretton et al. (2012), eq. 3, by explicit double loops. */
function bruteMmd2(x: number[][], y: number[][], sigma: number): number {
  const k = (p: number[], q: number[]): number => Math.exp(-p.reduce((s, v, i) => s + (v - q[i]) ** 2, 0) / (2 * sigma * sigma))
  let xx = 0
  let yy = 0
  let xy = 0
  for (let i = 0; i < x.length; i++) for (let j = 0; j < x.length; j++) if (i !== j) xx += k(x[i], x[j])
  for (let i = 0; i < y.length; i++) for (let j = 0; j < y.length; j++) if (i !== j) yy += k(y[i], y[j])
  for (const p of x) for (const q of y) xy += k(p, q)
  return xx / (x.length * (x.length - 1)) + yy / (y.length * (y.length - 1)) - (2 * xy) / (x.length * y.length)
}

describe('MMD', () => {
  it('equals the brute-force U-statistic on small clouds', () => {
    const a = gaussianCloud(37, [0, 0, 0], [1, 1, 1], 1)
    const b = gaussianCloud(29, [0.5, 0, 0], [1, 2, 1], 2)
    const pa = Array.from({ length: 37 }, (_, i) => point(a, i, 3))
    const pb = Array.from({ length: 29 }, (_, i) => point(b, i, 3))
    for (const sigma of [0.5, 1.7]) expect(mmdSquared(a, 37, b, 29, 3, sigma)).toBeCloseTo(bruteMmd2(pa, pb, sigma), 12)
  })

  it('takes the median of all pooled pair distances as the bandwidth', () => {
    const a = gaussianCloud(20, [0, 0], [1, 1], 3)
    const b = gaussianCloud(15, [2, 0], [1, 1], 4)
    const pts = [...Array.from({ length: 20 }, (_, i) => point(a, i, 2)), ...Array.from({ length: 15 }, (_, i) => point(b, i, 2))]
    const dists: number[] = []
    for (let i = 0; i < pts.length; i++) for (let j = i + 1; j < pts.length; j++) dists.push(Math.hypot(pts[i][0] - pts[j][0], pts[i][1] - pts[j][1]))
    dists.sort((p, q) => p - q)
    const r = medianBandwidth(a, 20, b, 15, 2, 1000)
    expect(r.points).toBe(35)
    expect(r.bandwidth).toBeCloseTo(dists[dists.length >> 1], 12)
    // a bound on the pooled points takes half from each cloud
    expect(medianBandwidth(a, 20, b, 15, 2, 10, testRng(1)).points).toBe(10)
  })

  it('selectKth finds order statistics', () => {
    const rng = testRng(5)
    const v = Float64Array.from({ length: 1001 }, () => Math.floor(rng.uniform() * 50))
    const sorted = Float64Array.from(v).sort()
    for (const k of [0, 1, 500, 999, 1000]) expect(selectKth(Float64Array.from(v), k)).toBe(sorted[k])
  })

  it('is about 0 for samples of one distribution and clearly positive for shifted ones', () => {
    const n = 600
    const a = gaussianCloud(n, [0, 0], [1, 1], 6)
    const b = gaussianCloud(n, [0, 0], [1, 1], 7)
    const c = gaussianCloud(n, [1, 0], [1, 1], 8)
    const same = mmd(a, n, b, n, 2)
    const shifted = mmd(a, n, c, n, 2)
    // under the null the U-statistic has mean 0 and a standard deviation of order 1/n
    expect(Math.abs(same.value)).toBeLessThan(0.005)
    // population value between N(0, I) and N(delta, I) in 2-D at bandwidth s (Gaussian integrals):
    // 2 s^2/(s^2 + 2) (1 - exp(-|delta|^2 / (2 (s^2 + 2)))), about 0.11 here
    const s2 = shifted.bandwidth ** 2
    const population = ((2 * s2) / (s2 + 2)) * (1 - Math.exp(-1 / (2 * (s2 + 2))))
    expect(Math.abs(shifted.value - population)).toBeLessThan(0.02)
    expect(shifted.value).toBeGreaterThan(20 * Math.abs(same.value))
  })
})
