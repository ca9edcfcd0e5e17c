// @vitest-environment happy-dom
// The per-depth analysis charts in the results workspace: one chart per recorded group, legends with
// explanations, the velocity and merging notes from the manifest, and the cursor following the scrubber.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import type { RunManifest } from '@shared/run'
import { createAppI18n } from '@/i18n'
import { createMockApi, flush, manifestFixture, trajectoriesFixture } from '../helpers'
import { plots } from '../fake-uplot'
import { setApi } from '../api-double'

vi.mock('uplot', () => import('../fake-uplot'))
vi.mock('@/api', () => import('../api-double'))
let api: ReturnType<typeof createMockApi>['api']
const DepthGroupChart = (await import('@/components/results/DepthGroupChart.vue')).default
const SigmaPlane = (await import('@/components/results/SigmaPlane.vue')).default
const { useRunsStore } = await import('@/stores/runs')
const { useViewStore } = await import('@/stores/view')

function analysedManifest(gaussian: boolean): RunManifest {
  const m = manifestFixture('g', 4, 0.3)
  m.metrics = m.metrics.map((r, k) => ({
    ...r,
    speed: k ? 0.1 : null,
    kineticEnergy: r.depth,
    pathLength: r.depth,
    mergedFraction: 0,
    ...(gaussian ? { sigmas: [1.4 - r.depth, 1 - r.depth], gradientFlowSigmas: [1.4 - r.depth, 1 - r.depth] } : { separability: 0.5 })
  }))
  m.depthAnalysis = {
    velocityMethod: 'implied',
    velocityPoints: 3,
    slicedPoints: 3,
    merging: { pairs: 20000, startRatio: 0.1, endRatio: 0.01, inputMedianDistance: 1, apartPairs: 19000 },
    separabilityClasses: gaussian ? null : 2,
    gaussianShape: gaussian
  }
  return m
}

async function setup(group: 'distance' | 'energy' | 'merging' | 'shape', manifest: RunManifest, locale: 'en' | 'ja' = 'en') {
  const pinia = createPinia()
  setActivePinia(pinia)
  api['runs.get'].mockResolvedValue({ ok: true, value: manifest })
  api['runs.trajectories'].mockResolvedValue({ ok: true, value: trajectoriesFixture(4) })
  const w = mount(DepthGroupChart, { props: { group }, global: { plugins: [pinia, createAppI18n(locale)] } })
  await useRunsStore().open('g')
  useViewStore().setRange(0.3)
  useViewStore().setDepth(0.3)
  await flush()
  return { w, view: useViewStore() }
}

beforeEach(() => {
  plots.length = 0
  api = setApi(createMockApi().api)
})

describe('DepthGroupChart', () => {
  it('energy: builds one chart with both series, explains them, says how v was obtained, and follows the scrubber', async () => {
    const { w, view } = await setup('energy', analysedManifest(false))
    expect(plots).toHaveLength(1)
    expect(plots[0].opts.series.slice(1).map((s) => [s.label, s.scale])).toEqual([
      ['Kinetic energy ∫‖v‖² dt', 'y'],
      ['Mean path length', 'y2']
    ])
    expect(w.find('[data-testid="depth-series-kineticEnergy"]').attributes('title')).toMatch(/Mean squared particle velocity integrated over depth/)
    expect(w.find('[data-testid="depth-velocity-note"]').text()).toMatch(/implied by the recorded steps/)
    const redraws = plots[0].redraw.mock.calls.length
    view.setDepth(0.1)
    await flush()
    expect(plots[0].redraw.mock.calls.length).toBe(redraws + 1)
    // the cursor is drawn at the view's depth by the draw hook
    const ctx = { save: vi.fn(), restore: vi.fn(), beginPath: vi.fn(), moveTo: vi.fn(), lineTo: vi.fn(), stroke: vi.fn(), setLineDash: vi.fn() }
    plots[0].opts.hooks.draw[0]({ scales: { x: { min: 0, max: 0.3 } }, valToPos: (v: number) => v * 1000, bbox: { top: 5, height: 100 }, ctx })
    expect(ctx.moveTo).toHaveBeenCalledWith(100, 5)
  })

  it('merging shows the thresholds; shape appears only for Gaussian runs, with dashed gradient-flow curves', async () => {
    const { w } = await setup('merging', analysedManifest(false))
    expect(w.find('[data-testid="depth-merging-note"]').text()).toBe(
      'Pairs start apart above 0.1 × and merge below 0.01 × the median input pair distance (20000 pairs).'
    )
    const none = await setup('shape', analysedManifest(false))
    expect(none.w.find('[data-testid="depth-chart-shape"]').exists()).toBe(false)
    plots.length = 0
    const { w: g } = await setup('shape', analysedManifest(true))
    expect(g.find('[data-testid="depth-chart-shape"]').exists()).toBe(true)
    expect(plots).toHaveLength(1)
    expect(plots[0].opts.series.slice(1).map((s) => s.label)).toEqual([
      'σ1 of the run',
      'σ1 of the W₂ gradient flow of entropy',
      'σ2 of the run',
      'σ2 of the W₂ gradient flow of entropy'
    ])
    expect(plots[0].opts.series[2].dash).toEqual([6, 4])
  })

  it('Japanese labels', async () => {
    const { w } = await setup('distance', analysedManifest(false), 'ja')
    expect(w.find('figcaption').text()).toBe('距離')
    expect(plots[0].opts.series.slice(1).map((s) => s.label)).toEqual(['入力へのスライス W₂', '速さ'])
  })
})

describe('SigmaPlane', () => {
  async function mountPlane(gaussian: boolean) {
    const pinia = createPinia()
    setActivePinia(pinia)
    api['runs.get'].mockResolvedValue({ ok: true, value: analysedManifest(gaussian) })
    api['runs.trajectories'].mockResolvedValue({ ok: true, value: trajectoriesFixture(4) })
    const w = mount(SigmaPlane, { global: { plugins: [pinia, createAppI18n('en')] } })
    await useRunsStore().open('g')
    useViewStore().setRange(0.3)
    useViewStore().setDepth(0.3)
    await flush()
    return w
  }

  it('draws the run and the gradient flow for Gaussian runs, the marker following the scrubber', async () => {
    const w = await mountPlane(true)
    expect(w.find('figcaption').text()).toBe('Trajectory in the (σ₁, σ₂) plane')
    expect(w.find('[data-testid="sigma-plane-run"]').attributes('points')!.split(' ')).toHaveLength(4)
    const x = () => Number(w.find('[data-testid="sigma-plane-marker"]').attributes('cx'))
    const atEnd = x()
    useViewStore().setDepth(0)
    await flush()
    // sigma_1 goes from 1.4 at depth 0 to 1.1 at 0.3: the marker moves right when going back to depth 0
    expect(x()).toBeGreaterThan(atEnd)
  })

  it('is absent for non-Gaussian runs', async () => {
    const w = await mountPlane(false)
    expect(w.find('[data-testid="sigma-plane"]').exists()).toBe(false)
  })
})
