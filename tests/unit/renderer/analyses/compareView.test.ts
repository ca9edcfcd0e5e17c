// @vitest-environment happy-dom
// Comparing two layer analyses, on reports the engine's own analyzeLayers wrote and the engine's own
// compareAnalyses paired: A has a residual stretch with one big update, B is the same network "fixed"
// (the big update spread out) and one layer shorter. The table's B − A cells are the difference of the
// two reports' own rows, layers are paired by name with B's missing layer shown without a partner, the
// one scrubber moves both 3-D views (the unpaired side stays at its nearest layer) and the chart cursors,
// and the pure helpers agree with the comparison they read.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import type { Result } from '@shared/contract'
import type { AnalysisComparison } from '@shared/layer-compare'
import type { LayerAnalysis, LayerAnalysisSummary, LayerReport } from '@shared/layers'
import { createAppI18n } from '@/i18n'
import { formatValue } from '@/components/analyze/report'
import { metricsWithValues, overlay, viewLayers } from '@/components/analyses/comparison'
import { createMockApi, flush } from '../helpers'
import { setApi } from '../api-double'

vi.mock('uplot', () => import('../fake-uplot'))
vi.mock('@/api', () => import('../api-double'))
vi.mock('@/components/TrajectoryView.vue', async () => {
  const { defineComponent: dc, h: hh } = await import('vue')
  return {
    default: dc({
      name: 'TrajectoryView',
      props: {
        trajectories: { type: Object, default: null },
        depth: { type: Number, default: 0 },
        colorBy: { type: String, default: 'component' },
        depthText: String,
        classNames: Array,
        legendFolded: Boolean
      },
      setup(props) {
        return () => hh('canvas', { 'data-testid': 'tv-stub', 'data-depth': props.depth, 'data-legend-folded': String(props.legendFolded) })
      }
    })
  }
})
const View = (await import('@/views/AnalysisCompareView.vue')).default
interface LayerData {
  name: string
  n: number
  width: number
  data: Float64Array
}
const root = '../../../../electron/engine/layers/'
const { analyzeLayers } = (await import(/* @vite-ignore */ new URL(root + 'analyze.ts', import.meta.url).pathname)) as {
  analyzeLayers: (l: LayerData[], o: object) => LayerReport
}
const { compareAnalyses } = (await import(/* @vite-ignore */ new URL(root + 'compare.ts', import.meta.url).pathname)) as {
  compareAnalyses: (a: { id?: string; name: string; report: LayerReport }, b: { id?: string; name: string; report: LayerReport }) => AnalysisComparison
}

const N = 30
const x = (i: number): [number, number] => [Math.cos(i), Math.sin(1.7 * i) + i / 10]
function mk(name: string, shift: number): LayerData {
  const data = new Float64Array(N * 2)
  for (let i = 0; i < N; i++) [data[2 * i], data[2 * i + 1]] = [x(i)[0] + shift, x(i)[1]]
  return { name, n: N, width: 2, data }
}
// A: updates 0.01, 0.01, 1.0, 0.01; B: the same total motion spread evenly over three updates, no r4
const layersA = [mk('input', 0), mk('r1', 0.01), mk('r2', 0.02), mk('r3', 1.02), mk('r4', 1.03)]
const layersB = [mk('input', 0), mk('r1', 0.34), mk('r2', 0.68), mk('r3', 1.02)]

function analysis(id: string, name: string, ls: LayerData[]): LayerAnalysis {
  const report = JSON.parse(JSON.stringify(analyzeLayers(ls, { k: 5, seed: 1 }))) as LayerReport
  const L = ls.length
  return {
    id,
    name,
    createdAt: '2026-01-01T00:00:00Z',
    source: 'dumps',
    dataset: { kind: 'dumps', n: N, d: 2 },
    record: {} as LayerAnalysis['record'],
    report,
    projection: { shape: [L, N, 3], data: new Float32Array(L * N * 3), layerNames: ls.map((l) => l.name), explainedVariance: [0.6, 0.3, 0.1] }
  }
}
const A = analysis('a-1', 'before', layersA)
const B = analysis('b-1', 'after', layersB)
const cmp = JSON.parse(JSON.stringify(compareAnalyses(A, B))) as AnalysisComparison
const okR = <T>(value: T): Promise<Result<T>> => Promise.resolve({ ok: true, value })

let api: Record<string, ReturnType<typeof vi.fn>>
beforeEach(() => {
  setActivePinia(createPinia())
  const m = createMockApi()
  api = m.api as unknown as Record<string, ReturnType<typeof vi.fn>>
  const list: LayerAnalysisSummary[] = [
    { id: 'b-1', name: 'after', createdAt: '2026-01-02T00:00:00Z', status: 'complete' },
    { id: 'a-1', name: 'before', createdAt: '2026-01-01T00:00:00Z', status: 'complete' }
  ]
  api['layers.list'] = vi.fn(() => okR(list))
  api['layers.get'] = vi.fn((r: { id: string }) => okR(r.id === 'a-1' ? A : B))
  api['layers.compare'] = vi.fn(() => okR(cmp))
  setApi(m.api)
})

async function mountView() {
  const w = mount(View, { global: { plugins: [createAppI18n('en')] }, attachTo: document.body })
  await flush()
  await flush()
  return w
}

describe('comparison helpers', () => {
  it('pair by name, leave B without r4, and read both sides of the reports', () => {
    expect(cmp.matchedBy).toBe('name')
    expect(cmp.layers.map((l) => [l.a?.name ?? null, l.b?.name ?? null])).toEqual([
      ['input', 'input'],
      ['r1', 'r1'],
      ['r2', 'r2'],
      ['r3', 'r3'],
      ['r4', null]
    ])
    const o = overlay(cmp, 'update')
    expect(o.a).toEqual(A.report.rows.map((r) => r.update))
    expect(o.b).toEqual([...B.report.rows.map((r) => r.update), null])
    expect(metricsWithValues(cmp)).toContain('kineticEnergy')
    expect(metricsWithValues(cmp)).not.toContain('shiftEnergy')
    // B has no r4: its view stays at its last layer, r3 (index 3)
    expect(viewLayers(cmp, 4)).toEqual({ a: 4, b: 3, aPaired: true, bPaired: false })
    expect(viewLayers(cmp, 2)).toEqual({ a: 2, b: 2, aPaired: true, bPaired: true })
  })
})

describe('the compare screen', () => {
  it('defaults to the two newest, asks the engine to pair them, and shows B − A from the reports', async () => {
    const w = await mountView()
    expect(api['layers.compare']).toHaveBeenCalledWith({ a: 'a-1', b: 'b-1' })
    expect(w.find('[data-testid="acmp-matched"]').text()).toContain('paired by name')
    // the pickers name each analysis by its name and date (the id would only repeat the name, wider)
    const date = (iso: string): string => new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso))
    expect(w.findAll('[data-testid="acmp-a"] option').map((o) => o.text())).toEqual([
      `after — ${date('2026-01-02T00:00:00Z')}`,
      `before — ${date('2026-01-01T00:00:00Z')}`
    ])
    await w.find('[data-testid="acmp-metric"]').setValue('update')
    for (let i = 1; i <= 3; i++) {
      const a = A.report.rows[i].update as number
      const b = B.report.rows[i].update as number
      const r = w.find(`[data-testid="acmp-row-${i}"]`)
      expect(r.find('[data-col="a"]').text()).toBe(formatValue(a, 'plain', 'en'))
      expect(r.find('[data-col="b"]').text()).toBe(formatValue(b, 'plain', 'en'))
      expect(r.find('[data-col="diff"]').text()).toBe((b - a > 0 ? '+' : '') + formatValue(b - a, 'plain', 'en'))
    }
    // the big update of A (r3) shrinks in B
    expect(Number(w.find('[data-testid="acmp-row-3"] [data-col="diff"]').text())).toBeLessThan(-0.5)
    expect(w.find('[data-testid="acmp-row-4"] [data-col="b"]').text()).toBe('—')
    expect(w.find('[data-testid="acmp-totals"]').text()).toContain('kinetic energy')
    w.unmount()
  })

  it('moves both views and the current table row with one scrubber (and a row click); an unpaired side stays at its nearest layer', async () => {
    const w = await mountView()
    const depths = () => w.findAll('[data-testid="tv-stub"]').map((c) => Number(c.attributes('data-depth')))
    expect(depths()).toEqual([0, 0])
    // two views side by side: their legends start folded so they do not cover the clouds
    expect(w.findAll('[data-testid="tv-stub"]').map((c) => c.attributes('data-legend-folded'))).toEqual(['true', 'true'])
    await w.find('[data-testid="layer-range"]').setValue('2')
    expect(depths()).toEqual([2, 2])
    expect(w.find('[data-testid="acmp-row-2"]').attributes('aria-current')).toBe('true')
    await w.find('[data-testid="layer-range"]').setValue('4')
    expect(depths()).toEqual([4, 3])
    expect(w.find('[data-testid="acmp-unpaired"]').text()).toContain('B has no layer here')
    await w.find('[data-testid="acmp-row-1"]').trigger('click')
    expect(depths()).toEqual([1, 1])
    expect(w.findAll('[data-testid^="acmp-chart-"]').length).toBe(metricsWithValues(cmp).length)
    w.unmount()
  })
})
