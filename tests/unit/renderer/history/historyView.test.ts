// @vitest-environment happy-dom
// The history screen with the api mocked: every run listed (unreadable and set-aside ones with their
// problem), search, inline rename with validation, tags, trash with undo, the trash view with restore,
// the archive download, and an engine error shown on its row.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createAppI18n } from '@/i18n'
import { flush } from '../helpers'
import { createFullMockApi, historyFixture, type FullMock } from './mockApi'
import { setApi } from '../api-double'
import { message } from '@shared/messages'

vi.mock('@/api', () => import('../api-double'))
const HistoryView = (await import('@/views/HistoryView.vue')).default
const { useNavStore } = await import('@/stores/nav')
const { collectScreens, SCREENS_KEY } = await import('@/screenRegistry')
const core = (await import('@/screens/core')).default

let m: FullMock
const tid = (id: string) => `[data-testid="${id}"]`
const row = (id: string) => `[data-testid="history-row"][data-run-id="${id}"]`

async function setup() {
  setActivePinia(createPinia())
  m.api['runs.list'].mockImplementation((r: unknown) =>
    Promise.resolve({ ok: true, value: (r as { trash?: boolean }).trash ? [{ ...historyFixture()[0], trashedAt: '2025-04-01T00:00:00Z' }] : historyFixture() })
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

describe('history screen', () => {
  it("shows flow, T, solver, the h used, NFE and a classifier's accuracy for each run", async () => {
    const w = await setup()
    const cells = (id: string) => ['run-flow', 'run-depth', 'run-solver', 'run-step', 'run-nfe', 'run-accuracy'].map((c) => w.find(row(id)).find(tid(c)).text())
    expect(cells('r-old')).toEqual(['continuous-dae', '0.45', 'rk4', '0.005', '360', '—'])
    expect(cells('r-new')).toEqual(['neural-ode', '1', 'dopri5', 'adaptive', '1,234', '92.5%'])
    expect(cells('r-bad')).toEqual(['—', '—', '—', '—', '—', '—'])
    const heads = w.findAll('thead th').map((h) => h.text())
    expect(heads.slice(heads.indexOf('Flow'), heads.indexOf('Flow') + 6)).toEqual(['Flow', 'T', 'Solver', 'h', 'NFE', 'Accuracy'])
    // the run's columns follow its status
    expect(heads[heads.indexOf('Flow') - 1]).toBe('Status')
  })

  it('lists every run newest first with status in words, entropy and problems', async () => {
    const w = await setup()
    const rows = w.findAll(tid('history-row'))
    expect(rows.map((r) => r.attributes('data-run-id'))).toEqual(['r-new', 'r-bad', 'r-old', 'r-half'])
    expect(w.find(row('r-bad')).find(tid('run-status')).text()).toBe('unreadable')
    expect(w.find(row('r-bad')).find(tid('run-problem')).text()).toContain('run.json is not valid JSON: line 1')
    expect(w.find(row('r-half')).find(tid('run-problem')).text()).toContain('interrupted write')
    // an unreadable run cannot be opened or renamed, but can be trashed
    expect(w.find(row('r-bad')).find(tid('run-open')).exists()).toBe(false)
    expect(w.find(row('r-bad')).find(tid('run-trash')).exists()).toBe(true)
    expect(w.find(row('r-old')).find(tid('run-entropy')).text()).toBe('3.123 → 2.5')
    // a template registered as a screen is named by its title; others by their id
    expect(w.find(row('r-old')).find(tid('run-template')).text()).toBe('DAE transport study')
    expect(w.find(row('r-new')).find(tid('run-template')).text()).toBe('train')
    expect(
      w
        .find(tid('filter-template'))
        .findAll('option')
        .map((o) => o.text())
    ).toEqual(['Any', 'DAE transport study', 'train'])
    expect(w.find(tid('history-count')).text()).toBe('4 runs')
    w.unmount()
  })

  it('searches and filters', async () => {
    const w = await setup()
    await w.find(tid('history-search')).setValue('deep')
    expect(w.findAll(tid('history-row')).map((r) => r.attributes('data-run-id'))).toEqual(['r-new'])
    // while a filter hides some, the count says how many of all show
    expect(w.find(tid('history-count')).text()).toBe('1 of 4 runs')
    await w.find(tid('history-search')).setValue('')
    await w.find(tid('filter-status')).setValue('incomplete')
    expect(w.findAll(tid('history-row')).map((r) => r.attributes('data-run-id'))).toEqual(['r-half'])
    await w.find(tid('filter-status')).setValue('')
    await w.find(tid('filter-tag')).setValue('paper')
    expect(w.findAll(tid('history-row')).map((r) => r.attributes('data-run-id'))).toEqual(['r-old'])
    w.unmount()
  })

  it('renames inline: refuses an empty name, saves the trimmed one', async () => {
    const w = await setup()
    await w.find(row('r-old')).find(tid('run-rename')).trigger('click')
    const input = w.find(row('r-old')).find(tid('rename-input'))
    expect((input.element as HTMLInputElement).value).toBe('Paper 47 baseline')
    await input.setValue('   ')
    expect(w.find(row('r-old')).find(tid('rename-error')).text()).toBe('A name cannot be empty.')
    expect(w.find(row('r-old')).find(tid('rename-save')).attributes('disabled')).toBeDefined()
    await input.setValue('  Figure 47  ')
    expect(w.find(row('r-old')).find(tid('rename-error')).exists()).toBe(false)
    await w.find(row('r-old')).find('form.rename').trigger('submit')
    await flush()
    expect(m.api['runs.update']).toHaveBeenCalledWith({ id: 'r-old', name: 'Figure 47' })
    expect(w.find(row('r-old')).find(tid('run-name')).text()).toBe('Figure 47')
    w.unmount()
  })

  it('adds and removes tags through runs.update with the whole list', async () => {
    const w = await setup()
    const r = () => w.find(row('r-new'))
    await r().find(tid('tag-input')).setValue('roll')
    expect(r().find(tid('tag-error')).text()).toBe('This run already has that tag.')
    await r().find(tid('tag-input')).setValue(' keep ')
    await r().find('form.tag-add').trigger('submit')
    await flush()
    expect(m.api['runs.update']).toHaveBeenLastCalledWith({ id: 'r-new', tags: ['roll', 'deep', 'keep'] })
    expect(
      r()
        .findAll(tid('tag'))
        .map((x) => x.text().replace('×', '').trim())
    ).toEqual(['roll', 'deep', 'keep'])
    await r().findAll(tid('tag-remove'))[0].trigger('click')
    await flush()
    expect(m.api['runs.update']).toHaveBeenLastCalledWith({ id: 'r-new', tags: ['deep', 'keep'] })
    w.unmount()
  })

  it('moves a run to the trash with an undo notice, and undo restores it', async () => {
    const w = await setup()
    await w.find(row('r-old')).find(tid('run-trash')).trigger('click')
    await flush()
    expect(m.api['runs.trash']).toHaveBeenCalledWith({ id: 'r-old' })
    expect(w.find(row('r-old')).exists()).toBe(false)
    expect(w.find(tid('history-notice')).text()).toContain('“Paper 47 baseline” was moved to the trash.')
    await w.find(tid('undo-trash')).trigger('click')
    await flush()
    expect(m.api['runs.restore']).toHaveBeenCalledWith({ id: 'r-old' })
    expect(w.find(row('r-old')).exists()).toBe(true)
    expect(w.find(tid('history-notice')).text()).toContain('was restored')
    w.unmount()
  })

  it('shows the trash from runs.list {trash:true} and restores from it', async () => {
    const w = await setup()
    await w.find(tid('toggle-trash')).trigger('click')
    await flush()
    expect(m.api['runs.list']).toHaveBeenCalledWith({ trash: true })
    const rows = w.findAll(tid('history-row'))
    expect(rows).toHaveLength(1)
    expect(rows[0].text()).toContain('Trashed')
    await rows[0].find(tid('run-restore')).trigger('click')
    await flush()
    expect(m.api['runs.restore']).toHaveBeenCalledWith({ id: 'r-old' })
    expect(w.find(tid('history-empty')).text()).toBe('The trash is empty.')
    w.unmount()
  })

  it('downloads the archive as a Blob under the engine-given file name', async () => {
    const created: Blob[] = []
    const clicks: string[] = []
    const url = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => (created.push(b as Blob), 'blob:x'))
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download)
    })
    const w = await setup()
    await w.find(row('r-new')).find(tid('run-archive')).trigger('click')
    await flush()
    expect(m.api['runs.archive']).toHaveBeenCalledWith({ id: 'r-new' })
    expect(clicks).toEqual(['r-new.zip'])
    expect([...new Uint8Array(await created[0].arrayBuffer())].slice(0, 2)).toEqual([0x50, 0x4b])
    expect(w.find(tid('history-notice')).text()).toBe('Saved r-new.zip.')
    url.mockRestore()
    click.mockRestore()
    w.unmount()
  })

  it('shows an engine error on the run it concerns, the list intact; Open goes to #/run?id=', async () => {
    m.api['runs.update'].mockResolvedValue({
      ok: false,
      error: { code: 'unreadable-run', message: message('runs.manifestNotJson', { detail: 'edited by hand' }) }
    })
    const w = await setup()
    await w.find(row('r-old')).find(tid('tag-input')).setValue('x')
    await w.find(row('r-old')).find('form.tag-add').trigger('submit')
    await flush()
    expect(w.find(row('r-old')).find(tid('row-error')).text()).toContain('run.json is not valid JSON: edited by hand')
    expect(w.findAll(tid('row-error'))).toHaveLength(1)
    expect(w.findAll(tid('history-row'))).toHaveLength(4)
    await w.find(row('r-old')).find(tid('run-open')).trigger('click')
    expect(useNavStore().screen).toBe('run')
    expect(useNavStore().params).toEqual({ id: 'r-old' })
    expect(location.hash).toBe('#/run?id=r-old')
    w.unmount()
  })
})
