// @vitest-environment happy-dom
// The report page's buttons: Print alone in browser mode; in the desktop app (window.nagareDesktop) also
// "Save as PDF", which asks the bridge with the run's file stem and says where it saved, says nothing when
// the user cancelled, and shows a failure plainly. The engine's notes are shown in the UI's language.
/* eslint-disable vue/one-component-per-file -- stand-ins for the 3-D view and the charts */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { english, message, renderMessage, stored } from '@shared/messages'
import type { SavePdfResult } from '@shared/desktop-channels'
import { createAppI18n } from '@/i18n'
import { createMockApi, flush, manifestFixture, trajectoriesFixture } from '../helpers'
import { setApi } from '../api-double'

vi.mock('@/api', () => import('../api-double'))
vi.mock('@/components/TrajectoryView.vue', () => ({
  default: defineComponent({
    name: 'TrajectoryView',
    props: { trajectories: { type: Object, default: null }, depth: { type: Number, default: 0 }, colorBy: { type: String, default: 'component' } },
    setup(_, { expose }) {
      expose({ toPNG: () => 'data:image/png;base64,AAAA' })
      return () => h('canvas')
    }
  })
}))
vi.mock('@/components/SeriesChart.vue', () => ({ default: defineComponent({ name: 'SeriesChart', setup: () => () => h('div') }) }))

const ReportView = (await import('@/views/ReportView.vue')).default
const { useNavStore } = await import('@/stores/nav')

const NOTE = stored(message('engine.noteSpeed'))
let saveReportPdf: ReturnType<typeof vi.fn<(name: string) => Promise<SavePdfResult>>>

async function mountReport(locale: 'en' | 'ja' = 'en'): Promise<VueWrapper> {
  const pinia = createPinia()
  setActivePinia(pinia)
  useNavStore().go('report', { id: 'run-1' })
  const w = mount(ReportView, { global: { plugins: [pinia, createAppI18n(locale)] }, attachTo: document.body })
  await flush()
  return w
}
const byId = (w: VueWrapper, id: string) => w.find(`[data-testid="${id}"]`)

beforeEach(() => {
  const m = createMockApi()
  m.api['runs.get'].mockResolvedValue({ ok: true, value: { ...manifestFixture('run-20260101-abcdef'), name: 'fig 47', notes: [NOTE] } })
  m.api['runs.trajectories'].mockResolvedValue({ ok: true, value: trajectoriesFixture() })
  setApi(m.api)
  saveReportPdf = vi.fn<(name: string) => Promise<SavePdfResult>>()
  document.body.innerHTML = ''
})
afterEach(() => {
  delete (globalThis as { nagareDesktop?: unknown }).nagareDesktop
})

describe('report page', () => {
  it('browser mode: Print only, the primary action', async () => {
    const w = await mountReport()
    expect(byId(w, 'report-title').text()).toBe('fig 47')
    expect(byId(w, 'report-save-pdf').exists()).toBe(false)
    const print = byId(w, 'report-print')
    expect(print.text()).toBe('Print or save as PDF')
    expect(print.classes()).toContain('primary')
    const spy = vi.fn()
    vi.stubGlobal('print', spy)
    await print.trigger('click')
    expect(spy).toHaveBeenCalledTimes(1)
    vi.unstubAllGlobals()
  })

  it('desktop: Save as PDF beside Print; saves under the run stem and says where', async () => {
    ;(globalThis as { nagareDesktop?: unknown }).nagareDesktop = { saveReportPdf }
    saveReportPdf.mockResolvedValue({ ok: true, path: '/home/u/Documents/fig-47.pdf' })
    const w = await mountReport()
    const save = byId(w, 'report-save-pdf')
    expect(save.text()).toBe('Save as PDF')
    expect(byId(w, 'report-print').text()).toBe('Print')
    await save.trigger('click')
    await flush()
    expect(saveReportPdf).toHaveBeenCalledWith('fig-47-run-20260101-ab-report')
    expect(byId(w, 'report-pdf-status').text()).toBe('Saved /home/u/Documents/fig-47.pdf.')
    expect(byId(w, 'report-pdf-status').attributes('role')).toBe('status')
  })

  it('desktop: a cancelled dialog says nothing; a failed write is shown as an alert, in Japanese too', async () => {
    ;(globalThis as { nagareDesktop?: unknown }).nagareDesktop = { saveReportPdf }
    saveReportPdf.mockResolvedValueOnce({ ok: false, cancelled: true })
    const w = await mountReport('ja')
    expect(byId(w, 'report-save-pdf').text()).toBe('PDF として保存')
    await byId(w, 'report-save-pdf').trigger('click')
    await flush()
    expect(byId(w, 'report-pdf-status').exists()).toBe(false)
    saveReportPdf.mockResolvedValueOnce({ ok: false, cancelled: false, reason: 'write', message: 'EACCES: permission denied' })
    await byId(w, 'report-save-pdf').trigger('click')
    await flush()
    const status = byId(w, 'report-pdf-status')
    expect(status.attributes('role')).toBe('alert')
    expect(status.text()).toContain('PDF を保存できませんでした')
    expect(status.text()).toContain('EACCES: permission denied')
  })

  it('shows the engine notes in the UI language', async () => {
    const ja = renderMessage(NOTE, 'ja')
    expect(ja).not.toBe(english(NOTE))
    const w = await mountReport('ja')
    expect(w.find('section li').text()).toBe(ja)
  })
})
