// @vitest-environment happy-dom
// The training charts and the layer chart use the run charts' axes: what they hand to uPlot is an
// x axis with ticks only at whole epochs (or layers), titled y axes whose ticks sit about 24 px apart,
// tick labels in the UI's locale with the step's decimals, and one caption per chart.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import type { RunManifest } from '@shared/run'
import { createAppI18n } from '@/i18n'
import { createMockApi, flush, manifestFixture } from '../helpers'
import { plots } from '../fake-uplot'
import { setApi } from '../api-double'

vi.mock('uplot', () => import('../fake-uplot'))
vi.mock('@/api', () => import('../api-double'))
const TrainLive = (await import('@/components/train/TrainLive.vue')).default
const { LayerChart } = await import('@/components/analyze/layerChart')
const { useRunsStore } = await import('@/stores/runs')

type Axis = { label: string; space?: number; incrs?: number[]; scale?: string; side?: number; values: (...a: unknown[]) => string[] }

/** the run's stored curve: three epochs with held-out loss, kinetic term and accuracy */
const CURVE = [0, 1, 2].map((epoch) => ({
  epoch,
  trainLoss: 0.7 - 0.2 * epoch,
  validationLoss: 0.75 - 0.2 * epoch,
  kinetic: 0.01 * (epoch + 1),
  validationAccuracy: 0.5 + 0.2 * epoch
}))

beforeEach(() => {
  plots.length = 0
  setApi(createMockApi().api)
})

async function mountLive(lang: 'en' | 'ja') {
  const pinia = createPinia()
  setActivePinia(pinia)
  useRunsStore().manifest = { ...manifestFixture('trained'), training: { curve: CURVE } } as unknown as RunManifest
  const w = mount(TrainLive, { global: { plugins: [pinia, createAppI18n(lang)] } })
  await flush()
  // the loss chart is built first, the accuracy chart beside it second
  expect(plots).toHaveLength(2)
  return { w, loss: plots[0], accuracy: plots[1] }
}

/** every whole-number multiple of some increment, and nothing else, can become an x tick */
function expectWholeTicks(x: Axis): void {
  expect(x.incrs?.length).toBeGreaterThan(0)
  expect(x.incrs!.every((v) => Number.isInteger(v) && v >= 1)).toBe(true)
  expect(x.values(null, [1, 2, 3], 0, 50, 1)).toEqual(['1', '2', '3'])
}

describe('the loss chart', () => {
  it('whole epoch ticks, a titled loss axis and a titled axis for the regularisation terms', async () => {
    const { loss } = await mountLive('en')
    const [x, y, k] = loss.opts.axes as Axis[]
    expect(x.label).toBe('epoch')
    expectWholeTicks(x)
    expect(y.label).toBe('loss')
    expect(y.space).toBeLessThanOrEqual(24)
    expect(y.values(null, [0.2, 0.3, 0.4], 1, 24, 0.1)).toEqual(['0.2', '0.3', '0.4'])
    expect(k).toMatchObject({ label: 'regularization terms', scale: 'k', side: 1 })
    expect(k.values(null, [0.01, 0.015, 0.02], 2, 24, 0.005)).toEqual(['0.010', '0.015', '0.020'])
    // the data are the run's curve, epochs counted from 1
    expect(loss.data[0]).toEqual([1, 2, 3])
    expect((loss.data[1] as number[]).map((v) => +v.toFixed(12))).toEqual([0.7, 0.5, 0.3])
    expect(loss.opts.series.map((s) => s.scale ?? 'y')).toEqual(['y', 'y', 'y', 'k', 'k'])
  })

  it('writes its titles and ticks in Japanese', async () => {
    const { loss } = await mountLive('ja')
    const [x, y, k] = loss.opts.axes as Axis[]
    expect([x.label, y.label, k.label]).toEqual(['エポック', '損失', '正則化項'])
    expect(y.values(null, [0, 1500], 1, 24, 500)).toEqual(['0', '1,500'])
  })
})

describe('the held-out accuracy chart', () => {
  it('one caption, the percentage as the y title, whole epoch ticks', async () => {
    const { w, accuracy } = await mountLive('en')
    const figure = w.find('[data-testid="train-accuracy-chart"]')
    expect(figure.findAll('figcaption').map((c) => c.text())).toEqual(['Held-out accuracy per epoch'])
    const [x, y] = accuracy.opts.axes as Axis[]
    expect(x.label).toBe('epoch')
    expectWholeTicks(x)
    expect(y.label).toBe('accuracy (%)')
    expect(y.space).toBeLessThanOrEqual(24)
    expect(y.values(null, [50, 75, 100], 1, 24, 25)).toEqual(['50', '75', '100'])
    expect((accuracy.data[1] as number[]).map((v) => Math.round(v))).toEqual([50, 70, 90])
    w.unmount()
  })
})

describe('the layer chart', () => {
  it('titles its y axis and writes the ticks like the run charts', () => {
    new LayerChart(
      document.createElement('div'),
      [
        [0, 1, 2],
        [0.5, 0.7, 0.9]
      ],
      { label: 'kNN kept', yLabel: 'share kept', xLabel: 'layer', locale: 'en', color: '#fff', width: 300, height: 140 }
    )
    const [x, y] = plots[0].opts.axes as Axis[]
    expect(x.label).toBe('layer')
    expectWholeTicks(x)
    expect(y.label).toBe('share kept')
    expect(y.space).toBeLessThanOrEqual(24)
    expect(y.values(null, [0.5, 0.55, 0.6], 1, 24, 0.05)).toEqual(['0.50', '0.55', '0.60'])
  })
})
