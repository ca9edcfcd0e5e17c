// Bounds, the linear data-to-world projection and the default camera framing (checked with three's own camera).
import { PerspectiveCamera, Vector3 } from 'three'
import { describe, expect, it } from 'vitest'
import { computeBounds, fitProjection, frameBox, modeOf, project } from '../../../../renderer/src/scene/projection'

describe('computeBounds', () => {
  it('takes per-axis extremes over every sample and skips non-finite values', () => {
    const data = Float32Array.from([1, -2, 3, 5, -4, 0, Number.NaN, 7])
    expect(computeBounds(data, 4, 2)).toEqual({ min: [-4, -2], max: [3, 7] })
  })
  it('falls back to [-1, 1] for an axis with no finite value', () => {
    expect(computeBounds(Float32Array.from([Number.NaN, Number.NaN]), 2, 1)).toEqual({ min: [-1], max: [1] })
  })
})

describe('fitProjection', () => {
  it('2-D: x right, depth up, y away; largest data axis and depth both span 2 units; aspect kept', () => {
    const p = fitProjection({ min: [-3, 0], max: [1, 2] }, [0, 0.45])
    expect(p.mode).toBe('2d')
    // data span 4 (x) and 2 (y): one scale 0.5
    expect(project(p, [-3, 0], 0)).toEqual([-1, -1, 0.5])
    expect(project(p, [1, 2], 0.45)).toEqual([1, 1, -0.5])
    expect(p.box).toEqual({ min: [-1, -1, -0.5], max: [1, 1, 0.5] })
    // moving 1 in x and 1 in y moves the same world distance
    const o = project(p, [0, 1], 0.2)
    const dx = project(p, [1, 1], 0.2)
    const dy = project(p, [0, 2], 0.2)
    expect(Math.hypot(dx[0] - o[0], dx[1] - o[1], dx[2] - o[2])).toBeCloseTo(Math.hypot(dy[0] - o[0], dy[1] - o[1], dy[2] - o[2]), 12)
  })
  it('1-D: x horizontal against depth vertical, z = 0', () => {
    const p = fitProjection({ min: [-2], max: [2] }, [0, 1])
    expect(p.mode).toBe('1d')
    expect(project(p, [2], 1)).toEqual([1, 1, 0])
    expect(project(p, [0], 0.5)).toEqual([0, 0, 0])
  })
  it('3-D: a proper rotation (z up, y away) ignoring depth', () => {
    const p = fitProjection({ min: [-1, -1, -1], max: [1, 1, 1] }, [0, 0.3])
    expect(project(p, [1, 0, 0], 0)).toEqual([1, 0, 0])
    expect(project(p, [0, 1, 0], 0)).toEqual([0, 0, -1])
    expect(project(p, [0, 0, 1], 0.3)).toEqual([0, 1, 0])
    const m = p.matrix
    const det = m[0] * (m[5] * m[10] - m[9] * m[6]) - m[4] * (m[1] * m[10] - m[9] * m[2]) + m[8] * (m[1] * m[6] - m[5] * m[2])
    expect(det).toBeGreaterThan(0)
  })
  it('keeps degenerate axes and depth ranges finite', () => {
    const p = fitProjection({ min: [1, 1], max: [1, 1] }, [0, 0])
    for (const v of [...p.matrix, ...p.offset]) expect(Number.isFinite(v)).toBe(true)
  })
  it('names modes by dimension', () => {
    expect([1, 2, 3].map(modeOf)).toEqual(['1d', '2d', '3d'])
  })
})

describe('frameBox', () => {
  const corners = (box: { min: number[]; max: number[] }): Vector3[] =>
    Array.from({ length: 8 }, (_, i) => new Vector3(i & 1 ? box.max[0] : box.min[0], i & 2 ? box.max[1] : box.min[1], i & 4 ? box.max[2] : box.min[2]))

  for (const [mode, aspect] of [
    ['1d', 16 / 9],
    ['2d', 16 / 9],
    ['3d', 0.6],
    ['2d', 1]
  ] as const) {
    it(`${mode} at aspect ${aspect.toFixed(2)}: every corner inside the view, and the box fills it`, () => {
      const box = mode === '1d' ? { min: [-1, -1, 0], max: [1, 1, 0] } : { min: [-1, -1, -0.5], max: [1, 1, 0.5] }
      const f = frameBox(box as never, mode, 40, aspect)
      const cam = new PerspectiveCamera(40, aspect, f.near, f.far)
      cam.position.set(...f.position)
      cam.lookAt(new Vector3(...f.target))
      cam.updateMatrixWorld()
      let extent = 0
      for (const c of corners(box)) {
        const v = c.clone().project(cam)
        expect(Math.abs(v.x)).toBeLessThanOrEqual(1)
        expect(Math.abs(v.y)).toBeLessThanOrEqual(1)
        expect(Math.abs(v.z)).toBeLessThan(1)
        extent = Math.max(extent, Math.abs(v.x), Math.abs(v.y))
      }
      // margin 1.25 on distance: the box still reaches well beyond half the view
      expect(extent).toBeGreaterThan(0.6)
    })
  }
})
