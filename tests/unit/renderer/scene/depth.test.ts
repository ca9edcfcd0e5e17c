// Depth brackets (the CPU half of the shaders' interpolation) and the interpolated positions they give.
import { describe, expect, it } from 'vitest'
import { bracket, interpolatedPosition, trailSample } from '../../../../renderer/src/scene/depth'
import { packPositions, planUpload } from '../../../../renderer/src/scene/layout'

describe('bracket', () => {
  const even = [0, 0.1, 0.2, 0.3, 0.4]
  it('finds the neighbouring samples and the weight on even depths', () => {
    const b = bracket(even, 0.25)
    expect(b.i0).toBe(2)
    expect(b.i1).toBe(3)
    expect(b.w).toBeCloseTo(0.5, 12)
    expect(bracket(even, 0.13)).toMatchObject({ i0: 1, i1: 2 })
    expect(bracket(even, 0.13).w).toBeCloseTo(0.3, 12)
  })
  it('hits recorded samples exactly', () => {
    expect(bracket(even, 0.2)).toEqual({ i0: 2, i1: 3, w: 0 })
    expect(bracket(even, 0)).toEqual({ i0: 0, i1: 1, w: 0 })
    expect(bracket(even, 0.4)).toEqual({ i0: 3, i1: 4, w: 1 })
  })
  it('clamps outside the recorded range and on NaN', () => {
    expect(bracket(even, -1)).toEqual({ i0: 0, i1: 1, w: 0 })
    expect(bracket(even, 9)).toEqual({ i0: 3, i1: 4, w: 1 })
    expect(bracket(even, Number.NaN)).toEqual({ i0: 0, i1: 1, w: 0 })
  })
  it('handles uneven depths', () => {
    const uneven = [0, 0.01, 0.05, 0.2, 1]
    const b = bracket(uneven, 0.1)
    expect([b.i0, b.i1]).toEqual([2, 3])
    expect(b.w).toBeCloseTo(1 / 3, 12)
    expect(bracket(uneven, 0.6).w).toBeCloseTo(0.5, 12)
  })
  it('degenerates gracefully with one sample', () => {
    expect(bracket([0.3], 0.7)).toEqual({ i0: 0, i1: 0, w: 0 })
  })
})

describe('interpolatedPosition', () => {
  it('interpolates linearly between the samples read through the texture layout', () => {
    // particle p moves as (p + t, -p * t), recorded at t = 0, 0.5, 1
    const S = 3
    const N = 4
    const depths = [0, 0.5, 1]
    const data = new Float32Array(S * N * 2)
    for (let s = 0; s < S; s++)
      for (let p = 0; p < N; p++) {
        data[(s * N + p) * 2] = p + depths[s]
        data[(s * N + p) * 2 + 1] = -p * depths[s]
      }
    const plan = planUpload([S, N, 2], 5)
    const packed = packPositions(data, plan)
    for (const t of [0, 0.2, 0.5, 0.9, 1]) {
      for (let p = 0; p < N; p++) {
        const v = interpolatedPosition(packed, plan, bracket(depths, t), p)
        expect(v[0]).toBeCloseTo(p + t, 6)
        expect(v[1]).toBeCloseTo(-p * t, 6)
        expect(v[2]).toBe(0)
      }
    }
  })
})

describe('trails', () => {
  it('walks back from the lower bracketing sample and stops at sample 0', () => {
    const b = { i0: 5, i1: 6, w: 0.4 }
    expect([1, 2, 3, 7, 9].map((k) => trailSample(b, k))).toEqual([5, 4, 3, 0, 0])
  })
})
