// LEGACY FALLBACK ONLY: plain English texts that are no Message (notes in folders written by 0.1.0,
// engine texts not yet converted) shown in another language by reading them back: the text is matched
// against the catalogue's English templates (the most specific first), its params are read back and,
// being engine texts themselves at times (a reason inside a note), translated in turn. Text that is no
// catalogue message (a file name, a number, an OS error) is returned as it is. New texts are Messages
// (message.ts) and never come through here.
import { fill, matcher, readParams, type TemplateMatcher } from './format'
import type { Catalog } from './catalog'
import { ALL_MESSAGES } from './catalogues'
import type { MessageLang } from './message'

interface Compiled {
  m: TemplateMatcher
  ja: string
}

let compiled: Compiled[] | undefined
let source: Catalog | undefined

function compile(catalog: Catalog): Compiled[] {
  if (compiled && source === catalog) return compiled
  source = catalog
  compiled = Object.values(catalog)
    .map((e) => ({ m: matcher(e.en), ja: e.ja }))
    .sort((a, b) => b.m.fixed - a.m.fixed)
  return compiled
}

const MAX_NESTING = 4

function translate(text: string, entries: Compiled[], depth: number): string {
  if (depth > MAX_NESTING || text.length === 0) return text
  for (const e of entries) {
    const params = readParams(e.m, text)
    if (!params) continue
    const inner: Record<string, string> = {}
    for (const [k, v] of Object.entries(params)) inner[k] = translate(v, entries, depth + 1)
    return fill(e.ja, inner)
  }
  // a field path in front of a message ("flow.training.depth: ..."), as lists of field errors read
  const field = /^([\w.[\]]+): ([\s\S]+)$/.exec(text)
  if (field) {
    const rest = translate(field[2], entries, depth + 1)
    if (rest !== field[2]) return `${field[1]}: ${rest}`
  }
  // several messages joined into one (a list of problems): each part on its own
  for (const sep of ['\n', '; ']) {
    if (!text.includes(sep)) continue
    const parts = text.split(sep)
    const out = parts.map((p) => translate(p, entries, depth + 1))
    if (out.some((p, i) => p !== parts[i])) return out.join(sep === '; ' ? '; ' : sep)
  }
  return text
}

// screens re-render the same texts (a history list at each keystroke of its search): remember them
const memo = new Map<string, string>()
const MEMO_SIZE = 2000
/** the compiled catalogue the memo belongs to */
let memoOf: Compiled[] | undefined

/** `text` read against `catalog` into `lang`; English text is returned unchanged, unknown text too. */
export function legacyTextWith(catalog: Catalog, text: string, lang: MessageLang): string {
  if (lang === 'en') return text
  const entries = compile(catalog)
  if (entries !== memoOf) {
    memo.clear()
    memoOf = entries
  }
  const key = `${lang}\u0000${text}`
  const known = memo.get(key)
  if (known !== undefined) return known
  const out = translate(text, entries, 0)
  if (memo.size >= MEMO_SIZE) memo.clear()
  memo.set(key, out)
  return out
}

/** A legacy English text (a 0.1.0 note, a plain engine string) in `lang`, read back by template matching. */
export function legacyText(text: string, lang: MessageLang): string {
  return legacyTextWith(ALL_MESSAGES, text, lang)
}

/** Whether a legacy English text is the English of catalogue entry `key` (with any params). */
export function isLegacyText(text: string, key: string): boolean {
  const entry = ALL_MESSAGES[key]
  return entry !== undefined && readParams(matcher(entry.en), text) !== null
}
