// Settings store: the user's settings from the engine (settings.get / settings.set), the notice when the
// stored file was unreadable and defaults are in use, settings waiting for a restart, and the locale the
// language setting means. The language applies at once even if saving fails (the choice then lasts for
// this session, as the header's switch always did).
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { ApiError } from '@shared/contract'
import type { Message } from '@shared/messages'
import { DEFAULT_SETTINGS, type Settings, type SettingsPatch } from '@shared/settings'
import { pickLocale, type Locale } from '@/i18n'
import { api } from '@/api'

export type Language = Settings['language']

/** The locale a language setting means on this machine ('auto' follows the system language). */
export function localeFor(language: Language, languages: readonly string[]): Locale {
  return language === 'auto' ? pickLocale(languages) : language
}

function systemLanguages(): readonly string[] {
  const nav = globalThis.navigator
  return nav?.languages?.length ? nav.languages : [nav?.language ?? 'en']
}

export const useSettingsStore = defineStore('settings', () => {
  const settings = ref<Settings>({ ...DEFAULT_SETTINGS })
  /** true once settings.get answered, or the user chose a language here */
  const known = ref(false)
  const loaded = ref(false)
  const notice = ref<Message | null>(null)
  const noticeDismissed = ref(false)
  const pendingRestart = ref<string[]>([])
  const error = shallowRef<ApiError | null>(null)
  const saving = ref(false)

  /** null until the language is known, so the locale picked at startup stays until then */
  const locale = computed<Locale | null>(() => (known.value ? localeFor(settings.value.language, systemLanguages()) : null))
  const showNotice = computed(() => !!notice.value && !noticeDismissed.value)

  async function load(): Promise<boolean> {
    const r = await api['settings.get']({})
    if (!r.ok) {
      error.value = r.error
      return false
    }
    settings.value = { ...r.value.settings }
    notice.value = r.value.notice ?? null
    pendingRestart.value = r.value.pendingRestart ?? []
    error.value = null
    loaded.value = true
    known.value = true
    return true
  }

  /** Apply a change locally at once, then save it; the engine's answer (with pendingRestart) wins. */
  async function save(patch: SettingsPatch): Promise<boolean> {
    settings.value = { ...settings.value, ...patch }
    if (patch.language) known.value = true
    saving.value = true
    const r = await api['settings.set']({ settings: patch })
    saving.value = false
    if (!r.ok) {
      error.value = r.error
      return false
    }
    settings.value = { ...r.value.settings }
    pendingRestart.value = r.value.pendingRestart ?? []
    error.value = null
    return true
  }

  function dismissNotice(): void {
    noticeDismissed.value = true
  }

  return { settings, loaded, notice, pendingRestart, error, saving, locale, showNotice, load, save, dismissNotice }
})
