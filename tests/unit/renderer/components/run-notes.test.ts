// @vitest-environment happy-dom
// A run's notes on its page: Messages rendered in the reader's language at display time (again after a
// language switch), and the English strings of a run written by 0.1.0 (tests/fixtures/runs-0.1.0) shown
// as written in English and read back into Japanese by the legacy fallback.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { nextTick } from 'vue'
import { createAppI18n } from '@/i18n'
import { english, message, renderMessage, stored } from '@shared/messages'
import { legacyText } from '@shared/messages/legacy'
import type { RunManifest } from '@shared/run'
import { createMockApi, manifestFixture } from '../helpers'

vi.mock('@/api', () => ({ api: createMockApi().api, transportKind: 'test' }))
const RunSummary = (await import('@/components/results/RunSummary.vue')).default
const { useRunsStore } = await import('@/stores/runs')

const LEGACY = resolve(__dirname, '../../../fixtures/runs-0.1.0/20261206-114907-legacy-0-1-0-notes-3929/run.json')

function mountWith(manifest: RunManifest, lang: 'en' | 'ja'): { w: VueWrapper; i18n: ReturnType<typeof createAppI18n> } {
  const pinia = createPinia()
  setActivePinia(pinia)
  useRunsStore().manifest = manifest
  const i18n = createAppI18n(lang)
  return { w: mount(RunSummary as never, { global: { plugins: [pinia, i18n] } }), i18n }
}
const notesOn = (w: VueWrapper): string[] =>
  w
    .find('[data-testid="summary-notes"]')
    .findAll('li')
    .map((li) => li.text())

describe('run notes', () => {
  it('renders Messages in the current language and again after a switch', async () => {
    const notes = [stored(message('engine.noteSpeed')), stored(message('steps.nearSingular', { depth: 0.49, percent: 98, tStar: 0.5 }))]
    const { w, i18n } = mountWith({ ...manifestFixture(), formatVersion: 2, notes }, 'ja')
    expect(notesOn(w)).toEqual(notes.map((n) => renderMessage(n, 'ja')))
    expect(notesOn(w)[1]).toContain('98%')
    i18n.global.locale.value = 'en'
    await nextTick()
    expect(notesOn(w)).toEqual(notes.map(english))
    w.unmount()
  })

  it('shows the notes of a 0.1.0 run folder: as written in English, read back in Japanese', async () => {
    const legacy = JSON.parse(readFileSync(LEGACY, 'utf8')) as RunManifest
    expect(legacy.formatVersion).toBe(1)
    const { w, i18n } = mountWith(legacy, 'en')
    expect(notesOn(w)).toEqual(legacy.notes)
    i18n.global.locale.value = 'ja'
    await nextTick()
    const ja = notesOn(w)
    expect(ja).toEqual((legacy.notes as string[]).map((n) => legacyText(n, 'ja')))
    // read back, not passed through: the singular-time note is the catalogue's Japanese with its numbers
    expect(ja[0]).toBe(renderMessage(message('steps.nearSingular', { depth: 0.49, percent: 98, tStar: 0.5 }), 'ja'))
    w.unmount()
  })
})
