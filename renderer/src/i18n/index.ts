// vue-i18n setup (composition API): English and Japanese, picked from the saved choice or
// navigator.language, switchable at run time from the header.
import { createI18n } from 'vue-i18n'
import { messages } from './messages'

export const LOCALES = ['en', 'ja'] as const
export type Locale = (typeof LOCALES)[number]
const STORAGE_KEY = 'nagare.locale'

/** The locale for a list of browser languages: Japanese for any ja*, English otherwise. */
export function pickLocale(languages: readonly string[], saved?: string | null): Locale {
  if (saved === 'en' || saved === 'ja') return saved
  for (const l of languages) {
    const base = l.toLowerCase().split('-')[0]
    if (base === 'ja') return 'ja'
    if (base === 'en') return 'en'
  }
  return 'en'
}

function savedLocale(): string | null {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) ?? null
  } catch {
    return null
  }
}

export function createAppI18n(locale?: Locale) {
  const nav = globalThis.navigator
  const initial = locale ?? pickLocale(nav?.languages?.length ? nav.languages : [nav?.language ?? 'en'], savedLocale())
  return createI18n({
    legacy: false,
    locale: initial,
    fallbackLocale: 'en',
    // vue-i18n's schema typing wants literal message objects; the merged set is checked by the key-parity test
    messages: messages as unknown as { en: Record<string, string>; ja: Record<string, string> }
  })
}

/** Remember the user's choice and keep <html lang> in step with it. */
export function persistLocale(locale: Locale): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale)
  } catch {
    // storage can be unavailable (private mode, sandbox): the choice then lasts for this session
  }
  if (typeof document !== 'undefined') document.documentElement.lang = locale
}
