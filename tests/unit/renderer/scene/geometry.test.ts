// Vertex layouts of the trajectory lines and trails: which (particle, sample) pairs get connected.
import { describe, expect, it } from 'vitest'
import { lineGeometryArrays } from '../../../../renderer/src/scene/TrajectoryLines'
import { trailGeometryArrays } from '../../../../renderer/src/scene/Trails'
import { evenSubsample } from '../../../../renderer/src/scene/layout'

describe('lineGeometryArrays', () => {
  it('connects consecutive samples of the same particle and nothing else', () => {
    const particles = Int32Array.from([3, 8])
    const { particle, sample, index } = lineGeometryArrays(particles, 4)
    expect(Array.from(particle)).toEqual([3, 3, 3, 3, 8, 8, 8, 8])
    expect(Array.from(sample)).toEqual([0, 1, 2, 3, 0, 1, 2, 3])
    expect(index.length).toBe(2 * 3 * 2)
    for (let e = 0; e < index.length; e += 2) {
      const a = index[e]
      const b = index[e + 1]
      expect(particle[a]).toBe(particle[b])
      expect(sample[b] - sample[a]).toBe(1)
    }
  })
  it('draws at most the line budget for a large run (2,000 of 100,000)', () => {
    const chosen = evenSubsample(100_000, 2_000)
    const { particle, index } = lineGeometryArrays(chosen, 64)
    expect(new Set(particle).size).toBe(2_000)
    expect(index.length).toBe(2_000 * 63 * 2)
  })
})

describe('trailGeometryArrays', () => {
  it('joins trail points k and k + 1 of each particle', () => {
    const { particle, step } = trailGeometryArrays(Int32Array.from([5, 9]), 4)
    expect(Array.from(particle)).toEqual([5, 5, 5, 5, 5, 5, 9, 9, 9, 9, 9, 9])
    expect(Array.from(step)).toEqual([0, 1, 1, 2, 2, 3, 0, 1, 1, 2, 2, 3])
  })
})
