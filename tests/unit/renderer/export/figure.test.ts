// Chart figures: the stacked layout (titles, legend rows, charts) by hand-computed positions, legend
// wrapping, file names that say run, chart and date, and the run's figure specs carrying the same
// data columns, titles, axis titles and legend labels as the screen.
import { describe, expect, it } from 'vitest'
import { figureFileName, figureLayout, legendRows } from '@/export/figure'
import { runFigureSpecs } from '@/export/figureSpecs'
import { createAppI18n } from '@/i18n'
import { manifestFixture } from '../helpers'

describe('figure layout', () => {
  it('stacks title, legend rows and chart for each chart, with padding around', () => {
    const one = figureLayout([1])
    // pad 16, title 26, one legend row 18 + 4, chart 300, pad 16
    expect(one.blocks[0]).toEqual({ titleY: 16, legendY: 42, legendRows: 1, chartY: 64 })
    expect(one.height).toBe(64 + 300 + 16)
    expect(one.width).toBe(640 + 32)
    const two = figureLayout([1, 2])
    expect(two.blocks[1].titleY).toBe(one.height)
    expect(two.blocks[1].chartY).toBe(one.height + 26 + 2 * 18 + 4)
  })

  it('wraps legend items that do not fit on one row', () => {
    expect(legendRows([])).toBe(0)
    expect(legendRows([100, 100])).toBe(1)
    // each item takes 28 + w + 16: three of 200 need 732 > 640
    expect(legendRows([200, 200, 200])).toBe(2)
  })

  it('names files after the run, the chart and the date', () => {
    expect(figureFileName('paper-47', 'entropy', new Date(2026, 11, 6, 9, 30))).toBe('paper-47-entropy-2026-12-06.png')
    expect(figureFileName('run', 'charts', new Date(2027, 0, 2))).toBe('run-charts-2027-01-02.png')
  })
})

describe('runFigureSpecs', () => {
  it('has the run metrics, titles, axis titles and legend of the screen charts', () => {
    const m = manifestFixture('a', 4, 0.3)
    const { global } = createAppI18n('en')
    const specs = runFigureSpecs(m, (k, p) => global.t(k, p ?? {}))
    const entropy = specs.find((s) => s.key === 'entropy')!
    expect(entropy.title).toBe('Entropy H (nats)')
    expect(entropy.xLabel).toBe('depth t')
    expect(entropy.yLabel).toBe('H (nats)')
    expect(entropy.series.map((s) => s.label)).toEqual(['Entropy H (nats)'])
    expect(entropy.data[0]).toEqual(m.metrics.map((r) => r.depth))
    expect(entropy.data[1]).toEqual(m.metrics.map((r) => r.entropy))
    expect(specs.map((s) => s.key).slice(0, 2)).toEqual(['entropy', 'slicedW2ToInput'])
  })
})
