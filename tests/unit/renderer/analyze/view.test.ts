// @vitest-environment happy-dom
// The analysis page on a report the engine's own analyzeLayers wrote: the table has one row per layer
// and the engine's flags appear; the projection reaches the 3-D view as [layers, N, 3] with depth = layer
// index and the labels for colour; the scrubber moves the view, the chart cursors and the highlighted
// row together; explained variance is shown; without an id the page lists analyses.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import type { Result } from '@shared/contract'
import type { LayerAnalysis, LayerAnalysisSummary, LayerReport } from '@shared/layers'
import { createAppI18n } from '@/i18n'
import { createMockApi, flush } from '../helpers'
import { redrawCount } from '../fake-uplot'
import { setApi } from '../api-double'
import { message } from '@shared/messages'

vi.mock('uplot', () => import('../fake-uplot'))
vi.mock('@/api', () => import('../api-double'))
const seen = vi.hoisted(() => ({ props: null as null | Record<string, unknown> }))
vi.mock('@/components/TrajectoryView.vue', async () => {
  const { defineComponent: dc, h: hh } = await import('vue')
  return {
    default: dc({
      name: 'TrajectoryView',
      props: {
        trajectories: { type: Object, default: null },
        depth: { type: Number, default: 0 },
        colorBy: { type: String, default: 'component' },
        playing: Boolean
      },
      setup(props) {
        return () => {
          seen.props = { ...props }
          return hh('canvas', { 'data-testid': 'tv-stub', 'data-depth': props.depth })
        }
      }
    })
  }
})
const View = (await import('@/views/LayerAnalysisView.vue')).default
// the engine's own analyzeLayers writes the report (loaded by path so the renderer's typecheck stays out of the engine)
interface LayerData {
  name: string
  n: number
  width: number
  data: Float64Array
}
const ENGINE = new URL('../../../../electron/engine/layers/analyze.ts', import.meta.url).pathname
const { analyzeLayers } = (await import(/* @vite-ignore */ ENGINE)) as { analyzeLayers: (l: LayerData[], o: object) => unknown }
const { useNavStore } = await import('@/stores/nav')

/** input [N, 2]; a layer that collapses every point onto 3 (merging); then a residual stretch of width 2 with one big update. */
function layers(): LayerData[] {
  const n = 30
  const mk = (name: string, f: (i: number) => [number, number]): LayerData => {
    const data = new Float64Array(n * 2)
    for (let i = 0; i < n; i++) [data[2 * i], data[2 * i + 1]] = f(i)
    return { name, n, width: 2, data }
  }
  const x = (i: number): [number, number] => [Math.cos(i), Math.sin(1.7 * i) + i / 10]
  return [
    mk('input', x),
    mk('r1', (i) => [x(i)[0] + 0.01, x(i)[1]]),
    mk('r2', (i) => [x(i)[0] + 0.02, x(i)[1]]),
    mk('r3', (i) => [x(i)[0] + 1.02, x(i)[1]]),
    mk('r4', (i) => [x(i)[0] + 1.03, x(i)[1]]),
    mk('collapse', (i) => [i % 3, 0])
  ]
}

let m: ReturnType<typeof createMockApi>
let api: Record<string, ReturnType<typeof vi.fn>>
const okR = <T>(value: T): Promise<Result<T>> => Promise.resolve({ ok: true, value })

function analysis(): LayerAnalysis {
  const ls = layers()
  const report: LayerReport = JSON.parse(JSON.stringify(analyzeLayers(ls, { k: 5, seed: 1, labels: Int32Array.from({ length: 30 }, (_, i) => i % 2) })))
  const L = ls.length
  const N = 30
  const dataset = { kind: 'dumps' as const, n: N, d: 2 }
  return {
    id: 'an-1',
    name: 'toy',
    createdAt: '2026-01-01T00:00:00Z',
    source: 'dumps',
    dataset,
    record: {
      version: 1,
      id: 'an-1',
      name: 'toy',
      createdAt: '2026-01-01T00:00:00Z',
      source: 'dumps',
      dataset,
      options: { k: 5, seed: 1 },
      files: [],
      layers: ls.map((l) => ({ name: l.name, width: l.width })),
      n: N,
      labels: true,
      flagCount: report.flags.length,
      projection: { file: 'projection.npy', shape: [L, N, 3], explainedVariance: [0.5, 0.3, 0.1], width: 2, fittedRows: L * N, method: 'covariance' }
    },
    report,
    projection: {
      shape: [L, N, 3],
      data: new Float32Array(L * N * 3).map((_, i) => (i % 7) / 7),
      labels: Int32Array.from({ length: N }, (_, i) => i % 2),
      layerNames: ls.map((l) => l.name),
      explainedVariance: [0.5, 0.3, 0.1]
    }
  }
}

async function mountView(): Promise<VueWrapper> {
  const pinia = createPinia()
  setActivePinia(pinia)
  const w = mount(View, { global: { plugins: [pinia, createAppI18n('en')] }, attachTo: document.body })
  await flush()
  return w
}
const byId = (w: VueWrapper, id: string) => w.find(`[data-testid="${id}"]`)

beforeEach(() => {
  m = createMockApi()
  setApi(m.api)
  api = m.api as unknown as Record<string, ReturnType<typeof vi.fn>>
  api['layers.get'] = vi.fn(() => okR(analysis()))
  api['layers.list'] = vi.fn(() =>
    okR<LayerAnalysisSummary[]>([
      { id: 'an-1', name: 'toy', createdAt: '2026-01-01T00:00:00Z', status: 'complete', source: 'dumps', layerCount: 6, n: 30, flagCount: 2 },
      { id: 'bad', name: 'broken', createdAt: '2026-01-02T00:00:00Z', status: 'unreadable', problem: message('import.analysisJsonMissing') }
    ])
  )
  document.body.innerHTML = ''
  seen.props = null
})

describe('layer analysis page', () => {
  it('shows the engine report: rows, flags, the projection as trajectories and explained variance', async () => {
    history.replaceState(null, '', '#/analysis?id=an-1')
    const w = await mountView()
    expect(api['layers.get']).toHaveBeenCalledWith({ id: 'an-1' })
    expect(w.findAll('[data-testid^="layer-row-"]')).toHaveLength(6)
    const kinds = w.findAll('.flag').map((f) => f.attributes('data-kind'))
    expect(kinds).toContain('merging')
    expect(kinds).toContain('motion')
    expect(w.find('.flag[data-kind="merging"] .flag-text').text()).toMatch(/^Layer 5 \(collapse\) merges \d+(\.\d)?% of the point pairs/)
    const traj = seen.props?.trajectories as { shape: number[]; depths: number[]; labels?: Int32Array }
    expect(traj.shape).toEqual([6, 30, 3])
    expect(traj.depths).toEqual([0, 1, 2, 3, 4, 5])
    expect(traj.labels).toHaveLength(30)
    expect(seen.props?.colorBy).toBe('component')
    expect(seen.props?.depth).toBe(0)
    expect(byId(w, 'analysis-data').text()).toBe('Data: the first dump (30 points, width 2).')
    // the 30 points are said once, in the data line, not again in the summary beside it
    expect(byId(w, 'analysis-summary').text()).toBe('6 layers, from activation dumps')
    expect(byId(w, 'explained-variance').text()).toBe('One PCA fitted on all layers; its 3 components explain 50%, 30% and 10% of the variance (90% in all).')
    // entropy and separability exist for width 2 with labels: their charts are drawn
    expect(byId(w, 'layer-chart-separability').exists()).toBe(true)
    expect(byId(w, 'layer-chart-motionRatio').exists()).toBe(true)
  })

  it('the scrubber moves the view, the chart cursors and the table row; a flag jumps to its layer', async () => {
    history.replaceState(null, '', '#/analysis?id=an-1')
    const w = await mountView()
    const before = redrawCount()
    await byId(w, 'layer-range').setValue('3')
    await flush()
    expect(seen.props?.depth).toBe(3)
    expect(byId(w, 'layer-row-3').classes()).toContain('current')
    expect(byId(w, 'layer-value').text()).toBe('3 of 5: r3')
    expect(redrawCount() - before).toBe(w.findAll('[data-testid^="layer-chart-"]').length)
    await byId(w, 'layer-row-3').trigger('keydown', { key: 'ArrowDown' })
    expect(byId(w, 'layer-row-4').classes()).toContain('current')
    await w.find('.flag[data-kind="merging"] [data-testid^="flag-show-"]').trigger('click')
    expect(seen.props?.depth).toBe(5)
    expect(byId(w, 'layer-row-5').attributes('aria-current')).toBe('true')
  })

  it('without an id lists the analyses and opens one', async () => {
    history.replaceState(null, '', '#/analysis')
    const w = await mountView()
    expect(byId(w, 'analysis-picker').text()).toContain('6 layers · 30 points · 2 flags')
    expect(byId(w, 'analysis-picker').text()).toContain('unreadable: analysis.json is missing')
    await byId(w, 'analysis-open-an-1').trigger('click')
    await flush()
    expect(useNavStore().params).toEqual({ id: 'an-1' })
    expect(api['layers.get']).toHaveBeenCalledWith({ id: 'an-1' })
    expect(byId(w, 'layer-analysis').exists()).toBe(true)
  })

  it('a failed load says why', async () => {
    api['layers.get'] = vi.fn(() => Promise.resolve({ ok: false, error: { code: 'not-found', message: message('import.analysisNotFound', { id: 'x' }) } }))
    history.replaceState(null, '', '#/analysis?id=x')
    const w = await mountView()
    expect(byId(w, 'analysis-load-error').text()).toBe('The analysis could not be opened: no layer analysis x in this workspace')
  })
})
