// Kinematic helpers against hand-computed values: step statistics, mean |v|^2, trapezoid integral.
import { describe, expect, it } from 'vitest'
import { meanSquaredNorm, stepStatistics } from '../../../../electron/engine/metrics/depth-kinematics'
import { separability } from '../../../../electron/engine/metrics/depth-separability'

describe('depth kinematics', () => {
  it('step statistics: mean |dx| and mean |dx|^2 of a hand-made pair of clouds (2-D and 3-D paths)', () => {
    // displacements (3,4) and (0,0): lengths 5 and 0, squares 25 and 0
    const a = new Float32Array([0, 0, 1, 1])
    const b = new Float32Array([3, 4, 1, 1])
    expect(stepStatistics(a, b, 2, 2)).toEqual({ meanStep: 2.5, meanSquaredStep: 12.5 })
    // 3-D (unrolled loop): displacements (1,2,2) and (0,0,3): lengths 3 and 3, squares 9 and 9
    const c = new Float32Array([0, 0, 0, 5, 5, 5])
    const e = new Float32Array([1, 2, 2, 5, 5, 8])
    expect(stepStatistics(c, e, 2, 3)).toEqual({ meanStep: 3, meanSquaredStep: 9 })
  })

  it('mean squared norm', () => {
    expect(meanSquaredNorm([3, 4, 1, 0], 2, 2)).toBe(13)
  })
})

describe('separability', () => {
  it('tr(S_b)/tr(S_w) of two hand-made classes, and null without two classes', () => {
    // class 0 at x = 0, 2; class 1 at x = 10, 12: means 1 and 11, overall 6
    // S_b = 2 * 25 + 2 * 25 = 100, S_w = 4 * 1 = 4
    const x = [0, 0, 2, 0, 10, 0, 12, 0]
    expect(separability(x, 4, 2, new Int32Array([0, 0, 1, 1]), 2)).toBeCloseTo(25, 12)
    // unequal classes: class 0 = {0}, class 1 = {3, 5}; mean 8/3; S_b = (8/3)^2 + 2 (4 - 8/3)^2 = 64/9 + 32/9; S_w = 2
    expect(separability([0, 3, 5], 3, 1, new Int32Array([0, 1, 1]), 2)).toBeCloseTo(96 / 9 / 2, 12)
    expect(separability(x, 4, 2, new Int32Array([1, 1, 1, 1]), 2)).toBeNull()
    expect(separability([0, 0, 5, 5], 4, 1, new Int32Array([0, 0, 1, 1]), 2)).toBeNull()
  })
})
