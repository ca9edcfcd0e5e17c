// @vitest-environment happy-dom
// The shell: screens routed from the hash (unknown -> home), header navigation in nav order, home tiles for
// templates plus "Open a run", the five most recent complete runs linking to #/run?id=; the engine-crash
// banner with Retry resubmitting the same spec; the saved language applied at start; a run page that
// says why a run cannot be opened.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { DEFAULT_SETTINGS } from '@shared/settings'
import type { RunSummary } from '@shared/run'
import { createAppI18n } from '@/i18n'
import { flush, manifestFixture, SPEC_47, trajectoriesFixture } from '../helpers'
import { createFullMockApi, type FullMock } from '../history/mockApi'
import { setApi } from '../api-double'
import { message } from '@shared/messages'

vi.mock('@/api', () => import('../api-double'))
// the 3-D workspace needs WebGL; stubs stand in for it on the run page and the DAE screen
/* eslint-disable vue/one-component-per-file -- two tiny render-function stubs, not components of the app */
vi.mock('@/views/ResultsWorkspace.vue', () => ({ default: defineComponent({ setup: () => () => h('div', { 'data-testid': 'results-stub' }) }) }))
vi.mock('@/views/DaeWizard.vue', () => ({ default: defineComponent({ setup: () => () => h('div', { 'data-testid': 'wizard' }) }) }))
const App = (await import('@/App.vue')).default
// load the lazy screens once up front, so routing in a test waits for Vue, not for the module transform
await Promise.all([
  import('@/views/HomeView.vue'),
  import('@/views/HistoryView.vue'),
  import('@/views/RunView.vue'),
  import('@/views/DaeExperimentView.vue'),
  import('@/views/SettingsView.vue')
])
const { useJobsStore } = await import('@/stores/jobs')
const { useNavStore } = await import('@/stores/nav')

let m: FullMock
const tid = (id: string) => `[data-testid="${id}"]`

function runs(n: number): RunSummary[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `r${i}`,
    name: `run ${i}`,
    createdAt: `2025-01-${String(i + 1).padStart(2, '0')}T12:00:00Z`,
    status: i === 6 ? ('unreadable' as const) : ('complete' as const),
    template: 'dae'
  }))
}

async function start(hash: string, locale: 'en' | 'ja' = 'en') {
  history.replaceState(null, '', `/?token=t${hash}`)
  setActivePinia(createPinia())
  const i18n = createAppI18n(locale)
  const w = mount(App, { global: { plugins: [i18n] }, attachTo: document.body })
  await vi.waitFor(() => expect(w.find(tid('screen')).element.children.length).toBeGreaterThan(0))
  await flush()
  return { w, i18n }
}

beforeEach(() => {
  m = createFullMockApi()
  setApi(m.api)
  m.api['runs.list'].mockResolvedValue({ ok: true, value: runs(8) })
})

describe('app shell', () => {
  it('shows home for an empty or unknown hash, with template tiles, Open a run and recent runs', async () => {
    for (const hash of ['', '#/no-such-screen']) {
      const { w } = await start(hash)
      expect(w.find(tid('screen')).attributes('data-screen')).toBe('home')
      const tiles = w.findAll('.tile-link').map((a) => a.attributes('data-testid'))
      expect(tiles[0]).toBe('template-dae')
      expect(tiles.at(-1)).toBe('template-open-run')
      expect(w.find(tid('template-dae')).text()).toContain('DAE transport study')
      // the five newest complete runs (r6 is unreadable), newest first
      expect(w.findAll(tid('recent-run')).map((a) => a.attributes('data-run-id'))).toEqual(['r7', 'r5', 'r4', 'r3', 'r2'])
      w.unmount()
    }
  })

  it('lists the header navigation in nav order and routes by it and by the tiles', async () => {
    const { w } = await start('#/home')
    const navIds = w.findAll('.app-nav a').map((a) => a.attributes('data-testid'))
    expect(navIds.indexOf('nav-home')).toBeLessThan(navIds.indexOf('nav-history'))
    expect(navIds.at(-1)).toBe('nav-settings')
    expect(w.find(tid('nav-home')).attributes('aria-current')).toBe('page')
    await w.find(tid('nav-history')).trigger('click')
    await vi.waitFor(() => expect(w.find(tid('history')).exists()).toBe(true))
    expect(location.hash).toBe('#/history')
    expect(w.find(tid('nav-history')).attributes('aria-current')).toBe('page')
    await w.find(tid('nav-home')).trigger('click')
    await vi.waitFor(() => expect(w.find(tid('template-dae')).exists()).toBe(true))
    await w.find(tid('template-dae')).trigger('click')
    await vi.waitFor(() => expect(w.find(tid('wizard')).exists()).toBe(true))
    expect(location.hash).toBe('#/dae')
    expect(document.title).toBe('DAE transport study — Nagare')
    w.unmount()
  })

  it('opens a recent run by its id on the run page', async () => {
    // the run page loads the run: answer as the engine would (an unanswered mock would reject after the test)
    m.api['runs.get'].mockResolvedValue({ ok: true, value: manifestFixture('r5', 4, 0.3) })
    m.api['runs.trajectories'].mockResolvedValue({ ok: true, value: trajectoriesFixture(4) })
    const { w } = await start('#/home')
    await w.find(`${tid('recent-run')}[data-run-id="r5"]`).trigger('click')
    await vi.waitFor(() => expect(m.api['runs.get']).toHaveBeenCalled())
    expect(location.hash).toBe('#/run?id=r5')
    expect(m.api['runs.get']).toHaveBeenCalledWith({ id: 'r5' })
    await flush()
    w.unmount()
  })

  it('says why a run cannot be opened, on its page, instead of going blank', async () => {
    m.api['runs.get'].mockResolvedValue({
      ok: false,
      error: { code: 'unreadable-run', message: message('runs.runFileMissing', { id: 'r3', file: 'run.json' }) }
    })
    m.api['runs.trajectories'].mockResolvedValue({
      ok: false,
      error: { code: 'unreadable-run', message: message('runs.runFileMissing', { id: 'r3', file: 'trajectories.npy' }) }
    })
    const { w } = await start('#/run?id=r3')
    expect(w.find(tid('run-open-error')).text()).toBe('This run could not be opened: run r3: run.json is missing')
    expect(w.find(tid('results-stub')).exists()).toBe(false)
    expect(w.find(tid('run-page')).attributes('data-run-id')).toBe('r3')
    w.unmount()
  })

  it('applies the saved language at start', async () => {
    m.api['settings.get'].mockResolvedValue({ ok: true, value: { settings: { ...DEFAULT_SETTINGS, language: 'ja' } } })
    const { w, i18n } = await start('#/home', 'en')
    expect(i18n.global.locale.value).toBe('ja')
    expect(w.find('#home-title').text()).toBe('ホーム')
    expect(document.documentElement.lang).toBe('ja')
    w.unmount()
  })

  it('the header language switch applies at once and is saved with the settings', async () => {
    const { w, i18n } = await start('#/home')
    await w.find(tid('language-switch')).setValue('ja')
    await flush()
    expect(i18n.global.locale.value).toBe('ja')
    expect(m.api['settings.set']).toHaveBeenCalledWith({ settings: { language: 'ja' } })
    w.unmount()
  })

  it('says the compute process crashed on any screen and Retry resubmits the same spec', async () => {
    const { w } = await start('#/history')
    const jobs = useJobsStore()
    await jobs.start(SPEC_47)
    m.emit({
      jobId: 'job-1',
      type: 'failed',
      error: { code: 'engine-crashed', message: message('engine.crashed', { reason: message('engine.exitCode', { code: 134 }) }) }
    })
    await flush()
    const banner = w.find(tid('engine-crashed'))
    expect(banner.attributes('role')).toBe('alert')
    expect(banner.text()).toContain('The compute process stopped unexpectedly. Your earlier runs are safe.')
    expect(banner.text()).toContain('code 134')
    m.api['runs.start'].mockResolvedValue({ ok: true, value: { jobId: 'job-2' } })
    await w.find(tid('engine-crashed-retry')).trigger('click')
    await flush()
    expect(m.api['runs.start']).toHaveBeenCalledTimes(2)
    expect(m.api['runs.start']).toHaveBeenLastCalledWith({ spec: SPEC_47 })
    expect(jobs.status).toBe('running')
    expect(w.find(tid('engine-crashed')).exists()).toBe(false)
    // other failures are left to the screen that ran the job
    m.emit({
      jobId: 'job-2',
      type: 'failed',
      error: { code: 'blow-up', message: message('engine.blowUp', { depth: 0.5, detail: message('engine.positionsNonFinite') }) }
    })
    await flush()
    expect(w.find(tid('engine-crashed')).exists()).toBe(false)
    expect(useNavStore().screen).toBe('history')
    w.unmount()
  })
})
