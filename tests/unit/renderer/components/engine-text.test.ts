// @vitest-environment happy-dom
// Engine texts in the UI's language: run notes, a job's failure, the crash banner and a preview's error
// are written by the engine in English from the shared catalogue; under the Japanese locale the screen
// shows the catalogue's Japanese, and a language switch re-words what is already on screen.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { nextTick } from 'vue'
import { createAppI18n } from '@/i18n'
import { message, MESSAGES, type MessageKey, type Params, english } from '@shared/messages'
import { fill } from '@shared/messages/format'
import type { Result } from '@shared/contract'
import type { DataPreview } from '@shared/dataset'
import { createMockApi, flush, manifestFixture, SPEC_47 } from '../helpers'
import { setApi } from '../api-double'

vi.mock('@/api', () => import('../api-double'))
const RunSummary = (await import('@/components/results/RunSummary.vue')).default
const RunProgress = (await import('@/components/results/RunProgress.vue')).default
const EngineCrashBanner = (await import('@/components/common/EngineCrashBanner.vue')).default
const DataImport = (await import('@/components/data/DataImport.vue')).default
const { useRunsStore } = await import('@/stores/runs')
const { useJobsStore } = await import('@/stores/jobs')

/** The catalogue's own Japanese for a key: the truth the screen is checked against. */
const ja = (key: MessageKey, params?: Params): string => fill(MESSAGES[key].ja, params)
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/

let m: ReturnType<typeof createMockApi>
let i18n: ReturnType<typeof createAppI18n>

function mountIn<T>(component: T, locale: 'en' | 'ja'): VueWrapper {
  const pinia = createPinia()
  setActivePinia(pinia)
  i18n = createAppI18n(locale)
  return mount(component as never, { global: { plugins: [pinia, i18n] }, attachTo: document.body })
}
const byId = (w: VueWrapper, id: string) => w.find(`[data-testid="${id}"]`)

beforeEach(() => {
  m = createMockApi()
  setApi(m.api)
  document.body.innerHTML = ''
})

describe('engine texts in Japanese', () => {
  const blowUp = { depth: '0.31', detail: 'non-finite positions' }

  it('shows run notes in Japanese and re-words them on a language switch', async () => {
    const w = mountIn(RunSummary, 'ja')
    const manifest = manifestFixture()
    manifest.notes = [english(message('engine.cancelled')), english(message('engine.blowUp', blowUp)), 'an OS text that is no message']
    useRunsStore().manifest = manifest
    await nextTick()
    const items = byId(w, 'summary-notes')
      .findAll('li')
      .map((li) => li.text())
    expect(items).toEqual([ja('engine.cancelled'), ja('engine.blowUp', blowUp), 'an OS text that is no message'])
    expect(items[0]).toMatch(JAPANESE)
    expect(items[1]).toContain('0.31')
    expect(items[1]).not.toContain('integration blew up')
    i18n.global.locale.value = 'en'
    await nextTick()
    expect(
      byId(w, 'summary-notes')
        .findAll('li')
        .map((li) => li.text())
    ).toEqual(manifest.notes)
  })

  it("shows a failed job's engine message in Japanese", async () => {
    const w = mountIn(RunProgress, 'ja')
    await useJobsStore().start(SPEC_47)
    m.emit({ jobId: 'job-1', type: 'failed', error: { code: 'blow-up', message: message('engine.blowUp', blowUp) } })
    await flush()
    const text = byId(w, 'run-error-message').text()
    expect(text).toBe(ja('engine.blowUp', blowUp))
    expect(text).toMatch(JAPANESE)
  })

  it('shows the crash banner detail in Japanese', async () => {
    const w = mountIn(EngineCrashBanner, 'ja')
    await useJobsStore().start(SPEC_47)
    m.emit({ jobId: 'job-1', type: 'failed', error: { code: 'engine-crashed', message: message('engine.cancelled') } })
    await flush()
    const banner = byId(w, 'engine-crashed')
    expect(banner.text()).toContain(ja('engine.cancelled'))
    expect(banner.text()).not.toContain('cancelled by the user')
  })

  it("shows a refused preview's engine message in Japanese, and again in English after a switch", async () => {
    const preview = vi.fn<(r: unknown) => Promise<Result<DataPreview>>>(() =>
      Promise.resolve({ ok: false, error: { code: 'invalid-request', message: message('engine.blowUp', blowUp) } })
    )
    setApi({ ...m.api, 'data.preview': preview })
    const w = mountIn(DataImport, 'ja')
    const input = byId(w, 'data-file')
    Object.defineProperty(input.element, 'files', { value: [new File(['a\nb\n'], 'x.csv', { type: 'text/csv' })], configurable: true })
    await input.trigger('change')
    await flush()
    expect(preview).toHaveBeenCalledTimes(1)
    const shown = byId(w, 'data-file-error').text()
    expect(shown).toContain(ja('engine.blowUp', blowUp))
    expect(shown).not.toContain('integration blew up')
    i18n.global.locale.value = 'en'
    await nextTick()
    expect(byId(w, 'data-file-error').text()).toContain(english(message('engine.blowUp', blowUp)))
  })
})
