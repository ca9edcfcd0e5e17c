// @vitest-environment happy-dom
// A shift analysis on the analysis page, from the engine's own pipeline (analyzeLayers, shiftByLayer /
// withShift, fitLayerPca, projectLayers) on two point sets through a toy stack of layers: the 3-D view
// gets both clouds in the one projection (reference points then new points, per layer, labelled 0 / 1
// and named in the legend), the shift table shows the engine's numbers per layer, the farthest samples
// follow the layer shown; a flag marks its rows (the cause and the layers inheriting it) and explains
// itself; and the wizard's "compare with other data" becomes the request's compareData.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import type { Result } from '@shared/contract'
import type { LayerAnalysis, LayerReport } from '@shared/layers'
import { createAppI18n } from '@/i18n'
import { formatValue } from '@/components/analyze/report'
import { describeStartRequest, type DataDraft } from '@/components/analyze/request'
import { twoClouds } from '@/components/analyses/shift'
import { createMockApi, flush } from '../helpers'
import { setApi } from '../api-double'

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
        depthText: String,
        classNames: Array,
        colourTitle: String
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

interface LayerData {
  name: string
  n: number
  width: number
  data: Float64Array
}
const eng = (f: string): string => new URL(`../../../../electron/engine/layers/${f}`, import.meta.url).pathname
const { analyzeLayers } = (await import(/* @vite-ignore */ eng('analyze.ts'))) as { analyzeLayers: (l: LayerData[], o: object) => LayerReport }
const { shiftByLayer, withShift } = (await import(/* @vite-ignore */ eng('shift.ts'))) as {
  shiftByLayer: (a: LayerData[], b: LayerData[], o: object) => unknown
  withShift: (r: LayerReport, s: unknown) => LayerReport
}
const pca = (await import(/* @vite-ignore */ eng('pca.ts'))) as {
  fitLayerPca: (l: LayerData[], o: object) => { shape: [number, number, number]; data: Float32Array; explainedVariance: number[] }
  projectLayers: (p: unknown, l: LayerData[]) => Float32Array
}

/** a stack: input, a layer that doubles the second coordinate (enlarging a shift along it), a layer that drops it */
function stack(points: [number, number][]): LayerData[] {
  const n = points.length
  const mk = (name: string, f: (p: [number, number]) => [number, number]): LayerData => ({ name, n, width: 2, data: Float64Array.from(points.flatMap(f)) })
  return [mk('input', (p) => p), mk('stretch', ([a, b]) => [a, 2 * b]), mk('drop', ([a]) => [a, 0])]
}
const N = 40
const M = 24
const ref = stack(Array.from({ length: N }, (_, i) => [Math.cos(i * 0.9), Math.sin(i * 1.3)] as [number, number]))
const cmp = stack(Array.from({ length: M }, (_, i) => [Math.cos(i * 1.1), 1.5 + Math.sin(i * 0.7)] as [number, number]))

function analysis(): LayerAnalysis {
  let report = withShift(analyzeLayers(ref, { k: 5, seed: 1 }), shiftByLayer(ref, cmp, { seed: 1 }))
  // a flag whose loss two later layers inherit (the fields the engine's flag-cause logic fills)
  report = {
    ...report,
    flags: [
      { kind: 'merging', layer: 1, name: 'stretch', value: 0.2, threshold: 0.05, message: 'm', remedy: 'r', rows: [1, 2], inherited: [2] },
      ...report.flags
    ]
  }
  report = JSON.parse(JSON.stringify(report)) as LayerReport
  const p = pca.fitLayerPca(ref, { seed: 1 })
  return {
    id: 'sh-1',
    name: 'line 3 vs line 4',
    createdAt: '2026-01-01T00:00:00Z',
    source: 'dumps',
    dataset: { kind: 'dumps', n: N, d: 2 },
    record: {} as LayerAnalysis['record'],
    report,
    projection: { shape: p.shape, data: p.data, layerNames: ref.map((l) => l.name), explainedVariance: p.explainedVariance },
    compareProjection: { shape: [3, M, 3], data: pca.projectLayers(p, cmp) }
  }
}

let api: Record<string, ReturnType<typeof vi.fn>>
const okR = <T>(value: T): Promise<Result<T>> => Promise.resolve({ ok: true, value })
const byId = (w: VueWrapper, id: string) => w.find(`[data-testid="${id}"]`)
let a: LayerAnalysis
beforeEach(() => {
  const m = createMockApi()
  setApi(m.api)
  api = m.api as unknown as Record<string, ReturnType<typeof vi.fn>>
  a = analysis()
  api['layers.get'] = vi.fn(() => okR(a))
  document.body.innerHTML = ''
})
async function mountView(): Promise<VueWrapper> {
  history.replaceState(null, '', '#/analysis?id=sh-1')
  const pinia = createPinia()
  setActivePinia(pinia)
  const w = mount(View, { global: { plugins: [pinia, createAppI18n('en')] }, attachTo: document.body })
  await flush()
  return w
}

describe('shift analysis page', () => {
  it('shows both clouds in the one projection, reference first, labelled and named', async () => {
    const w = await mountView()
    const traj = seen.props?.trajectories as { shape: number[]; data: Float32Array; labels: Int32Array }
    expect(traj.shape).toEqual([3, N + M, 3])
    const p = a.projection!.data
    const c = a.compareProjection!.data
    for (let l = 0; l < 3; l++)
      for (let i = 0; i < N + M; i++)
        for (let d = 0; d < 3; d++) {
          const want = i < N ? p[(l * N + i) * 3 + d] : c[(l * M + (i - N)) * 3 + d]
          expect(traj.data[(l * (N + M) + i) * 3 + d]).toBe(want)
        }
    expect(Array.from(traj.labels)).toEqual([...Array(N).fill(0), ...Array(M).fill(1)])
    expect(seen.props?.classNames).toEqual(['reference data', 'new data'])
    // the colours are the two data sets, not classes
    expect(seen.props?.colourTitle).toBe('colour: data set')
    expect(seen.props?.colorBy).toBe('component')
    // an analysis of one data set keeps its own projection
    expect(twoClouds({ projection: a.projection })).toBeNull()
    w.unmount()
  })

  it('shows the engine shift per layer and the farthest samples of the layer shown', async () => {
    const w = await mountView()
    expect(w.findAll('[data-testid^="shift-row-"]')).toHaveLength(3)
    for (let l = 0; l < 3; l++) {
      const s = a.report.rows[l].shift!
      expect(byId(w, `shift-row-${l}`).find('[data-col="energy"]').text()).toBe(formatValue(s.energy, 'plain', 'en'))
      expect(byId(w, `shift-row-${l}`).find('[data-col="slicedW2"]').text()).toBe(formatValue(s.slicedW2, 'plain', 'en'))
    }
    // the stretch layer doubles the shifted coordinate: its energy exceeds the input's
    expect(a.report.rows[1].shift!.energy).toBeGreaterThan(a.report.rows[0].shift!.energy)
    expect(byId(w, 'shift-farthest').text()).toContain('layer 0 (input)')
    await byId(w, 'shift-row-2').trigger('click')
    expect(seen.props?.depth).toBe(2)
    expect(byId(w, 'shift-farthest').text()).toContain('layer 2 (drop)')
    const far = a.report.shift!.farthest.find((f) => f.layer === 2)!
    expect(byId(w, 'shift-farthest').findAll('li')).toHaveLength(far.points.length)
    w.unmount()
  })

  it('a flag marks its rows, lists the layers inheriting it, and explains itself', async () => {
    const w = await mountView()
    expect(byId(w, 'flag-inherited-0').text()).toBe('Carried on, without adding to it, by layers 2.')
    expect(byId(w, 'flag-explain-0').text()).toContain('merging flag')
    await byId(w, 'flag-rows-0').trigger('click')
    const marked = w.findAll('[data-testid^="layer-row-"]').filter((r) => r.attributes('data-marked') === 'true')
    expect(marked.map((r) => r.attributes('data-testid'))).toEqual(['layer-row-1', 'layer-row-2'])
    expect(seen.props?.depth).toBe(1)
    w.unmount()
  })
})

describe('compare with other data in the wizard request', () => {
  it('sends compareData for a model only', () => {
    const data: DataDraft = { kind: 'builtin', builtin: 'moons', n: 500, seed: 7, datasetId: null }
    const compare: DataDraft = { kind: 'builtin', builtin: 'circles', n: 300, seed: 8, datasetId: null }
    const base = { name: ' shift ', files: [], labels: null, data, k: 5, seed: 3 }
    expect(describeStartRequest({ ...base, source: 'tfjs-model', compare })).toMatchObject({
      data: { kind: 'builtin', name: 'moons', n: 500, seed: 7 },
      compareData: { kind: 'builtin', name: 'circles', n: 300, seed: 8 }
    })
    expect(describeStartRequest({ ...base, source: 'tfjs-model', compare: null }).compareData).toBeUndefined()
    expect(describeStartRequest({ ...base, source: 'dumps', compare }).compareData).toBeUndefined()
  })
})
