// Default run names that tell re-runs apart: "paper-47 continuous-dae, rk4 h=0.005", then " #2", " #3"
// for the same settings again (Japanese: "・" and "（2 回目）"), from the templates of the reader's language.
import { messages } from '@/i18n/messages'
import type { DraftValues } from './drafts/experimentDraft'

export type NameLang = 'en' | 'ja'

type NameValues = Pick<DraftValues, 'distMode' | 'preset' | 'flowKind' | 'solver' | 'stepSize' | 'rtol'> & { datasetName?: string }

interface Templates {
  autoName: string
  autoNameAdaptive: string
  autoNameRepeat: string
}

const fill = (template: string, params: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`))

function templates(lang: NameLang): Templates {
  return (messages[lang] as unknown as { steps: Templates }).steps
}

/** The name without its repeat number. */
export function baseRunName(v: NameValues, lang: NameLang): string {
  const tpl = templates(lang)
  const data = v.distMode === 'preset' ? v.preset : v.distMode === 'dataset' ? (v.datasetName ?? 'dataset') : 'custom-mixture'
  const parts = { data, flow: v.flowKind }
  return v.solver === 'dopri5'
    ? fill(tpl.autoNameAdaptive, { ...parts, rtol: v.rtol ?? '?' })
    : fill(tpl.autoName, { ...parts, solver: v.solver, h: v.stepSize ?? '?' })
}

/**
 * The base name, numbered when runs with it (or its numbered forms) are already in the history, in either
 * language (a run named while the UI was in English counts as a repeat of the same settings in Japanese).
 */
export function autoRunName(v: NameValues, taken: readonly string[], lang: NameLang): string {
  let highest = 0
  for (const l of ['en', 'ja'] as const) {
    const base = baseRunName(v, l)
    const numbered = repeatPattern(l, base)
    for (const name of taken) {
      if (name === base) highest = Math.max(highest, 1)
      const m = numbered.exec(name)
      if (m) highest = Math.max(highest, Number(m[1]))
    }
  }
  const base = baseRunName(v, lang)
  return highest === 0 ? base : fill(templates(lang).autoNameRepeat, { name: base, n: highest + 1 })
}

/** `base` with the language's repeat number, the number captured */
function repeatPattern(lang: NameLang, base: string): RegExp {
  const marked = fill(templates(lang).autoNameRepeat, { name: '\u0000', n: '\u0001' })
  return new RegExp(
    `^${escape(marked)
      .replace('\u0000', () => escape(base))
      .replace('\u0001', () => '(\\d+)')}$`
  )
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
