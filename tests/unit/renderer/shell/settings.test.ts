// @vitest-environment happy-dom
// Settings: the notice banner after an unreadable settings file (shown, dismissible), the language applied at
// once and saved, what waits for a restart in plain words, the workspace read-only in browser mode, and
// "Copy diagnostics" to the clipboard with a confirmation, or into a selectable box when there is none.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { DEFAULT_SETTINGS } from '@shared/settings'
import { createAppI18n } from '@/i18n'
import { flush } from '../helpers'
import { createFullMockApi, type FullMock } from '../history/mockApi'
import { setApi } from '../api-double'
import { english, message } from '@shared/messages'

vi.mock('@/api', () => import('../api-double'))
const SettingsView = (await import('@/views/SettingsView.vue')).default
const SettingsNotice = (await import('@/components/common/SettingsNotice.vue')).default
const DiagnosticsCopy = (await import('@/components/common/DiagnosticsCopy.vue')).default
const { useSettingsStore, localeFor } = await import('@/stores/settings')
const { useEngineStore } = await import('@/stores/engine')

let m: FullMock
const tid = (id: string) => `[data-testid="${id}"]`
const i18n = () => createAppI18n('en')

beforeEach(() => {
  m = createFullMockApi()
  setApi(m.api)
  setActivePinia(createPinia())
})
afterEach(() => vi.unstubAllGlobals())

describe('settings notice', () => {
  it('shows the notice of an unreadable settings file until dismissed', async () => {
    m.api['settings.get'].mockResolvedValue({
      ok: true,
      value: { settings: { ...DEFAULT_SETTINGS }, notice: message('runs.settingsSetAside', { problem: 'bad JSON', file: 'settings.json.bad' }) }
    })
    const w = mount(SettingsNotice, { global: { plugins: [i18n()] } })
    expect(w.find(tid('settings-notice')).exists()).toBe(false)
    await useSettingsStore().load()
    await flush()
    expect(w.find(tid('settings-notice')).text()).toContain('defaults are in use')
    expect(w.find(tid('settings-notice-detail')).text()).toBe(english(message('runs.settingsSetAside', { problem: 'bad JSON', file: 'settings.json.bad' })))
    await w.find(tid('settings-notice-dismiss')).trigger('click')
    expect(w.find(tid('settings-notice')).exists()).toBe(false)
  })

  it('shows nothing when the settings were read', async () => {
    const w = mount(SettingsNotice, { global: { plugins: [i18n()] } })
    await useSettingsStore().load()
    await flush()
    expect(w.find(tid('settings-notice')).exists()).toBe(false)
  })
})

describe('settings store', () => {
  it('maps the language setting to a locale, auto following the system languages', () => {
    expect(localeFor('auto', ['ja-JP'])).toBe('ja')
    expect(localeFor('auto', ['fr', 'en-GB'])).toBe('en')
    expect(localeFor('en', ['ja-JP'])).toBe('en')
    expect(localeFor('ja', ['en-US'])).toBe('ja')
  })

  it('has no locale opinion until loaded or chosen; a choice applies even when saving fails', async () => {
    m.api['settings.get'].mockResolvedValue({
      ok: false,
      error: { code: 'internal', message: message('errmsg.internal', { detail: 'settings.get is not available in this build yet' }) }
    })
    m.api['settings.set'].mockResolvedValue({ ok: false, error: { code: 'internal', message: message('harden.diskQuota') } })
    const s = useSettingsStore()
    expect(await s.load()).toBe(false)
    expect(s.locale).toBeNull()
    expect(await s.save({ language: 'ja' })).toBe(false)
    expect(s.locale).toBe('ja')
    expect(s.error?.message).toEqual(message('harden.diskQuota'))
  })
})

describe('settings screen', () => {
  it('saves the language at once and shows what needs a restart in plain words', async () => {
    m.api['settings.set'].mockImplementation((r) =>
      Promise.resolve({ ok: true, value: { settings: { ...DEFAULT_SETTINGS, ...r.settings }, pendingRestart: r.settings.backend ? ['backend'] : [] } })
    )
    const w = mount(SettingsView, { global: { plugins: [i18n()] } })
    await flush()
    expect(m.api['settings.get']).toHaveBeenCalledOnce()
    await w.find(tid('settings-language')).setValue('ja')
    await flush()
    expect(m.api['settings.set']).toHaveBeenCalledWith({ settings: { language: 'ja' } })
    expect(useSettingsStore().locale).toBe('ja')
    expect(w.find(tid('settings-saved')).exists()).toBe(true)
    await w.find(tid('settings-backend')).setValue('cpu')
    await flush()
    expect(m.api['settings.set']).toHaveBeenLastCalledWith({ settings: { backend: 'cpu' } })
    expect(w.find(tid('settings-pending')).text()).toBe('Restart Nagare to use the new compute backend.')
    await w.find(tid('settings-solver')).setValue('dopri5')
    await flush()
    expect(m.api['settings.set']).toHaveBeenLastCalledWith({ settings: { defaultSolver: 'dopri5' } })
  })

  it('saves the compute threads as a whole number, 0 (automatic) for an empty or negative entry, with no restart', async () => {
    m.api['settings.set'].mockImplementation((r) => Promise.resolve({ ok: true, value: { settings: { ...DEFAULT_SETTINGS, ...r.settings } } }))
    const w = mount(SettingsView, { global: { plugins: [i18n()] } })
    await flush()
    expect((w.find(tid('settings-threads')).element as HTMLInputElement).value).toBe('0')
    for (const [typed, saved] of [
      ['3', 3],
      ['2.6', 2],
      ['-1', 0],
      ['', 0]
    ] as const) {
      await w.find(tid('settings-threads')).setValue(typed)
      await w.find(tid('settings-threads')).trigger('change')
      await flush()
      expect(m.api['settings.set']).toHaveBeenLastCalledWith({ settings: { threads: saved } })
    }
    expect(w.find(tid('settings-pending')).exists()).toBe(false)
  })

  it('shows the workspace read-only with an explanation in browser mode, editable on the desktop', async () => {
    await useEngineStore().load()
    const w = mount(SettingsView, { global: { plugins: [i18n()] } })
    await flush()
    const input = w.find(tid('settings-workspace'))
    expect(input.attributes('readonly')).toBeDefined()
    expect((input.element as HTMLInputElement).value).toBe('/tmp/ws')
    expect(w.find(tid('settings-workspace-browser')).text()).toContain('--workspace')
    w.unmount()

    setActivePinia(createPinia())
    m.api['engine.info'].mockResolvedValue({
      ok: true,
      value: { appVersion: '0.1.0', backend: 'wasm', available: ['wasm'], mode: 'desktop', workspace: '/home/u/ws' }
    })
    await useEngineStore().load()
    const d = mount(SettingsView, { global: { plugins: [i18n()] } })
    await flush()
    expect(d.find(tid('settings-workspace')).attributes('readonly')).toBeUndefined()
    await d.find(tid('settings-workspace')).setValue('  /data/nagare ')
    await d.find('form.inline-form').trigger('submit')
    await flush()
    expect(m.api['settings.set']).toHaveBeenLastCalledWith({ settings: { workspace: '/data/nagare' } })
  })

  it('says so when saving fails', async () => {
    m.api['settings.set'].mockResolvedValue({ ok: false, error: { code: 'io', message: message('harden.diskFull') } })
    const w = mount(SettingsView, { global: { plugins: [i18n()] } })
    await flush()
    await w.find(tid('settings-solver')).setValue('euler')
    await flush()
    expect(w.find(tid('settings-save-error')).text()).toBe(
      'The settings could not be saved: The disk is full: the change could not be saved; free space and try again. Nothing else was changed.'
    )
  })
})

describe('copy diagnostics', () => {
  it('copies diagnostics.get text to the clipboard and confirms', async () => {
    const writeText = vi.fn(() => Promise.resolve())
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } })
    const w = mount(DiagnosticsCopy, { global: { plugins: [i18n()] } })
    await w.find(tid('copy-diagnostics')).trigger('click')
    await flush()
    expect(writeText).toHaveBeenCalledWith('Nagare 0.1.0\nbackend wasm')
    expect(w.find(tid('diagnostics-copied')).text()).toBe('Diagnostics copied to the clipboard.')
    expect(w.find(tid('diagnostics-text')).exists()).toBe(false)
  })

  it('falls back to a selectable text box when the clipboard is missing or refuses', async () => {
    for (const clipboard of [undefined, { writeText: () => Promise.reject(new Error('denied')) }]) {
      vi.stubGlobal('navigator', { ...navigator, clipboard })
      const w = mount(DiagnosticsCopy, { global: { plugins: [i18n()] }, attachTo: document.body })
      await w.find(tid('copy-diagnostics')).trigger('click')
      await flush()
      expect(w.find(tid('diagnostics-copied')).exists()).toBe(false)
      expect(w.find(tid('diagnostics-manual')).exists()).toBe(true)
      const box = w.find(tid('diagnostics-text')).element as HTMLTextAreaElement
      expect(box.value).toBe('Nagare 0.1.0\nbackend wasm')
      expect(box.readOnly).toBe(true)
      expect(document.activeElement).toBe(box)
      w.unmount()
    }
  })

  it('reports a failure to gather the diagnostics', async () => {
    m.api['diagnostics.get'].mockResolvedValue({
      ok: false,
      error: { code: 'internal', message: message('errmsg.internal', { detail: 'diagnostics.get is not available in this build yet' }) }
    })
    const w = mount(DiagnosticsCopy, { global: { plugins: [i18n()] } })
    await w.find(tid('copy-diagnostics')).trigger('click')
    await flush()
    expect(w.find(tid('diagnostics-failed')).text()).toContain('not available in this build yet')
  })
})
