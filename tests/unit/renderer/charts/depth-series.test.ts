// Series builders of the per-depth analysis charts: which columns each group takes from the manifest,
// on which axis, null for absent groups (older runs, non-Gaussian data), gaps for undefined values.
import { describe, expect, it } from 'vitest'
import type { DepthMetrics } from '@shared/run'
import { DEPTH_GROUPS, groupSeries } from '@/charts/depthSeries'
import { multiChartOptions } from '@/charts/multiDepthChart'
import { OKABE_ITO } from '@/styles/palette'
import { manifestFixture } from '../helpers'

/** The fixture's rows (old format) with the analysis fields as simple functions of depth. */
function analysed(gaussian: boolean): DepthMetrics[] {
  return manifestFixture('r', 4, 0.3).metrics.map((m, k) => ({
    ...m,
    slicedW2Step: k ? 0.01 * k : null,
    speed: k ? 0.1 * k : null,
    meanSquaredVelocity: 2,
    kineticEnergy: 2 * m.depth,
    pathLength: m.depth,
    mergedFraction: k === 3 ? 0.25 : 0,
    separability: gaussian ? undefined : 0.5 + m.depth,
    ...(gaussian ? { sigmas: [2 - m.depth, 1 - m.depth], gradientFlowSigmas: [Math.sqrt(4 - 2 * m.depth), k === 3 ? null : 0.5] } : {})
  }))
}

describe('groupSeries', () => {
  it('distance: W2 to the input on the left axis, speed on the right, gap at depth 0', () => {
    const g = groupSeries(analysed(false), 'distance')!
    expect(g.series.map((s) => [s.key, s.scale])).toEqual([
      ['slicedW2ToInput', 'y'],
      ['speed', 'y2']
    ])
    expect(g.data[0].map((x) => +x.toFixed(12))).toEqual([0, 0.1, 0.2, 0.3])
    expect(g.data[1].map((v) => +v!.toFixed(12))).toEqual([0, 0.01, 0.04, 0.09])
    expect(g.data[2]).toEqual([null, 0.1, 0.2, expect.closeTo(0.3, 12)])
  })

  it('energy and merging groups take their columns; separability absent -> merged fraction only', () => {
    const e = groupSeries(analysed(false), 'energy')!
    expect(e.series.map((s) => s.key)).toEqual(['kineticEnergy', 'pathLength'])
    expect(e.data[1].map((v) => +v!.toFixed(12))).toEqual([0, 0.2, 0.4, 0.6])
    const m = groupSeries(analysed(false), 'merging')!
    expect(m.series.map((s) => [s.key, s.scale])).toEqual([
      ['mergedFraction', 'y'],
      ['separability', 'y2']
    ])
    expect(m.data[1]).toEqual([0, 0, 0, 0.25])
    const mg = groupSeries(analysed(true), 'merging')!
    expect(mg.series.map((s) => s.key)).toEqual(['mergedFraction'])
  })

  it('shape: run sigmas solid and gradient-flow sigmas dashed in the same colour per axis; null past t*', () => {
    const g = groupSeries(analysed(true), 'shape')!
    expect(g.series.map((s) => `${s.key}${s.index}`)).toEqual(['sigma1', 'gradientFlow1', 'sigma2', 'gradientFlow2'])
    expect(g.series[0].dash).toBeUndefined()
    expect(g.series[1].dash).toEqual([6, 4])
    expect(g.series[0].color).toBe(g.series[1].color)
    expect(g.series[0].color).not.toBe(g.series[2].color)
    g.series.forEach((s) => expect(OKABE_ITO as readonly string[]).toContain(s.color))
    expect(g.data[1][3]).toBeCloseTo(1.7, 12)
    expect(g.data[2][1]).toBeCloseTo(Math.sqrt(3.8), 12)
    expect(g.data[4][3]).toBeNull()
    expect(groupSeries(analysed(false), 'shape')).toBeNull()
  })

  it('an older run (no analysis fields) keeps only the distance chart with W2 to the input', () => {
    const old = manifestFixture('r', 4, 0.3).metrics
    expect(groupSeries(old, 'distance')!.series.map((s) => s.key)).toEqual(['slicedW2ToInput'])
    expect(DEPTH_GROUPS.filter((g) => groupSeries(old, g))).toEqual(['distance'])
    expect(groupSeries([], 'distance')).toBeNull()
  })
})

describe('multiChartOptions', () => {
  it('puts y2 series on a right axis only when there is one, and passes dashes through', () => {
    const two = multiChartOptions({
      xLabel: 't',
      width: 300,
      height: 150,
      series: [
        { label: 'a', color: '#000', scale: 'y' },
        { label: 'b', color: '#111', scale: 'y2', dash: [2, 2] }
      ]
    })
    expect(two.axes).toHaveLength(3)
    expect(two.axes![2]).toMatchObject({ scale: 'y2', side: 1 })
    expect(two.series[2]).toMatchObject({ label: 'b', stroke: '#111', scale: 'y2', dash: [2, 2] })
    const one = multiChartOptions({ xLabel: 't', width: 300, height: 150, series: [{ label: 'a', color: '#000', scale: 'y' }] })
    expect(one.axes).toHaveLength(2)
    expect(one.scales!.y2).toBeUndefined()
  })
})
