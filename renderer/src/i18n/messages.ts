// All messages: the core set (en.ts / ja.ts) plus one module per screen area in ./areas/, each exporting
// { en, ja } under its own top-level key, so screens add their strings without touching shared files.
import en from './en'
import ja from './ja'

export interface AreaMessages {
  en: Record<string, unknown>
  ja: Record<string, unknown>
}

const areas = import.meta.glob<AreaMessages>('./areas/*.ts', { eager: true, import: 'default' })

function merge(base: Record<string, unknown>, lang: 'en' | 'ja'): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base }
  for (const [file, area] of Object.entries(areas)) {
    for (const key of Object.keys(area[lang])) {
      if (key in out) throw new Error(`i18n: ${file} redefines the top-level key "${key}"`)
      out[key] = area[lang][key]
    }
  }
  return out
}

export const messages = { en: merge(en, 'en'), ja: merge(ja, 'ja') }
