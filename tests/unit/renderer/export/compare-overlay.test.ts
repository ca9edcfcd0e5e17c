// Two runs on one depth axis: the union of their samples, each null where it has none; and the shared
// scrubber's depth clamped to each run's own range.
import { describe, expect, it } from 'vitest'
import { clampDepth, joinDepthSeries } from '@/components/compare/overlay'

describe('joinDepthSeries', () => {
  it('aligns runs sampled at different depths', () => {
    const j = joinDepthSeries({ depths: [0, 0.2, 0.4], values: [1, 2, 3] }, { depths: [0, 0.1, 0.2, 0.3], values: [5, 6, 7, 8] })
    expect(j.xs).toEqual([0, 0.1, 0.2, 0.3, 0.4])
    expect(j.ya).toEqual([1, null, 2, null, 3])
    expect(j.yb).toEqual([5, 6, 7, 8, null])
  })
  it('clamps the shared depth to each run', () => {
    expect(clampDepth(0.45, 0.3)).toBe(0.3)
    expect(clampDepth(-1, 0.3)).toBe(0)
    expect(clampDepth(0.2, 0.3)).toBe(0.2)
  })
})
