// One history row per run folder: the manifest's key numbers, the user's name and tags, and the
// template family; an unreadable folder becomes a row with the problem instead of an exception.
import { stat } from 'node:fs/promises'
import type { RunSummary } from '../../../shared/run'
import { isRunId } from './ids'
import { readManifest } from './run-folder'
import { readUserMeta } from './user-meta'
import { say } from '../../../shared/messages'
import { integrationSummary } from './integration-summary'

/** The wizard family of a flow kind, for the history filter: trained flows, closed-form DAEs, or the kind itself. */
export function templateOf(kind: string): string {
  if (kind.startsWith('trained') || kind === 'neural-ode' || kind.startsWith('resnet')) return 'trained'
  if (kind.endsWith('-dae')) return 'dae'
  return kind
}

export async function folderTime(dir: string): Promise<string> {
  return stat(dir).then(
    (s) => s.mtime.toISOString(),
    () => new Date(0).toISOString()
  )
}

export async function summarizeFolder(dir: string, id: string): Promise<RunSummary> {
  const r = isRunId(id) ? await readManifest(dir) : { ok: false as const, problem: say('runs.folderNotRunId') }
  const user = await readUserMeta(dir)
  const tags = user.tags?.length ? { tags: user.tags } : {}
  if (!r.ok) return { id, name: user.name ?? id, createdAt: await folderTime(dir), status: 'unreadable', problem: r.problem, ...tags }
  const m = r.manifest
  return {
    id,
    name: user.name ?? m.name,
    createdAt: m.createdAt,
    status: 'complete',
    ...tags,
    template: templateOf(m.spec.flow.kind),
    backend: m.backend,
    flow: m.spec.flow.kind,
    dimension: m.dimension,
    particleCount: m.particleCount,
    entropyStart: m.summary.entropyStart,
    entropyEnd: m.summary.entropyEnd,
    ...integrationSummary(m)
  }
}

export const newestFirst = (a: RunSummary, b: RunSummary): number =>
  a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1
