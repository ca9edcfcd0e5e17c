// Sampling distributions: seeded reproducibility, mixture moments and labels, the swiss roll's
// geometry, and the float64 mixture helpers against hand-computed values.
import { describe, expect, it } from 'vitest'
import { PRESETS, type MixtureDef } from '../../../../shared/presets'
import { mixtureLogDensity, mixtureMoments, prepareMixture, responsibilities, sampleDistribution } from '../../../../electron/engine/sampling/distributions'
import { createRng } from '../../../../electron/engine/sampling/random'

const p47 = PRESETS['paper-47'] as MixtureDef

function moments(x: Float32Array, dim: number): { mean: number[]; cov: number[][] } {
  const n = x.length / dim
  const mean = new Array<number>(dim).fill(0)
  for (let i = 0; i < n; i++) for (let j = 0; j < dim; j++) mean[j] += x[i * dim + j] / n
  const cov = Array.from({ length: dim }, () => new Array<number>(dim).fill(0))
  for (let i = 0; i < n; i++)
    for (let a = 0; a < dim; a++) for (let b = 0; b < dim; b++) cov[a][b] += ((x[i * dim + a] - mean[a]) * (x[i * dim + b] - mean[b])) / (n - 1)
  return { mean, cov }
}

describe('sampleDistribution', () => {
  it('is reproducible for a seed and differs across seeds', () => {
    const a = sampleDistribution(p47, 500, createRng(7))
    const b = sampleDistribution(p47, 500, createRng(7))
    const c = sampleDistribution(p47, 500, createRng(8))
    expect(Array.from(a.positions)).toEqual(Array.from(b.positions))
    expect(Array.from(a.labels!)).toEqual(Array.from(b.labels!))
    expect(Array.from(a.positions)).not.toEqual(Array.from(c.positions))
  })

  it('matches the mixture moments and labels follow the weights (paper 47, n = 40000)', () => {
    const n = 40_000
    const s = sampleDistribution(p47, n, createRng(11))
    const { mean, cov } = moments(s.positions, 2)
    const exact = mixtureMoments(p47)
    // exact: mean 0.2(-1) + 0.8(1) = 0.6; var_x = 0.2 (1 + 1.6^2) + 0.8 (2 + 0.4^2) = 2.44
    expect(exact.mean[0]).toBeCloseTo(0.6, 12)
    expect(exact.covariance[0][0]).toBeCloseTo(2.44, 12)
    // standard errors ~ sqrt(var/n) <= 0.008 for the means, <= 0.02 for the covariance entries
    mean.forEach((m, i) => expect(Math.abs(m - exact.mean[i])).toBeLessThan(0.03))
    cov.forEach((row, i) => row.forEach((v, j) => expect(Math.abs(v - exact.covariance[i][j])).toBeLessThan(0.06)))
    const frac0 = s.labels!.reduce((c, l) => c + (l === 0 ? 1 : 0), 0) / n
    expect(Math.abs(frac0 - 0.2)).toBeLessThan(0.01) // se 0.002
    // within a component, the sample follows that component's mean and covariance
    const comp1 = s.positions.filter((_, i) => s.labels![Math.floor(i / 2)] === 1)
    const m1 = moments(comp1, 2)
    expect(Math.abs(m1.mean[0] - 1)).toBeLessThan(0.04)
    expect(Math.abs(m1.cov[0][0] - 2)).toBeLessThan(0.08)
    expect(Math.abs(m1.cov[1][1] - 1)).toBeLessThan(0.05)
  })

  it('samples a correlated 3-D Gaussian through its Cholesky factor', () => {
    const g = PRESETS['gaussian-3d'] as MixtureDef
    const s = sampleDistribution(g, 40_000, createRng(3))
    const { cov } = moments(s.positions, 3)
    cov.forEach((row, i) => row.forEach((v, j) => expect(Math.abs(v - g.covariances[0][i][j])).toBeLessThan(0.06)))
  })

  it('swiss roll 2-D lies on the spiral r = t/5 and 3-D has height uniform in [-2, 2]', () => {
    const s2 = sampleDistribution(PRESETS['swiss-roll-2d'], 5000, createRng(5))
    expect(s2.labels).toBeUndefined()
    for (let i = 0; i < 5000; i++) {
      const x = s2.positions[2 * i]
      const y = s2.positions[2 * i + 1]
      const r = Math.hypot(x, y)
      // t in [1.5 pi, 4.5 pi] -> r in [0.94, 2.83], blurred by noise 0.05
      expect(r).toBeGreaterThan((1.5 * Math.PI) / 5 - 0.3)
      expect(r).toBeLessThan((4.5 * Math.PI) / 5 + 0.3)
    }
    // the angle follows t = 5 r (mod 2 pi): the mismatch is only noise (radial noise 0.05 -> 0.25 in t),
    // whereas any other curve would spread it uniformly (mean |mismatch| = pi / 2)
    let mismatch = 0
    for (let i = 0; i < 5000; i++) {
      const x = s2.positions[2 * i]
      const y = s2.positions[2 * i + 1]
      const d = Math.atan2(y, x) - 5 * Math.hypot(x, y)
      mismatch += Math.abs(Math.atan2(Math.sin(d), Math.cos(d))) / 5000
    }
    expect(mismatch).toBeLessThan(0.3)
    const s3 = sampleDistribution(PRESETS['swiss-roll-3d'], 5000, createRng(5))
    const heights = Array.from({ length: 5000 }, (_, i) => s3.positions[3 * i + 1])
    expect(heights.reduce((a, b) => Math.min(a, b))).toBeGreaterThan(-2.3)
    expect(heights.reduce((a, b) => Math.max(a, b))).toBeLessThan(2.3)
    let mismatch3 = 0
    for (let i = 0; i < 5000; i++) {
      const x = s3.positions[3 * i]
      const z = s3.positions[3 * i + 2]
      const d = Math.atan2(z, x) - 5 * Math.hypot(x, z)
      mismatch3 += Math.abs(Math.atan2(Math.sin(d), Math.cos(d))) / 5000
    }
    expect(mismatch3).toBeLessThan(0.3)
    const meanH = heights.reduce((a, b) => a + b, 0) / 5000
    expect(Math.abs(meanH)).toBeLessThan(0.1) // se 0.016
  })
})

describe('mixture helpers', () => {
  it('log density and responsibilities match hand-computed values', () => {
    const one = prepareMixture(PRESETS['normal-1d'] as MixtureDef)
    expect(mixtureLogDensity(one, [0])).toBeCloseTo(-0.5 * Math.log(2 * Math.PI), 12)
    expect(mixtureLogDensity(one, [2])).toBeCloseTo(-0.5 * Math.log(2 * Math.PI) - 2, 12)
    const p46 = prepareMixture(PRESETS['paper-46'] as MixtureDef)
    // equal distances from both means: responsibilities are the weights
    const g = responsibilities(p46, [0, 3])
    expect(g[0]).toBeCloseTo(0.2, 12)
    expect(g[1]).toBeCloseTo(0.8, 12)
    // at x = (1, 0): gamma_0 = 0.2 e^-2 / (0.2 e^-2 + 0.8)
    const h = responsibilities(p46, [1, 0])
    expect(h[0]).toBeCloseTo((0.2 * Math.exp(-2)) / (0.2 * Math.exp(-2) + 0.8), 12)
    // density of (46) at the origin: (0.2 + 0.8) e^-1/2 / (2 pi)
    expect(mixtureLogDensity(p46, [0, 0])).toBeCloseTo(-0.5 - Math.log(2 * Math.PI), 12)
  })
})
