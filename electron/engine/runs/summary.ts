// One history row per run folder: the manifest's key numbers, the user's name and tags, and the
// template family; an unreadable folder becomes a row with the problem instead of an exception.
import { stat } from 'node:fs/promises'
import type { RunManifest, RunSummary } from '../../../shared/run'
import { isIntegratedKind } from '../../../shared/step-grid'
import { isRunId } from './ids'
import { readManifest } from './run-folder'
import { readUserMeta } from './user-meta'
import { say } from '../../../shared/messages'

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

/** T, solver, the h used and its NFE, and a classifier's held-out accuracy (the history's columns). */
export function integrationSummary(m: RunManifest): Pick<RunSummary, 'depth' | 'solver' | 'stepSize' | 'nfe' | 'accuracy'> {
  const i = m.spec.integration
  // runs written before solverStats.stepSize existed: the spec's h (what they asked for)
  const h = m.solverStats.stepSize ?? (i.solver === 'dopri5' || !isIntegratedKind(m.spec.flow.kind) ? undefined : i.stepSize)
  const accuracy = m.training?.task === 'classify' ? m.training.heldOut?.accuracy : undefined
  return {
    depth: i.depth,
    solver: i.solver,
    ...(h !== undefined ? { stepSize: h } : {}),
    nfe: m.solverStats.nfe,
    ...(accuracy !== undefined ? { accuracy } : {})
  }
}

export const newestFirst = (a: RunSummary, b: RunSummary): number =>
  a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1
