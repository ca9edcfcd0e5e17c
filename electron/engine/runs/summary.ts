// One history row per run folder: the manifest's key numbers, the user's name and tags, and the
// template family; an unreadable folder becomes a row with the problem instead of an exception.
import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { RunManifest, RunSummary } from '../../../shared/run'
import { isRunId } from './ids'
import { NpyError, readNpyFileHeader } from '../formats/npy'
import { readManifest, trajectoryShape } from './run-folder'
import { readUserMeta } from './user-meta'
import { message, type Message } from '../../../shared/messages'
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

/**
 * What is wrong with a run's trajectories file, if anything: missing, not NPY, another dtype, a shape other
 * than run.json's, or a size that does not match the header (truncated). Reads the header only.
 */
export async function trajectoriesProblem(dir: string, id: string, m: RunManifest): Promise<Message | undefined> {
  const file = m.files.trajectories
  let h
  try {
    h = await readNpyFileHeader(join(dir, file), file)
  } catch (e) {
    if (e instanceof NpyError) return message('runs.runUnreadable', { id, problem: e.msg })
    const code = (e as NodeJS.ErrnoException).code
    return code === 'ENOENT' ? message('runs.runFileMissing', { id, file }) : message('runs.runFileUnreadable', { id, file, detail: code ?? String(e) })
  }
  const shape = trajectoryShape(m)
  if (h.dtype !== '<f4') return message('runs.trajectoriesDtype', { id, dtype: h.dtype })
  if (h.shape.length !== 3 || h.shape.some((s, i) => s !== shape[i]))
    return message('runs.trajectoriesShape', { id, shape: h.shape.join(', '), expected: shape.join(', ') })
  return undefined
}

export async function summarizeFolder(dir: string, id: string): Promise<RunSummary> {
  const read = isRunId(id) ? await readManifest(dir) : { ok: false as const, problem: message('runs.folderNotRunId') }
  const broken = read.ok ? await trajectoriesProblem(dir, id, read.manifest) : undefined
  const r = broken ? { ok: false as const, problem: broken } : read
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

export const newestFirst = (a: RunSummary, b: RunSummary): number => (a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1)
