// History search and filters, pure so they are tested on their own: text search over name and tags,
// template / status / tag filters, newest first; and the choices the filter menus offer.
import type { RunSummary } from '@shared/run'

export type RunStatus = RunSummary['status']
export const STATUSES: readonly RunStatus[] = ['complete', 'unreadable', 'incomplete']

export interface RunFilter {
  /** free text: every word must occur in the name or a tag (case-insensitive) */
  text: string
  /** '' = any */
  template: string
  status: RunStatus | ''
  tag: string
}

export const EMPTY_FILTER: RunFilter = { text: '', template: '', status: '', tag: '' }

/** NFKC folds full-width Latin and half-width kana so 'ＤＡＥ' finds 'dae'. */
const fold = (s: string): string => s.normalize('NFKC').toLowerCase()

export function matches(run: RunSummary, f: RunFilter): boolean {
  if (f.template && run.template !== f.template) return false
  if (f.status && run.status !== f.status) return false
  if (f.tag && !(run.tags ?? []).includes(f.tag)) return false
  const words = fold(f.text).split(/\s+/).filter(Boolean)
  if (!words.length) return true
  const hay = [run.name, run.id, ...(run.tags ?? [])].map(fold)
  return words.every((w) => hay.some((h) => h.includes(w)))
}

/** Newest first; runs without a readable date go last, by id. */
export function byNewest(a: RunSummary, b: RunSummary): number {
  const ta = Date.parse(a.createdAt)
  const tb = Date.parse(b.createdAt)
  const va = Number.isNaN(ta) ? -Infinity : ta
  const vb = Number.isNaN(tb) ? -Infinity : tb
  if (va !== vb) return vb - va
  return a.id.localeCompare(b.id)
}

/** Distinct values for the filter menus, sorted. */
export function choices(runs: readonly RunSummary[]): { templates: string[]; tags: string[] } {
  const templates = new Set<string>()
  const tags = new Set<string>()
  for (const r of runs) {
    if (r.template) templates.add(r.template)
    for (const t of r.tags ?? []) tags.add(t)
  }
  return { templates: [...templates].sort(), tags: [...tags].sort() }
}

/** The last `n` complete runs, newest first (home screen). */
export function recentComplete(runs: readonly RunSummary[], n = 5): RunSummary[] {
  return runs
    .filter((r) => r.status === 'complete')
    .sort(byNewest)
    .slice(0, n)
}

export type NameCheck = { ok: true; name: string } | { ok: false; reason: 'empty' | 'tooLong' }

/** A new run name as the engine will accept it (trimmed, 1..max UTF-16 units, as zod counts). */
export function checkName(raw: string, max: number): NameCheck {
  const name = raw.trim()
  if (!name) return { ok: false, reason: 'empty' }
  if (name.length > max) return { ok: false, reason: 'tooLong' }
  return { ok: true, name }
}

export type TagCheck = { ok: true; tags: string[] } | { ok: false; reason: 'empty' | 'tooLong' | 'duplicate' | 'tooMany' }

/** The tag list after adding `raw` (trimmed, at most 40 characters, 20 tags, no duplicates). */
export function addTag(tags: readonly string[], raw: string): TagCheck {
  const tag = raw.trim()
  if (!tag) return { ok: false, reason: 'empty' }
  if (tag.length > 40) return { ok: false, reason: 'tooLong' }
  if (tags.includes(tag)) return { ok: false, reason: 'duplicate' }
  if (tags.length >= 20) return { ok: false, reason: 'tooMany' }
  return { ok: true, tags: [...tags, tag] }
}

/** A template id in words: the title of the screen registered under that id, else the id itself. */
export function templateLabel(id: string | undefined, titleKeyOf: (id: string) => string | undefined, t: (key: string) => string): string {
  if (!id) return '—'
  const key = titleKeyOf(id)
  return key ? t(key) : id
}
