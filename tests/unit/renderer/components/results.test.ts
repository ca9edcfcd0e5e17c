// @vitest-environment happy-dom
// The results workspace: the trajectory view gets the run, the scrubber's depth and the colouring;
// the scrubber moves every view; re-run sends the changed depth and step size; summary numbers shown;
// Save image downloads the view's PNG.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createAppI18n } from '@/i18n'
import { createMockApi, flush, manifestFixture, trajectoriesFixture } from '../helpers'
import { setApi } from '../api-double'

vi.mock('uplot', () => import('../fake-uplot'))
vi.mock('@/api', () => import('../api-double'))
const handle = { resetCamera: vi.fn(), toPNG: vi.fn(() => 'data:image/png;base64,AAAA') }
// stands in for the three.js view (WebGL is not available in happy-dom); same props and handle
vi.mock('@/components/TrajectoryView.vue', () => ({
  default: defineComponent({
    name: 'TrajectoryView',
    props: {
      trajectories: { type: Object, default: null },
      depth: { type: Number, default: 0 },
      colorBy: { type: String, default: 'component' },
      playing: Boolean
    },
    setup(_, { expose }) {
      expose(handle)
      return () => h('canvas', { 'data-testid': 'tv-stub' })
    }
  })
}))
const ResultsWorkspace = (await import('@/views/ResultsWorkspace.vue')).default
const { useRunsStore } = await import('@/stores/runs')
const { useViewStore } = await import('@/stores/view')

let m: ReturnType<typeof createMockApi>
const tid = (id: string) => `[data-testid="${id}"]`

async function setup(labels: 'component' | 'none' = 'component') {
  const pinia = createPinia()
  setActivePinia(pinia)
  const manifest = { ...manifestFixture('a', 4, 0.3), labels }
  m.api['runs.get'].mockResolvedValue({ ok: true, value: manifest })
  m.api['runs.trajectories'].mockResolvedValue({ ok: true, value: trajectoriesFixture(4) })
  const w = mount(ResultsWorkspace, { global: { plugins: [pinia, createAppI18n('en')] } })
  expect(w.find(tid('results-empty')).exists()).toBe(true)
  await useRunsStore().open('a')
  useViewStore().setRange(0.3)
  useViewStore().setDepth(0.3)
  await flush()
  return { w, view: useViewStore() }
}

beforeEach(() => {
  m = createMockApi()
  setApi(m.api)
  handle.resetCamera.mockClear()
})

describe('ResultsWorkspace', () => {
  it('passes the run, depth and colouring to the trajectory view and follows the scrubber', async () => {
    const { w, view } = await setup()
    const tv = w.findComponent({ name: 'TrajectoryView' })
    expect(tv.props('trajectories')).toBe(useRunsStore().trajectories)
    expect(tv.props('depth')).toBe(0.3)
    expect(tv.props('colorBy')).toBe('component')
    const range = w.find(tid('depth-range'))
    expect(range.attributes('max')).toBe('0.3')
    // 4 samples -> spacing 0.1, keyboard step a quarter of it
    expect(Number(range.attributes('step'))).toBeCloseTo(0.025, 12)
    await range.setValue('0.125')
    expect(view.depth).toBe(0.125)
    expect(tv.props('depth')).toBe(0.125)
    expect(w.find(tid('depth-value')).text()).toBe('t = 0.125 of 0.30')
    await w.find(tid('color-initial')).find('input').setValue(true)
    expect(tv.props('colorBy')).toBe('initial')
    await w.find(tid('reset-camera')).trigger('click')
    expect(handle.resetCamera).toHaveBeenCalledTimes(1)
  })

  it("saves the 3-D view's PNG through the one download path, named after the run, view and depth", async () => {
    const { w } = await setup()
    const blobs: Blob[] = []
    const names: string[] = []
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => (blobs.push(b as Blob), 'blob:png'))
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined)
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download)
    })
    try {
      await w.find(tid('save-image')).trigger('click')
      expect(names).toHaveLength(1)
      expect(names[0]).toMatch(/^run-a-3d-view-depth-0\.300-\d{4}-\d{2}-\d{2}\.png$/)
      // the stub's data: URL carries base64 'AAAA', three zero bytes
      expect(blobs[0].type).toBe('image/png')
      expect(Array.from(new Uint8Array(await blobs[0].arrayBuffer()))).toEqual([0, 0, 0])
    } finally {
      vi.restoreAllMocks()
    }
  })

  it('colours by initial position when the run has no component labels', async () => {
    const { w } = await setup('none')
    expect(w.findComponent({ name: 'TrajectoryView' }).props('colorBy')).toBe('initial')
    expect(w.find(tid('color-component')).find('input').attributes('disabled')).toBeDefined()
  })

  it('shows the summary numbers and notes', async () => {
    const { w } = await setup()
    expect(w.find(tid('summary-backend')).text()).toBe('wasm')
    expect(w.find(tid('summary-nfe')).text()).toBe('240')
    expect(w.find(tid('summary-steps')).text()).toBe('60 accepted, 0 rejected')
    expect(w.find(tid('summary-entropy')).text()).toContain('3 → 2.7')
    expect(w.find(tid('summary-notes')).text()).toContain('a note from the engine')
  })

  it('re-runs with the changed depth and step size, validating them first', async () => {
    const { w } = await setup()
    expect((w.find(tid('rerun-depth')).element as HTMLInputElement).value).toBe('0.3')
    await w.find(tid('rerun-depth')).setValue('0.55')
    expect(w.find(tid('rerun-depth-error')).text()).toContain('singular time t* = 0.5000')
    expect(w.find(tid('rerun-button')).attributes('disabled')).toBeDefined()
    await w.find(tid('rerun-depth')).setValue('0.4')
    await w.find(tid('rerun-step')).setValue('0.01')
    await w.find(tid('rerun-controls')).trigger('submit')
    await flush()
    expect(m.api['runs.start']).toHaveBeenCalledTimes(1)
    const { spec } = m.api['runs.start'].mock.calls[0][0] as { spec: { integration: Record<string, unknown>; seed: number } }
    expect(spec.integration).toEqual({ solver: 'rk4', depth: 0.4, stepSize: 0.01, samples: 4 })
    expect(spec.seed).toBe(7)
  })
})

describe('ResultsWorkspace in a wizard (origin)', () => {
  it("does not show another screen's run or offer to re-run it; shows the run opened from its own screen", async () => {
    const pinia = createPinia()
    setActivePinia(pinia)
    m.api['runs.get'].mockResolvedValue({ ok: true, value: manifestFixture('a', 4, 0.3) })
    m.api['runs.trajectories'].mockResolvedValue({ ok: true, value: trajectoriesFixture(4) })
    await useRunsStore().open('a', 'train')
    const w = mount(ResultsWorkspace, { props: { origin: 'dae' }, global: { plugins: [pinia, createAppI18n('en')] } })
    await flush()
    expect(w.find(tid('results-empty')).text()).toBe('Run an experiment to see its particles move through depth.')
    // the train wizard's empty view says what comes after training, in its own words
    const train = mount(ResultsWorkspace, { props: { origin: 'other', emptyText: 'after training' }, global: { plugins: [pinia, createAppI18n('en')] } })
    await flush()
    expect(train.find(tid('results-empty')).text()).toBe('after training')
    train.unmount()
    expect(w.find(tid('rerun-controls')).exists()).toBe(false)
    await useRunsStore().open('a', 'dae')
    await flush()
    expect(w.find(tid('results-empty')).exists()).toBe(false)
    expect(w.find(tid('rerun-controls')).exists()).toBe(true)
    // a plain workspace (the run page) shows whatever run is open
    const plain = mount(ResultsWorkspace, { global: { plugins: [pinia, createAppI18n('en')] } })
    await useRunsStore().open('a', 'train')
    await flush()
    expect(plain.find(tid('rerun-controls')).exists()).toBe(true)
  })
})
