// @vitest-environment happy-dom
// The per-layer chart: x = layer index with whole-number ticks only, a point drawn on every layer (so a
// value between gaps shows), a titled y axis with ticks in the locale, and the cursor moving only when
// the layer changes.
import { describe, expect, it, vi } from 'vitest'
import { plots, redrawCount } from '../fake-uplot'

vi.mock('uplot', () => import('../fake-uplot'))
const { LayerChart } = await import('@/components/analyze/layerChart')
const { WHOLE_INCREMENTS } = await import('@/charts/cursorChart')
const { metricColumn } = await import('@/components/analyze/report')

describe('layer chart', () => {
  it('whole-number layer ticks, points on, titled locale y ticks; cursor redraws only on a change', () => {
    plots.length = 0
    const c = new LayerChart(
      document.createElement('div'),
      [
        [0, 1, 2],
        [1, null, 2]
      ],
      { label: 'm', yLabel: 'H (nats)', xLabel: 'layer', locale: 'en', color: '#fff', width: 300, height: 100 }
    )
    const o = plots[plots.length - 1].opts
    expect(WHOLE_INCREMENTS.every((v) => Number.isInteger(v))).toBe(true)
    expect(o.axes![0].incrs).toBe(WHOLE_INCREMENTS)
    const xValues = o.axes![0].values as (u: unknown, s: number[], a: number, sp: number, incr: number) => string[]
    expect(xValues(null, [0, 5, 10], 0, 50, 5)).toEqual(['0', '5', '10'])
    expect(o.axes![1].label).toBe('H (nats)')
    const yValues = o.axes![1].values as (u: unknown, s: number[], a: number, sp: number, incr: number) => string[]
    expect(yValues(null, [0, 12500, 25000], 1, 24, 12500)).toEqual(['0', '12,500', '25,000'])
    expect(yValues(null, [0.5, 0.75], 1, 24, 0.25)).toEqual(['0.50', '0.75'])
    expect(o.series[1].points?.show).toBe(true)
    c.setLayer(0)
    expect(redrawCount()).toBe(0)
    c.setLayer(2)
    c.setLayer(2)
    expect(redrawCount()).toBe(1)
    expect(c.layer).toBe(2)
  })

  it('metricColumn: x = layer indices, null and non-finite values become gaps', () => {
    const rows = [
      { index: 0, entropy: 1.5 },
      { index: 1, entropy: null },
      { index: 2, entropy: Number.POSITIVE_INFINITY }
    ] as never[]
    expect(metricColumn(rows, 'entropy')).toEqual([
      [0, 1, 2],
      [1.5, null, null]
    ])
  })
})
