// Energy distance: closed forms for Gaussians (E|X - Y| of normals), the O(n log n) 1-D path against
// the pairwise definition, and the unbiased estimate near 0 for one distribution.
import { describe, expect, it } from 'vitest'
import { energyDistance } from '../../../../../electron/engine/metrics/energy'
import { gaussianCloud } from '../test-rng'

/** Standard normal CDF (Abramowitz-Stegun 7.1.26 erf; error < 1.5e-7). */
function phi(z: number): number {
  const t = 1 / (1 + (0.3275911 * Math.abs(z)) / Math.SQRT2)
  const erf = 1 - t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))) * Math.exp(-(z * z) / 2)
  return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf)
}

/** E|Z| for Z ~ N(mu, s^2): s sqrt(2/pi) exp(-mu^2 / 2s^2) + mu (1 - 2 Phi(-mu/s)). */
function meanAbs(mu: number, s: number): number {
  return s * Math.sqrt(2 / Math.PI) * Math.exp(-(mu * mu) / (2 * s * s)) + mu * (1 - 2 * phi(-mu / s))
}

function bruteEnergy(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let xy = 0
  let xx = 0
  let yy = 0
  for (let i = 0; i < x.length; i++) for (let j = 0; j < y.length; j++) xy += Math.abs(x[i] - y[j])
  for (let i = 0; i < x.length; i++) for (let j = 0; j < x.length; j++) if (i !== j) xx += Math.abs(x[i] - x[j])
  for (let i = 0; i < y.length; i++) for (let j = 0; j < y.length; j++) if (i !== j) yy += Math.abs(y[i] - y[j])
  return (2 * xy) / (x.length * y.length) - xx / (x.length * (x.length - 1)) - yy / (y.length * (y.length - 1))
}

describe('energy distance', () => {
  it('1-D fast path equals the pairwise definition (ties and unequal sizes included)', () => {
    const x = Float64Array.from([0.5, -1, 2, 2, 0, 3.25, -1])
    const y = Float64Array.from([1, 2, -0.5, 0, 4])
    expect(energyDistance(x, 7, y, 5, 1).value).toBeCloseTo(bruteEnergy(x, y), 12)
    const a = gaussianCloud(300, [0], [1], 1)
    const b = gaussianCloud(257, [0.4], [2], 2)
    expect(energyDistance(a, 300, b, 257, 1).value).toBeCloseTo(bruteEnergy(a, b), 10)
  })

  it("N(0,1) vs N(1,4): 2E|X-Y| - E|X-X'| - E|Y-Y'| from the normal closed forms", () => {
    const n = 40_000
    const x = gaussianCloud(n, [0], [1], 3)
    const y = gaussianCloud(n, [1], [4], 4)
    // X - Y ~ N(-1, 5), X - X' ~ N(0, 2), Y - Y' ~ N(0, 8)
    const truth = 2 * meanAbs(-1, Math.sqrt(5)) - meanAbs(0, Math.SQRT2) - meanAbs(0, Math.sqrt(8))
    const r = energyDistance(x, n, y, n, 1)
    // the estimator's standard deviation at n = 4e4 is about 0.005
    expect(Math.abs(r.value - truth)).toBeLessThan(0.02)
    expect(Math.abs(r.withinA - 2 / Math.sqrt(Math.PI))).toBeLessThan(0.01)
  })

  it('2-D isotropic Gaussians: E|Z| = s sqrt(pi/2) for Z ~ N(0, s^2 I_2)', () => {
    const n = 1500
    const x = gaussianCloud(n, [0, 0], [1, 1], 5)
    const y = gaussianCloud(n, [0, 0], [4, 4], 6)
    const truth = Math.sqrt(Math.PI / 2) * (2 * Math.sqrt(5) - Math.SQRT2 - Math.sqrt(8)) // ~0.29
    expect(Math.abs(energyDistance(x, n, y, n, 2).value - truth)).toBeLessThan(0.05)
    const same = energyDistance(x, n, gaussianCloud(n, [0, 0], [1, 1], 7), n, 2).value
    expect(Math.abs(same)).toBeLessThan(0.02)
  })
})
