// The run store over <workspace>/runs/: saves complete runs atomically, lists them newest first
// (unreadable ones with the problem, interrupted saves set aside as incomplete, never deleted), reads a
// run's manifest and arrays, and manages the user's names, tags, trash and archives.
import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { TrajectoryData } from '../../../shared/contract'
import type { RunManifest, RunSummary } from '../../../shared/run'
import { EngineError } from '../errors'
import { allInsideWorkspace, insideWorkspace, OutsideWorkspaceError } from '../inside-workspace'
import { zipFolder } from './archive'
import { diskError } from './disk-errors'
import { isRunId, slugify } from './ids'
import { USER_FILE } from './user-meta'
import { readNpy } from '../formats/npy'
import { claimPartial, INCOMPLETE_DIR, listIncomplete, releasePartial, setAsideStalePartials } from './partials'
import { MANIFEST_FILE, PARTIAL_PREFIX, readManifest, RunFolderWriter, trajectoryShape, type RunContent, type WriteHooks } from './run-folder'
import { newestFirst, summarizeFolder } from './summary'
import { listTrash, restoreRun, TRASH_DIR, trashRun } from './trash'
import { readUserMeta, updateUserMeta, type UserMeta } from './user-meta'
import { type Message, message } from '../../../shared/messages'
import { detailOf } from '../io-messages'

const isDir = (p: string): Promise<boolean> =>
  stat(p).then(
    (s) => s.isDirectory(),
    () => false
  )
/** the files of a run folder the store reads or writes (besides the arrays run.json names) */
const RUN_FILES = [MANIFEST_FILE, USER_FILE, 'trajectories.npy', 'labels.npy', 'metrics.csv']

export class RunStore {
  readonly root: string

  constructor(readonly workspace: string) {
    this.root = join(workspace, 'runs')
  }

  /**
   * Begin saving run `id` before it is complete: its trajectories are written into `<root>/.partial-<id>`
   * now (while the metrics are computed); save() with the returned writer finishes the folder, and the
   * writer's discard() removes it if the run fails or is cancelled.
   */
  beginSave(id: string, trajectories: Float32Array, shape: readonly [number, number, number]): RunFolderWriter {
    const writer = this.claimWriter(id)
    writer.start(trajectories, shape, async () => {
      await insideWorkspace(this.workspace, join(this.root, id))
    })
    return writer
  }

  /** The writer of run `id`'s partial folder, claimed (no other save of this process writes it) until the writer closes. */
  private claimWriter(id: string): RunFolderWriter {
    if (!isRunId(id)) throw new EngineError('internal', message('runs.invalidRunId', { id }))
    const partial = join(this.root, PARTIAL_PREFIX + id)
    claimPartial(partial)
    return new RunFolderWriter(partial, () => releasePartial(partial))
  }

  /** Write a complete run as `<root>/<manifest.id>` via `<root>/.partial-<id>` (begun by beginSave, if given); returns the id. */
  async save(content: RunContent, hooks?: WriteHooks, begun?: RunFolderWriter): Promise<string> {
    const id = content.manifest.id
    const partial = join(this.root, PARTIAL_PREFIX + id)
    if (begun && begun.partialDir !== partial) {
      await begun.discard()
      throw new EngineError('internal', message('runs.invalidRunId', { id }))
    }
    let writer = begun
    try {
      if (!writer) {
        if (!isRunId(id)) throw new EngineError('internal', message('runs.invalidRunId', { id }))
        await insideWorkspace(this.workspace, join(this.root, id))
        writer = this.claimWriter(id)
      }
      await writer.finish(join(this.root, id), content, hooks)
    } catch (e) {
      // the writer has removed the partial folder; a full disk gets a plain message
      throw diskError(e) ?? e
    }
    return id
  }

  /** The history (or, with trash, the trash), newest first. */
  async list(options: { trash?: boolean } = {}): Promise<RunSummary[]> {
    if (options.trash) return (await listTrash(this.root)).sort(newestFirst)
    let entries: import('node:fs').Dirent[]
    try {
      entries = await readdir(this.root, { withFileTypes: true })
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return []
      throw e
    }
    if (entries.some((e) => e.name.startsWith(PARTIAL_PREFIX))) await setAsideStalePartials(this.root)
    const runs = await Promise.all(
      entries.filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => this.summarize(join(this.root, e.name), e.name))
    )
    return [...runs, ...(await listIncomplete(this.root))].sort(newestFirst)
  }

  /** A run folder's row; one whose files lead outside the workspace is listed with that problem, unread. */
  private async summarize(dir: string, id: string): Promise<RunSummary> {
    try {
      await this.checkInside(dir)
    } catch (e) {
      if (!(e instanceof OutsideWorkspaceError)) throw e
      return { id, name: id, createdAt: new Date(0).toISOString(), status: 'unreadable', problem: e.msg }
    }
    return summarizeFolder(dir, id)
  }

  /** The run folder and the files the store touches in it resolve inside the workspace. */
  private checkInside(dir: string): Promise<void> {
    return allInsideWorkspace(this.workspace, [dir, ...RUN_FILES.map((f) => join(dir, f))])
  }

  private dirOf(id: string): string {
    if (!isRunId(id)) throw new EngineError('not-found', message('runs.noRun', { id: JSON.stringify(id).slice(0, 140) }))
    return join(this.root, id)
  }

  private async existingDir(id: string): Promise<string> {
    const dir = this.dirOf(id)
    if (await isDir(dir)) {
      await this.checkInside(dir)
      return dir
    }
    if (await isDir(join(this.root, INCOMPLETE_DIR, id))) throw new EngineError('unreadable-run', message('runs.runIncomplete', { id }))
    throw new EngineError('not-found', message('runs.noRun', { id }))
  }

  /** The manifest of a run (its id is the folder name; its name is the user's name when renamed). */
  async get(id: string): Promise<RunManifest> {
    const dir = await this.existingDir(id)
    const r = await readManifest(dir)
    if (!r.ok) throw new EngineError('unreadable-run', message('runs.runUnreadable', { id, problem: r.problem }))
    const user = await readUserMeta(dir)
    return { ...r.manifest, id, name: user.name ?? r.manifest.name }
  }

  /** Rename and/or tag a run (user.json; run.json is never rewritten). */
  async update(id: string, patch: UserMeta): Promise<RunSummary> {
    const dir = await this.existingDir(id)
    try {
      await updateUserMeta(dir, patch)
    } catch (e) {
      throw diskError(e, 'change') ?? e
    }
    return summarizeFolder(dir, id)
  }

  async trash(id: string): Promise<void> {
    const dir = this.dirOf(id)
    await allInsideWorkspace(this.workspace, [dir, join(this.root, INCOMPLETE_DIR, id), join(this.root, TRASH_DIR, id)])
    await trashRun(this.root, id)
  }

  async restore(id: string): Promise<void> {
    const dir = this.dirOf(id)
    await allInsideWorkspace(this.workspace, [dir, join(this.root, INCOMPLETE_DIR, id), join(this.root, TRASH_DIR, id)])
    await restoreRun(this.root, id)
  }

  /** The whole run folder as one zip, named after the run. */
  async archive(id: string): Promise<{ fileName: string; data: Uint8Array }> {
    const dir = await this.existingDir(id)
    const user = await readUserMeta(dir)
    const m = await readManifest(dir)
    const name = user.name ?? (m.ok ? m.manifest.name : 'run')
    return { fileName: `${slugify(name)}-${id}.zip`, data: await zipFolder(dir, id) }
  }

  /** The trajectories [samples, N, D] and labels of a run, checked against its manifest. */
  async trajectories(id: string): Promise<TrajectoryData> {
    const m = await this.get(id)
    const dir = this.dirOf(id)
    const shape = trajectoryShape(m)
    const bad = (what: Message): EngineError => new EngineError('unreadable-run', what)
    const read = (file: string) =>
      readNpy(join(dir, file)).catch((e: NodeJS.ErrnoException) => {
        throw bad(
          e.code === 'ENOENT' ? message('runs.runFileMissing', { id, file }) : message('runs.runFileUnreadable', { id, file, detail: detailOf(e, dir) })
        )
      })
    const t = await read(m.files.trajectories)
    if (t.dtype !== '<f4') throw bad(message('runs.trajectoriesDtype', { id, dtype: t.dtype }))
    if (t.shape.length !== 3 || t.shape.some((s, i) => s !== shape[i]))
      throw bad(message('runs.trajectoriesShape', { id, shape: t.shape.join(', '), expected: shape.join(', ') }))
    const out: TrajectoryData = { shape, depths: m.depths, data: t.data as Float32Array }
    if (m.files.labels) {
      const l = await read(m.files.labels)
      if (l.dtype !== '<i4' || l.shape.length !== 1 || l.shape[0] !== m.particleCount)
        throw bad(message('runs.labelsShape', { id, dtype: l.dtype, shape: l.shape.join(', '), count: m.particleCount }))
      out.labels = l.data as Int32Array
    }
    return out
  }
}
