// History lists runs and layer analyses together: one entry type over both, the kind filter, and the
// run filter (search, status, tag; a template is a run's, so choosing one leaves the analyses out),
// newest first. Pure, so it is tested on its own.
import type { LayerAnalysisSummary } from '@shared/layers'
import type { RunSummary } from '@shared/run'
import { byNewest, matches, type RunFilter } from './filter'

export type EntryKind = 'run' | 'analysis'
export type KindFilter = EntryKind | ''
export const KINDS: readonly EntryKind[] = ['run', 'analysis']

export type HistoryEntry =
  | { kind: 'run'; id: string; createdAt: string; run: RunSummary }
  | { kind: 'analysis'; id: string; createdAt: string; analysis: LayerAnalysisSummary }

/** An analysis seen through the run filter's eyes: name, id, tags and status; no template. */
const asFiltered = (a: LayerAnalysisSummary): RunSummary => ({
  id: a.id,
  name: a.name,
  createdAt: a.createdAt,
  status: a.status,
  ...(a.tags ? { tags: a.tags } : {})
})

export function historyEntries(runs: readonly RunSummary[], analyses: readonly LayerAnalysisSummary[], f: RunFilter, kind: KindFilter = ''): HistoryEntry[] {
  const out: HistoryEntry[] = []
  if (kind !== 'analysis') for (const r of runs) if (matches(r, f)) out.push({ kind: 'run', id: r.id, createdAt: r.createdAt, run: r })
  if (kind !== 'run') for (const a of analyses) if (matches(asFiltered(a), f)) out.push({ kind: 'analysis', id: a.id, createdAt: a.createdAt, analysis: a })
  return out.sort((a, b) => byNewest(a as unknown as RunSummary, b as unknown as RunSummary) || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0))
}

/** Tags of analyses join the tag menu with those of runs. */
export function analysisTags(analyses: readonly LayerAnalysisSummary[]): string[] {
  return [...new Set(analyses.flatMap((a) => a.tags ?? []))]
}
