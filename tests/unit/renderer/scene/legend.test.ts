// Legend text: colour keys and the notes on what is drawn when a run is larger than the drawing budgets.
import { describe, expect, it } from 'vitest'
import { colorKey, componentCount, drawNotes } from '../../../../renderer/src/scene/legend'
import type { SceneInfo } from '../../../../renderer/src/scene/TrajectoryScene'

const info = (over: Partial<SceneInfo>): SceneInfo => ({
  mode: '2d',
  dim: 2,
  samples: 64,
  total: 100_000,
  displayed: 100_000,
  lines: 2_000,
  trails: 0,
  depthRange: [0, 0.45],
  bounds: { min: [-3, -3], max: [3, 3] },
  axes: [],
  hasLabels: true,
  initialRange: [-3.2, 4.5],
  ...over
})

describe('legend', () => {
  it('counts components from labels', () => {
    expect(componentCount(Int32Array.from([0, 2, 1, 2]))).toBe(3)
    expect(componentCount(undefined)).toBe(0)
  })
  it('lists one swatch per component, in palette order', () => {
    const k = colorKey(info({}), 'component', Int32Array.from([0, 1, 1]))
    expect(k.kind).toBe('swatches')
    expect(k.swatches).toEqual([
      { label: 'component 1', color: 'rgb(230, 159, 0)' },
      { label: 'component 2', color: 'rgb(86, 180, 233)' }
    ])
  })
  it('shows the viridis scale with the initial x range', () => {
    const k = colorKey(info({}), 'initial', undefined)
    expect(k.kind).toBe('gradient')
    expect(k.range).toEqual(['-3.2', '4.5'])
    expect(k.gradient).toMatch(/^linear-gradient\(to right, #440154, .*#fde725\)$/)
  })
  it('says how many trajectories are drawn as lines or trails', () => {
    expect(drawNotes(info({}))).toEqual(['lines: 2,000 of 100,000 trajectories'])
    expect(drawNotes(info({ total: 500, displayed: 500, lines: 500 }))).toEqual(['lines: all 500 trajectories'])
    expect(drawNotes(info({ mode: '3d', lines: 0, trails: 10_000 }))).toEqual(['trails: 10,000 of 100,000 particles'])
    expect(drawNotes(info({ displayed: 40_000 }))[0]).toBe('points: 40,000 of 100,000 particles (GPU memory budget)')
  })
})
