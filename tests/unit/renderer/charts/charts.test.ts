// @vitest-environment happy-dom
// Charts of the run's metrics: the series handed to uPlot are the manifest's depth and metric
// columns, the cursor follows the view's depth, and a new run replaces the data in place.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createAppI18n } from '@/i18n'
import { metricSeries } from '@/charts/series'
import { createMockApi, flush, manifestFixture, trajectoriesFixture } from '../helpers'
import { plots } from '../fake-uplot'
import { setApi } from '../api-double'

vi.mock('uplot', () => import('../fake-uplot'))
vi.mock('@/api', () => import('../api-double'))
let api: ReturnType<typeof createMockApi>['api']
const MetricsChart = (await import('@/components/results/MetricsChart.vue')).default
const { useRunsStore } = await import('@/stores/runs')
const { useViewStore } = await import('@/stores/view')

beforeEach(() => {
  plots.length = 0
  api = setApi(createMockApi().api)
})

describe('metricSeries', () => {
  it('takes depth and the metric column, turning non-finite values into gaps', () => {
    const m = manifestFixture('r', 4, 0.3)
    m.metrics[2].entropy = NaN
    const [xs, ys] = metricSeries(m.metrics, 'entropy')
    expect(xs.map((x) => +x.toFixed(12))).toEqual([0, 0.1, 0.2, 0.3])
    expect(ys[0]).toBe(3)
    expect(ys[2]).toBeNull()
    const [, w2] = metricSeries(m.metrics, 'slicedW2ToInput')
    expect(w2.map((v) => +(v as number).toFixed(12))).toEqual([0, 0.01, 0.04, 0.09])
  })
})

describe('MetricsChart', () => {
  async function setup(metric: 'entropy' | 'slicedW2ToInput') {
    const pinia = createPinia()
    setActivePinia(pinia)
    api['runs.get'].mockResolvedValueOnce({ ok: true, value: manifestFixture('a', 4, 0.3) })
    api['runs.trajectories'].mockResolvedValue({ ok: true, value: trajectoriesFixture(4) })
    const runs = useRunsStore()
    await runs.open('a')
    const view = useViewStore()
    view.setRange(0.3)
    const w = mount(MetricsChart, { props: { metric, color: '#56B4E9' }, global: { plugins: [pinia, createAppI18n('en')] } })
    await flush()
    return { w, runs, view, api }
  }

  it('hands uPlot the entropy series of the run', async () => {
    await setup('entropy')
    expect(plots).toHaveLength(1)
    const [xs, ys] = plots[0].data as number[][]
    expect(xs.map((x) => +x.toFixed(12))).toEqual([0, 0.1, 0.2, 0.3])
    expect(ys.map((y) => +y.toFixed(12))).toEqual([3, 2.9, 2.8, 2.7])
    expect(plots[0].opts.series[1]).toMatchObject({ label: 'Entropy H (nats)', stroke: '#56B4E9' })
  })

  it("titles the y axis and writes its ticks with the step's decimals, grouped, in the UI locale", async () => {
    await setup('entropy')
    const [x, y] = plots[0].opts.axes as { label: string; space: number; values: (...a: unknown[]) => string[] }[]
    expect(y.label).toBe('H (nats)')
    expect(x.label).toBe('depth t')
    // ticks at least 24 px apart: a 190 px chart reads at 4 or more values, not uPlot's default 2-3
    expect(y.space).toBeLessThanOrEqual(24)
    expect(y.values(null, [2.6, 2.8, 3], 1, 24, 0.2)).toEqual(['2.6', '2.8', '3.0'])
    expect(x.values(null, [0, 0.05, 0.1], 0, 50, 0.05)).toEqual(['0.00', '0.05', '0.10'])
    expect(y.values(null, [0, 1500000], 1, 24, 1500000)).toEqual(['0', '1,500,000'])
  })

  it('hands uPlot the sliced W2 series and moves the cursor with the depth', async () => {
    const { view } = await setup('slicedW2ToInput')
    const [, ys] = plots[0].data as number[][]
    expect(ys.map((y) => +y.toFixed(12))).toEqual([0, 0.01, 0.04, 0.09])
    const before = plots[0].redraw.mock.calls.length
    view.setDepth(0.15)
    await flush()
    expect(plots[0].redraw.mock.calls.length).toBe(before + 1)
    // the draw hook strokes a vertical line at the depth's pixel position
    const ctx = {
      save: vi.fn(),
      restore: vi.fn(),
      setLineDash: vi.fn(),
      beginPath: vi.fn(),
      moveTo: vi.fn(),
      lineTo: vi.fn(),
      stroke: vi.fn(),
      strokeStyle: '',
      lineWidth: 0
    }
    const u = { scales: { x: { min: 0, max: 0.3 } }, bbox: { top: 10, height: 100 }, ctx, valToPos: (v: number) => v * 1000 }
    plots[0].opts.hooks.draw[0](u)
    expect(ctx.moveTo).toHaveBeenCalledWith(150, 10)
    expect(ctx.lineTo).toHaveBeenCalledWith(150, 110)
  })

  it('replaces the data in place when another run is opened', async () => {
    const { runs, api } = await setup('entropy')
    api['runs.get'].mockResolvedValueOnce({ ok: true, value: manifestFixture('b', 3, 0.2) })
    await runs.open('b')
    await flush()
    expect(plots).toHaveLength(1)
    const [xs, ys] = plots[0].setData.mock.calls[0][0] as number[][]
    expect(xs.map((x) => +x.toFixed(12))).toEqual([0, 0.1, 0.2])
    expect(ys.map((y) => +y.toFixed(12))).toEqual([3, 2.9, 2.8])
  })
})
