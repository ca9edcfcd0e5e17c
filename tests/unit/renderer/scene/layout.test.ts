// Texture layout of trajectories: index math, upload plans and packing, read back through the same
// texel addressing the vertex shaders use.
import { describe, expect, it } from 'vitest'
import { evenSubsample, packPositions, planUpload, readTexel, spreadOrder, texelIndex, texelOf } from '../../../../renderer/src/scene/layout'

/** data[s][p][d] = 1000 s + 10 p + d: every value names its own address. */
function labelled(S: number, N: number, D: number): Float32Array {
  const a = new Float32Array(S * N * D)
  for (let s = 0; s < S; s++) for (let p = 0; p < N; p++) for (let d = 0; d < D; d++) a[(s * N + p) * D + d] = 1000 * s + 10 * p + d
  return a
}

describe('texel addressing', () => {
  it('puts sample-major index s*n + p into rows of the texture width', () => {
    expect(texelIndex(0, 0, 7)).toBe(0)
    expect(texelIndex(2, 3, 7)).toBe(17)
    expect(texelOf(17, 5)).toEqual([2, 3])
    expect(texelOf(4, 5)).toEqual([4, 0])
    expect(texelOf(5, 5)).toEqual([0, 1])
  })
})

describe('evenSubsample', () => {
  it('keeps everything when under budget', () => {
    expect(Array.from(evenSubsample(5, 10))).toEqual([0, 1, 2, 3, 4])
  })
  it('takes evenly spaced, sorted, distinct indices', () => {
    expect(Array.from(evenSubsample(10, 4))).toEqual([0, 2, 5, 7])
    const s = evenSubsample(100_000, 2_000)
    expect(s.length).toBe(2_000)
    for (let i = 1; i < s.length; i++) expect(s[i] - s[i - 1]).toBe(50)
  })
})

describe('planUpload', () => {
  it('fits 100,000 x 64 samples of 2-D data in RG float rows of 4096 texels', () => {
    const plan = planUpload([64, 100_000, 2], 8192)
    expect(plan).toMatchObject({ count: 100_000, channels: 2, width: 4096, height: 1563, particles: null })
    expect(plan.width * plan.height).toBeGreaterThanOrEqual(64 * 100_000)
  })
  it('uses one row for small runs and RGB for 3-D', () => {
    expect(planUpload([3, 4, 3], 8192)).toMatchObject({ width: 12, height: 1, channels: 3 })
    expect(planUpload([3, 4, 1], 8192)).toMatchObject({ width: 12, height: 1, channels: 1 })
  })
  it('widens rows when the preferred width would need more rows than the device allows', () => {
    const plan = planUpload([10, 1000, 1], 1024)
    expect(plan.height).toBeLessThanOrEqual(1024)
    expect(plan.width).toBe(1024)
    expect(plan.width * plan.height).toBeGreaterThanOrEqual(10_000)
  })
  it('subsamples particles evenly when the texture would exceed the device or the memory budget', () => {
    const small = planUpload([10, 1000, 2], 64) // 4096 texels: 409 particles
    expect(small.count).toBe(409)
    expect(small.particles?.length).toBe(409)
    expect(small.width * small.height).toBeGreaterThanOrEqual(10 * 409)
    expect(small.height).toBeLessThanOrEqual(64)
    const budget = planUpload([100, 1000, 3], 8192, 100 * 500 * 3 * 4) // room for 500 particles
    expect(budget.count).toBe(500)
  })
  it('refuses runs that cannot show a single particle', () => {
    expect(() => planUpload([100, 10, 2], 8)).toThrow(/do not fit/)
    expect(() => planUpload([0, 10, 2], 8192)).toThrow(/empty/)
  })
})

describe('packPositions', () => {
  it('keeps the run order for all particles and reads back every coordinate', () => {
    for (const D of [1, 2, 3]) {
      const S = 5
      const N = 7
      const data = labelled(S, N, D)
      const plan = planUpload([S, N, D], 8)
      expect(plan.width).toBe(8)
      const packed = packPositions(data, plan)
      expect(packed.length).toBe(plan.width * plan.height * D)
      for (let s = 0; s < S; s++)
        for (let p = 0; p < N; p++) {
          const v = readTexel(packed, plan, s, p)
          for (let d = 0; d < 3; d++) expect(v[d]).toBe(d < D ? 1000 * s + 10 * p + d : 0)
        }
    }
  })
  it('gathers the displayed particles when subsampled', () => {
    const S = 4
    const N = 50
    const data = labelled(S, N, 2)
    const plan = planUpload([S, N, 2], 8) // 64 texels: 16 particles
    expect(plan.count).toBe(16)
    const packed = packPositions(data, plan)
    for (let s = 0; s < S; s++)
      for (let j = 0; j < plan.count; j++) {
        const p = plan.particles![j]
        expect(readTexel(packed, plan, s, j)).toEqual([1000 * s + 10 * p, 1000 * s + 10 * p + 1, 0])
      }
  })
  it('rejects data shorter than its shape', () => {
    expect(() => packPositions(new Float32Array(5), planUpload([2, 2, 2], 8))).toThrow(/expected 8/)
  })
})

describe('spreadOrder', () => {
  it('is a permutation whose every prefix spreads over the whole list (fewer lines still cover the cloud)', () => {
    for (const m of [1, 2, 7, 100, 2000]) {
      const chosen = Int32Array.from({ length: m }, (_, i) => i * 3)
      const order = spreadOrder(chosen)
      expect([...order].sort((a, b) => a - b)).toEqual([...chosen])
      for (const k of [1, 2, 5, 10, 37, 500].filter((k) => k <= m)) {
        const prefix = [...order.subarray(0, k)].map((v) => v / 3).sort((a, b) => a - b)
        // brute force: the largest hole in the prefix (including both ends) is at most twice the even spacing
        const holes = [prefix[0], ...prefix.slice(1).map((v, i) => v - prefix[i]), m - 1 - prefix[k - 1]]
        expect(Math.max(...holes)).toBeLessThanOrEqual(Math.ceil((2 * m) / k))
      }
    }
  })
})
