import { describe, expect, it } from 'vitest'
import { depthMetrics } from '../../../../electron/engine/metrics/depth-metrics'
import { gaussianEntropy } from '../../../../electron/engine/metrics/entropy'
import { cloudCovariance, cloudMean } from '../../../../electron/engine/metrics/moments'
import { DepthMetricsSchema } from '../../../../shared/run'
import { englishLines } from '../../../../shared/messages/message'
import { gaussianCloud, testRng } from './test-rng'

/** x_t = x0 + t * shift at depths 0, 0.5, 1: every metric has a closed form. */
function shiftedTrajectory(n: number, shift: number[]): { traj: Float32Array; x0: Float32Array; depths: number[] } {
  const d = shift.length
  const x0 = gaussianCloud(n, Array(d).fill(0), [2, 1, 1.5].slice(0, d), 5)
  const depths = [0, 0.5, 1]
  const traj = new Float32Array(3 * n * d)
  depths.forEach((t, s) => {
    for (let i = 0; i < n * d; i++) traj[s * n * d + i] = x0[i] + t * shift[i % d]
  })
  return { traj, x0, depths }
}

describe('depthMetrics', () => {
  it('moments, per-axis W2 and sliced W2 of a translated cloud match closed forms', async () => {
    const n = 3_000
    const shift = [0.6, -0.8]
    const { traj, x0, depths } = shiftedTrajectory(n, shift)
    const seen: number[] = []
    const { rows, notes } = await depthMetrics(traj, [3, n, 2], depths, { rng: testRng(1), onSample: (s) => void seen.push(s) })
    expect(seen).toEqual([0, 1, 2])
    const m0 = cloudMean(x0, n, 2)
    const c0 = cloudCovariance(x0, n, 2)
    rows.forEach((r, s) => {
      expect(DepthMetricsSchema.parse(r)).toEqual(r)
      expect(r.depth).toBe(depths[s])
      r.mean.forEach((v, k) => expect(v).toBeCloseTo(m0[k] + depths[s] * shift[k], 5))
      // a translation leaves the covariance unchanged
      r.covariance.flat().forEach((v, k) => expect(v).toBeCloseTo(c0.flat()[k], 4))
      r.w2AxisToInput.forEach((v, k) => expect(v).toBeCloseTo(depths[s] * Math.abs(shift[k]), 5))
      expect(r.entropyMethod).toBe('knn')
    })
    expect(rows[0].slicedW2ToInput).toBe(0)
    // |shift| = 1: the mean over 64 isotropic directions of cos^2 is 1/2 +- ~0.045
    expect(rows[2].slicedW2ToInput).toBeGreaterThan(Math.sqrt(0.5 - 0.2))
    expect(rows[2].slicedW2ToInput).toBeLessThan(Math.sqrt(0.5 + 0.2))
    // the same directions at every depth: a pure translation scales the sliced value linearly in t
    expect(rows[1].slicedW2ToInput).toBeCloseTo(rows[2].slicedW2ToInput / 2, 5)
    // a translation does not change the kNN entropy (up to float32 rounding of the shifted positions)
    expect(rows[2].entropy).toBeCloseTo(rows[0].entropy, 3)
    expect(
      Math.abs(
        rows[0].entropy -
          gaussianEntropy([
            [2, 0],
            [0, 1]
          ])
      )
    ).toBeLessThan(0.08)
    expect(englishLines(notes)).toMatch(/Kozachenko-Leonenko/)
  })

  it('a translation: speed, path length and implied kinetic energy are those of x0 + t shift', async () => {
    const n = 2_000
    const shift = [0.6, -0.8]
    const { traj, depths } = shiftedTrajectory(n, shift)
    const { rows, constants } = await depthMetrics(traj, [3, n, 2], depths, { rng: testRng(6) })
    expect(constants.velocityMethod).toBe('implied')
    expect(rows[0].speed).toBeNull()
    // consecutive samples differ by the same translation as sample 1 from the input, with the same directions
    expect(rows[2].slicedW2Step).toBeCloseTo(rows[1].slicedW2ToInput, 5)
    expect(rows[2].speed).toBeCloseTo(rows[1].slicedW2ToInput / 0.5, 4)
    rows.forEach((r) => {
      // |shift| = 1: every particle travels t, with |v|^2 = 1
      expect(r.pathLength).toBeCloseTo(r.depth, 5)
      expect(r.kineticEnergy).toBeCloseTo(r.depth, 5)
      expect(r.mergedFraction).toBe(0)
    })
    expect(rows[1].meanSquaredVelocity).toBeCloseTo(1, 5)
  })

  it('uses the closed-form entropy when the flow gives the Gaussian covariance', async () => {
    const n = 500
    const { traj, depths } = shiftedTrajectory(n, [1])
    const { rows, notes } = await depthMetrics(traj, [3, n, 1], depths, {
      rng: testRng(2),
      gaussianCovarianceAt: (t) => [[1 - 2 * t * 0.4]]
    })
    rows.forEach((r) => {
      expect(r.entropyMethod).toBe('closed-form')
      expect(r.entropy).toBeCloseTo(0.5 * Math.log(2 * Math.PI * Math.E * (1 - 0.8 * r.depth)), 12)
      // 1-D: sliced W2 is the exact W2, here the translation distance
      expect(r.slicedW2ToInput).toBeCloseTo(r.depth, 5)
    })
    expect(englishLines(notes)).not.toMatch(/Kozachenko/)
  })

  it('subsamples large clouds reproducibly and says so', async () => {
    const n = 30_000
    const { traj, depths } = shiftedTrajectory(n, [0.3, 0.1, 0])
    const opts = { knnMaxPoints: 4_000, slicedMaxPoints: 5_000 }
    const a = await depthMetrics(traj, [3, n, 3], depths, { rng: testRng(3), ...opts })
    const b = await depthMetrics(traj, [3, n, 3], depths, { rng: testRng(3), ...opts })
    expect(a).toEqual(b)
    expect(englishLines(a.notes)).toMatch(/subsample of 4000 of the 30,000/)
    expect(englishLines(a.notes)).toMatch(/subsample of 5000 of the 30,000/)
    const exact = gaussianEntropy([
      [2, 0, 0],
      [0, 1, 0],
      [0, 0, 1.5]
    ])
    expect(Math.abs(a.rows[0].entropy - exact)).toBeLessThan(0.1)
  })

  it('reports 0 with a note for a single particle and rejects inconsistent shapes', async () => {
    const traj = new Float32Array([1, 2, 1.5, 2.5])
    const r = await depthMetrics(traj, [2, 1, 2], [0, 1], { rng: testRng(4) })
    expect(r.rows[1].entropy).toBe(0)
    expect(r.rows[1].w2AxisToInput).toEqual([0.5, 0.5])
    expect(englishLines(r.notes)).toMatch(/at least two particles/)
    await expect(depthMetrics(traj, [2, 2, 2], [0, 1], { rng: testRng(4) })).rejects.toThrow(/shape/)
  })

  it('calls the separability labels classes for classification data, mixture components otherwise', async () => {
    const n = 400
    const { traj, depths } = shiftedTrajectory(n, [0.5, 0])
    const labels = Int32Array.from({ length: n }, (_, i) => i % 2)
    const sampled = await depthMetrics(traj, [3, n, 2], depths, { rng: testRng(5), labels })
    const classified = await depthMetrics(traj, [3, n, 2], depths, { rng: testRng(5), labels, labelKind: 'class' })
    expect(englishLines(sampled.notes)).toContain('over 2 mixture-component labels')
    expect(englishLines(classified.notes)).toContain('over 2 class labels')
    expect(englishLines(classified.notes)).not.toContain('mixture-component')
  })
})
