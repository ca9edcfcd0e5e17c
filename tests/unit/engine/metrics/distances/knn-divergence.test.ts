// kNN KL divergence (Wang-Kulkarni-Verdu) against the Gaussian closed form
// KL(N(m1,S1) || N(m2,S2)) = (tr(S2^-1 S1) + (m2-m1)' S2^-1 (m2-m1) - d + log(det S2 / det S1)) / 2.
import { describe, expect, it } from 'vitest'
import { knnDistances, knnKlDivergence } from '../../../../../electron/engine/metrics/knn-divergence'
import { gaussianCloud } from '../test-rng'

const klIsotropic = (d: number, v1: number, v2: number, shift2: number): number => 0.5 * ((d * v1) / v2 + shift2 / v2 - d + d * Math.log(v2 / v1))

describe('kNN KL divergence', () => {
  it('N(0,1) || N(1,1) is about 0.5', () => {
    const x = gaussianCloud(20_000, [0], [1], 1)
    const y = gaussianCloud(20_000, [1], [1], 2)
    expect(klIsotropic(1, 1, 1, 1)).toBe(0.5)
    // over seeds at this n, k = 1 gave 0.48 to 0.53
    expect(Math.abs(knnKlDivergence(x, 20_000, y, 20_000, 1).value - 0.5)).toBeLessThan(0.05)
  })

  it('N(0, 2I) || N(0, I) in 2-D against the closed form, and about 0 for one distribution', () => {
    const n = 20_000
    const x = gaussianCloud(n, [0, 0], [2, 2], 3)
    const y = gaussianCloud(n, [0, 0], [1, 1], 4)
    const truth = klIsotropic(2, 2, 1, 0) // 1 - log 2 = 0.3069
    // over seeds at this n, k = 1 gave 0.24 to 0.31 (k = 5: about 0.25, biased low: P's tails sample sparse Q)
    expect(Math.abs(knnKlDivergence(x, n, y, n, 2).value - truth)).toBeLessThan(0.07)
    // the reverse direction, 0.5 (1/2 - 1 + log 2) x 2 = 0.193
    expect(Math.abs(knnKlDivergence(y, n, x, n, 2).value - klIsotropic(2, 1, 2, 0))).toBeLessThan(0.05)
    const same = knnKlDivergence(x, n, gaussianCloud(n, [0, 0], [2, 2], 5), n, 2, 3).value
    expect(Math.abs(same)).toBeLessThan(0.03)
  })

  it('brute force above 3-D agrees with the k-d tree and with the closed form in 4-D', () => {
    const x = gaussianCloud(400, [0, 0, 0], [1, 2, 1], 6)
    const y = gaussianCloud(300, [1, 0, 0], [1, 1, 1], 7)
    // 3-D through the tree vs the same points padded with a constant fourth coordinate (brute force)
    const pad = (c: Float32Array, n: number): Float64Array =>
      Float64Array.from({ length: n * 4 }, (_, i) => (i % 4 === 3 ? 5 : c[Math.floor(i / 4) * 3 + (i % 4)]))
    const tree = knnDistances(x, 400, y, 300, 3, 4)
    const brute = knnDistances(pad(x, 400), 400, pad(y, 300), 300, 4, 4)
    for (let i = 0; i < 400; i++) {
      expect(brute.rho[i]).toBeCloseTo(tree.rho[i], 10)
      expect(brute.nu[i]).toBeCloseTo(tree.nu[i], 10)
    }
    // N(0, I) || N(e1, I) in 4-D, |delta|^2 / 2 = 0.5; over seeds at n = 3000, k = 1 gave 0.45 to 0.58
    const n = 3000
    const p = gaussianCloud(n, [0, 0, 0, 0], [1, 1, 1, 1], 8)
    const q = gaussianCloud(n, [1, 0, 0, 0], [1, 1, 1, 1], 9)
    expect(Math.abs(knnKlDivergence(p, n, q, n, 4).value - klIsotropic(4, 1, 1, 1))).toBeLessThan(0.12)
  })

  it('duplicated points stay finite (distances floored) and are counted', () => {
    const x = Float64Array.from([0, 0, 0, 1, 2, 3, 4])
    const y = Float64Array.from([0.5, 1.5, 2.5, 3.5])
    const r = knnKlDivergence(x, 7, y, 4, 1, 1)
    expect(Number.isFinite(r.value)).toBe(true)
    expect(r.clamped).toBe(3)
    expect(r.k).toBe(1)
  })
})
