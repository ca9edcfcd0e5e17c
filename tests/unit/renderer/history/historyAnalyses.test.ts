// @vitest-environment happy-dom
// History with layer analyses, the api mocked: runs and analyses in one list newest first with a kind
// column, the kind filter (and a template filter leaving analyses out), search over an analysis's tags,
// rename and tags through layers.update, trash with undo through layers.trash / layers.restore, the
// trash listing both kinds, and Open / Compare going to the analysis screens.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import type { LayerAnalysisSummary } from '@shared/layers'
import { createAppI18n } from '@/i18n'
import { EMPTY_FILTER } from '@/components/history/filter'
import { historyEntries } from '@/components/history/entries'
import { flush } from '../helpers'
import { createFullMockApi, historyFixture, type FullMock } from './mockApi'
import { setApi } from '../api-double'

vi.mock('@/api', () => import('../api-double'))
const HistoryView = (await import('@/views/HistoryView.vue')).default
const { useNavStore } = await import('@/stores/nav')
const { collectScreens, SCREENS_KEY } = await import('@/screenRegistry')
const core = (await import('@/screens/core')).default

const analysesFixture = (): LayerAnalysisSummary[] => [
  {
    id: 'a-mid',
    name: 'MLP on moons',
    createdAt: '2025-02-15T09:00:00Z',
    status: 'complete',
    source: 'tfjs-model',
    layerCount: 5,
    n: 400,
    flagCount: 2,
    tags: ['line-3']
  },
  { id: 'a-first', name: 'ResNet dumps', createdAt: '2024-12-01T09:00:00Z', status: 'complete', source: 'dumps', layerCount: 9, n: 1000, flagCount: 0 }
]

let m: FullMock
const tid = (id: string) => `[data-testid="${id}"]`
const row = (id: string) => `[data-testid="history-row"][data-run-id="${id}"]`
const ids = (w: ReturnType<typeof mount>) => w.findAll(tid('history-row')).map((r) => r.attributes('data-run-id'))

async function setup() {
  setActivePinia(createPinia())
  m.api['runs.list'].mockImplementation((r: unknown) => Promise.resolve({ ok: true, value: (r as { trash?: boolean }).trash ? [] : historyFixture() }))
  m.api['layers.list'].mockImplementation((r: { trash?: boolean }) =>
    Promise.resolve({ ok: true as const, value: r.trash ? [{ ...analysesFixture()[1], trashedAt: '2025-04-01T00:00:00Z' }] : analysesFixture() })
  )
  const w = mount(HistoryView, {
    global: { plugins: [createAppI18n('en')], provide: { [SCREENS_KEY as symbol]: collectScreens({ './screens/core.ts': core }) } },
    attachTo: document.body
  })
  await flush()
  return w
}

beforeEach(() => {
  m = createFullMockApi()
  setApi(m.api)
})

describe('history entries (pure)', () => {
  it('merges both kinds newest first, filters by kind, and a template filter leaves analyses out', () => {
    const runs = historyFixture()
    const an = analysesFixture()
    expect(historyEntries(runs, an, EMPTY_FILTER).map((e) => `${e.kind}:${e.id}`)).toEqual([
      'run:r-new',
      'analysis:a-mid',
      'run:r-bad',
      'run:r-old',
      'analysis:a-first',
      'run:r-half'
    ])
    expect(historyEntries(runs, an, EMPTY_FILTER, 'analysis').map((e) => e.id)).toEqual(['a-mid', 'a-first'])
    expect(historyEntries(runs, an, EMPTY_FILTER, 'run').map((e) => e.id)).toEqual(['r-new', 'r-bad', 'r-old', 'r-half'])
    expect(historyEntries(runs, an, { ...EMPTY_FILTER, template: 'dae' }).map((e) => e.id)).toEqual(['r-old'])
    expect(historyEntries(runs, an, { ...EMPTY_FILTER, tag: 'line-3' }).map((e) => e.id)).toEqual(['a-mid'])
    expect(historyEntries(runs, an, { ...EMPTY_FILTER, text: 'ＲＥＳＮＥＴ' }).map((e) => e.id)).toEqual(['a-first'])
    expect(historyEntries(runs, an, { ...EMPTY_FILTER, status: 'incomplete' }).map((e) => e.id)).toEqual(['r-half'])
  })
})

describe('history screen with analyses', () => {
  it('lists both kinds with a kind column, the analysis source and size, and filters by kind', async () => {
    const w = await setup()
    expect(ids(w)).toEqual(['r-new', 'a-mid', 'r-bad', 'r-old', 'a-first', 'r-half'])
    expect(w.find(row('a-mid')).find(tid('entry-kind')).text()).toBe('Layer analysis')
    expect(w.find(row('r-new')).find(tid('entry-kind')).text()).toBe('Run')
    expect(w.find(row('a-mid')).find(tid('run-template')).text()).toBe('TF.js model5 layers, 2 flags')
    expect(w.find(tid('history-count')).text()).toBe('6 entries')
    expect(
      w
        .find(tid('filter-tag'))
        .findAll('option')
        .map((o) => o.text())
    ).toEqual(['Any', 'deep', 'line-3', 'paper', 'roll'])
    await w.find(tid('filter-kind')).setValue('analysis')
    expect(ids(w)).toEqual(['a-mid', 'a-first'])
    await w.find(tid('filter-kind')).setValue('run')
    expect(ids(w)).toEqual(['r-new', 'r-bad', 'r-old', 'r-half'])
    w.unmount()
  })

  it('renames and tags an analysis through layers.update', async () => {
    const w = await setup()
    const r = () => w.find(row('a-first'))
    await r().find(tid('run-rename')).trigger('click')
    await flush()
    // the field takes the focus, and Escape gives it back to the Rename button
    expect(document.activeElement).toBe(r().find(tid('rename-input')).element)
    await r().find('form.rename').trigger('keydown', { key: 'Escape' })
    await flush()
    expect(document.activeElement).toBe(r().find(tid('run-rename')).element)
    await r().find(tid('run-rename')).trigger('click')
    await r().find(tid('rename-input')).setValue('  ResNet-18 block dumps ')
    await r().find('form.rename').trigger('submit')
    await flush()
    expect(m.api['layers.update']).toHaveBeenCalledWith({ id: 'a-first', name: 'ResNet-18 block dumps' })
    expect(m.api['runs.update']).not.toHaveBeenCalled()
    expect(r().find(tid('run-name')).text()).toBe('ResNet-18 block dumps')
    await w.find(row('a-mid')).find(tid('tag-input')).setValue('line-3')
    expect(w.find(row('a-mid')).find(tid('tag-error')).text()).toBe('This analysis already has that tag.')
    await w.find(row('a-mid')).find(tid('tag-input')).setValue('may')
    await w.find(row('a-mid')).find('form.tag-add').trigger('submit')
    await flush()
    expect(m.api['layers.update']).toHaveBeenLastCalledWith({ id: 'a-mid', tags: ['line-3', 'may'] })
    w.unmount()
  })

  it('trashes an analysis with undo, and the trash lists and restores analyses', async () => {
    const w = await setup()
    await w.find(row('a-mid')).find(tid('run-trash')).trigger('click')
    await flush()
    expect(m.api['layers.trash']).toHaveBeenCalledWith({ id: 'a-mid' })
    expect(m.api['runs.trash']).not.toHaveBeenCalled()
    expect(w.find(row('a-mid')).exists()).toBe(false)
    await w.find(tid('undo-trash')).trigger('click')
    await flush()
    expect(m.api['layers.restore']).toHaveBeenCalledWith({ id: 'a-mid' })
    expect(m.api['runs.restore']).not.toHaveBeenCalled()
    expect(w.find(row('a-mid')).exists()).toBe(true)

    await w.find(tid('toggle-trash')).trigger('click')
    await flush()
    expect(m.api['layers.list']).toHaveBeenCalledWith({ trash: true })
    expect(ids(w)).toEqual(['a-first'])
    expect(w.find(row('a-first')).text()).toContain('Trashed')
    await w.find(row('a-first')).find(tid('run-restore')).trigger('click')
    await flush()
    expect(m.api['layers.restore']).toHaveBeenLastCalledWith({ id: 'a-first' })
    expect(w.find(tid('history-empty')).text()).toBe('The trash is empty.')
    w.unmount()
  })

  it('opens an analysis and starts a comparison from it', async () => {
    const w = await setup()
    const nav = useNavStore()
    await w.find(row('a-mid')).find(tid('run-open')).trigger('click')
    expect([nav.screen, nav.params]).toEqual(['analysis', { id: 'a-mid' }])
    await w.find(row('a-first')).find(tid('analysis-compare')).trigger('click')
    expect([nav.screen, nav.params]).toEqual(['analysis-compare', { a: 'a-first' }])
    w.unmount()
  })
})
