// The run store over <workspace>/runs/: saves complete runs atomically, lists them newest first
// (unreadable ones are listed with the problem, never deleted), and reads a run's manifest and arrays.
import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { TrajectoryData } from '../../../shared/contract'
import type { RunManifest, RunSummary } from '../../../shared/run'
import { EngineError } from '../errors'
import { isRunId } from './ids'
import { readNpy } from './npy'
import { PARTIAL_PREFIX, readManifest, trajectoryShape, writeRunFolder, type RunContent, type WriteHooks } from './run-folder'

export class RunStore {
  readonly root: string

  constructor(readonly workspace: string) {
    this.root = join(workspace, 'runs')
  }

  /** Write a complete run as `<root>/<manifest.id>` via `<root>/.partial-<id>`; returns the id. */
  async save(content: RunContent, hooks?: WriteHooks): Promise<string> {
    const id = content.manifest.id
    if (!isRunId(id)) throw new EngineError('internal', `not a valid run id: ${id}`)
    await writeRunFolder(join(this.root, id), join(this.root, PARTIAL_PREFIX + id), content, hooks)
    return id
  }

  async list(): Promise<RunSummary[]> {
    let entries: import('node:fs').Dirent[]
    try {
      entries = await readdir(this.root, { withFileTypes: true })
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return []
      throw e
    }
    const runs = await Promise.all(
      entries
        .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
        .map(async (e): Promise<RunSummary> => {
          const dir = join(this.root, e.name)
          const r = isRunId(e.name) ? await readManifest(dir) : { ok: false as const, problem: 'the folder name is not a valid run id (letters, digits, ".", "_" and "-")' }
          if (!r.ok) {
            const mtime = await stat(dir).then((s) => s.mtime.toISOString(), () => new Date(0).toISOString())
            return { id: e.name, name: e.name, createdAt: mtime, status: 'unreadable', problem: r.problem }
          }
          const m = r.manifest
          return {
            id: e.name,
            name: m.name,
            createdAt: m.createdAt,
            status: 'complete',
            backend: m.backend,
            flow: m.spec.flow.kind,
            dimension: m.dimension,
            particleCount: m.particleCount,
            entropyStart: m.summary.entropyStart,
            entropyEnd: m.summary.entropyEnd
          }
        })
    )
    return runs.sort((a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1))
  }

  private dirOf(id: string): string {
    if (!isRunId(id)) throw new EngineError('not-found', `no run with id ${JSON.stringify(id).slice(0, 140)}`)
    return join(this.root, id)
  }

  /** The manifest of a run (its id is the folder name). */
  async get(id: string): Promise<RunManifest> {
    const dir = this.dirOf(id)
    const exists = await stat(dir).then((s) => s.isDirectory(), () => false)
    if (!exists) throw new EngineError('not-found', `no run with id ${id}`)
    const r = await readManifest(dir)
    if (!r.ok) throw new EngineError('unreadable-run', `run ${id} cannot be read: ${r.problem}`)
    return { ...r.manifest, id }
  }

  /** The trajectories [samples, N, D] and labels of a run, checked against its manifest. */
  async trajectories(id: string): Promise<TrajectoryData> {
    const m = await this.get(id)
    const dir = this.dirOf(id)
    const shape = trajectoryShape(m)
    const bad = (what: string): EngineError => new EngineError('unreadable-run', `run ${id}: ${what}`)
    const t = await readNpy(join(dir, m.files.trajectories)).catch((e: Error) => {
      throw bad(e.message)
    })
    if (t.dtype !== '<f4') throw bad(`trajectories.npy has dtype ${t.dtype}, expected float32`)
    if (t.shape.length !== 3 || t.shape.some((s, i) => s !== shape[i]))
      throw bad(`trajectories.npy has shape [${t.shape.join(', ')}], run.json says [${shape.join(', ')}]`)
    const out: TrajectoryData = { shape, depths: m.depths, data: t.data as Float32Array }
    if (m.files.labels) {
      const l = await readNpy(join(dir, m.files.labels)).catch((e: Error) => {
        throw bad(e.message)
      })
      if (l.dtype !== '<i4' || l.shape.length !== 1 || l.shape[0] !== m.particleCount)
        throw bad(`labels.npy has dtype ${l.dtype} and shape [${l.shape.join(', ')}], expected int32 [${m.particleCount}]`)
      out.labels = l.data as Int32Array
    }
    return out
  }
}
