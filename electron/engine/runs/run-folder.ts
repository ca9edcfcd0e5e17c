// Writing one run folder all-or-nothing: every file goes into a partial folder and is fsynced, then the
// folder is renamed into place. Any failure (or a cancel raised by a hook) removes the partial folder,
// so a reader never sees half a run. The trajectories may be written early, while the run's metrics are
// still being computed (RunFolderWriter.start). Also reads and validates a run folder's manifest.
import { mkdir, readFile, rename, rm, rmdir } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { RunManifestSchema, type RunManifest } from '../../../shared/run'
import { syncDir, writeSynced } from '../synced-write'
import { metricsCsv } from './metrics-csv'
import { writeNpy } from '../formats/npy'
import { message, MessageError, zodIssuesMessage, type Message } from '../../../shared/messages'
import { detailOf } from '../io-messages'
import { parseJson } from '../../../shared/json-depth'

export interface RunContent {
  manifest: RunManifest
  /** [samples, N, D] float32, row-major */
  trajectories: Float32Array
  /** [N] mixture component per particle */
  labels?: Int32Array
  /** more files kept with the run (e.g. a trained model): relative POSIX paths inside the run folder */
  extra?: { path: string; data: Uint8Array | string }[]
}

export interface WriteHooks {
  /** awaited before each file; throwing (e.g. CancelledError) aborts the write and removes the partial folder */
  beforeFile?(name: string): void | Promise<void>
}

export const MANIFEST_FILE = 'run.json'
export const PARTIAL_PREFIX = '.partial-'
/** inside a partial folder only: which process is writing it (removed before the rename into place) */
export const OWNER_FILE = '.writer.json'
/** names the run writer owns; an extra file may not take them */
const RESERVED = new Set(['run.json', 'trajectories.npy', 'labels.npy', 'metrics.csv', 'user.json', 'trashed.json', 'incomplete.json', OWNER_FILE])

/** A safe relative path inside the run folder: POSIX separators, no '..', '.', empty or absolute parts. */
export function checkExtraPath(path: string): string[] {
  const parts = path.split('/')
  const bad =
    path.length === 0 ||
    path.length > 512 ||
    path.includes('\\') ||
    path.includes('\0') ||
    /^[A-Za-z]:/.test(path) ||
    parts.some((p) => p === '' || p === '.' || p === '..') ||
    RESERVED.has(parts[0])
  if (bad) throw new MessageError(message('runs.badFilePath', { path: JSON.stringify(path).slice(0, 120) }))
  return parts
}

export function trajectoryShape(m: RunManifest): [number, number, number] {
  return [m.depths.length, m.particleCount, m.dimension]
}

/**
 * Write `content` into `partialDir` (must not exist), then rename it to `finalDir`. `finalDir` must not
 * exist, or be an empty directory (it is then replaced).
 */
export async function writeRunFolder(finalDir: string, partialDir: string, content: RunContent, hooks: WriteHooks = {}): Promise<void> {
  await new RunFolderWriter(partialDir).finish(finalDir, content, hooks)
}

/**
 * One run folder's write, which may begin before the run is complete: start() writes trajectories.npy
 * into the partial folder as soon as transport has produced it (the largest file, written while the
 * per-depth metrics are computed), finish() writes the rest and renames the folder into place, discard()
 * (a failed or cancelled run) waits for that write and removes the partial folder. Without start(),
 * finish() writes every file itself, in the same order. Either way the folder appears whole or not at all.
 */
export class RunFolderWriter {
  private early: { trajectories: Float32Array; shape: readonly number[]; written: Promise<void> } | undefined
  /** the partial folder exists and is ours to remove */
  private created = false
  private closed = false

  /** `onClosed` runs once, when the write has finished or been discarded (e.g. releasing a claim on the folder) */
  constructor(
    readonly partialDir: string,
    private readonly onClosed?: () => void
  ) {}

  /**
   * Create the partial folder and begin writing `trajectories` (the run's, unchanged from here on) now;
   * `prepare` is awaited first (e.g. a check of the path). A failure surfaces in finish() or discard().
   */
  start(trajectories: Float32Array, shape: readonly [number, number, number], prepare?: () => Promise<void>): void {
    if (this.early || this.closed) throw new Error('this run folder write has already begun')
    const written = (async () => {
      await prepare?.()
      await this.open()
      await writeNpy(join(this.partialDir, 'trajectories.npy'), trajectories, shape)
    })()
    // observed by finish() or discard(); until then a failure must not count as unhandled
    written.catch(() => undefined)
    this.early = { trajectories, shape, written }
  }

  /** Write what start() has not, then rename the partial folder to `finalDir` (see writeRunFolder). */
  async finish(finalDir: string, content: RunContent, hooks: WriteHooks = {}): Promise<void> {
    if (this.closed) throw new Error('this run folder write has ended')
    const { manifest, trajectories, labels, extra = [] } = content
    const { partialDir } = this
    try {
      const shape = trajectoryShape(manifest)
      const extraParts = extra.map((f) => checkExtraPath(f.path))
      if (!this.early) await this.open()
      await hooks.beforeFile?.('trajectories.npy')
      if (this.early) {
        await this.early.written
        // the file written early must be this run's array
        if (this.early.trajectories !== trajectories || this.early.shape.join() !== shape.join())
          throw new Error("trajectories written early are not the run content's")
      } else await writeNpy(join(partialDir, 'trajectories.npy'), trajectories, shape)
      if (labels) {
        if (manifest.files.labels !== 'labels.npy') throw new MessageError(message('runs.labelsNotListed'))
        await hooks.beforeFile?.('labels.npy')
        await writeNpy(join(partialDir, 'labels.npy'), labels, [labels.length])
      }
      await hooks.beforeFile?.('metrics.csv')
      await writeSynced(join(partialDir, 'metrics.csv'), metricsCsv(manifest.metrics, manifest.dimension))
      for (let i = 0; i < extra.length; i++) {
        await hooks.beforeFile?.(extra[i].path)
        const target = join(partialDir, ...extraParts[i])
        await mkdir(dirname(target), { recursive: true })
        await writeSynced(target, extra[i].data)
      }
      await hooks.beforeFile?.(MANIFEST_FILE)
      // validate what we are about to keep: a run that would be listed as unreadable is a bug here
      const checked = RunManifestSchema.parse(manifest)
      await writeSynced(join(partialDir, MANIFEST_FILE), JSON.stringify(checked, null, 2) + '\n')
      await rm(join(partialDir, OWNER_FILE))
      await syncDir(partialDir)
      await rmdir(finalDir).catch((e: NodeJS.ErrnoException) => {
        if (e.code !== 'ENOENT') throw e
      })
      await rename(partialDir, finalDir)
      this.created = false
      await syncDir(dirname(finalDir))
    } catch (e) {
      await this.discard()
      throw e
    }
    this.close()
  }

  /** Give the write up: wait for an early write to end, then remove the partial folder (if this writer made it). */
  async discard(): Promise<void> {
    await this.early?.written.catch(() => undefined)
    if (this.created) {
      this.created = false
      await rm(this.partialDir, { recursive: true, force: true }).catch(() => undefined)
    }
    this.close()
  }

  /** the partial folder (which must not exist) with its owner file */
  private async open(): Promise<void> {
    await mkdir(dirname(this.partialDir), { recursive: true })
    await mkdir(this.partialDir)
    this.created = true
    await writeSynced(join(this.partialDir, OWNER_FILE), JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() }))
  }

  private close(): void {
    if (this.closed) return
    this.closed = true
    this.onClosed?.()
  }
}

export type ManifestRead = { ok: true; manifest: RunManifest } | { ok: false; problem: Message }

/** Read and validate `<dir>/run.json`; problems come back as a Message, never as a throw. */
export async function readManifest(dir: string): Promise<ManifestRead> {
  let text: string
  try {
    text = await readFile(join(dir, MANIFEST_FILE), 'utf8')
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    return { ok: false, problem: code === 'ENOENT' ? message('runs.manifestMissing') : message('runs.manifestUnreadable', { detail: code ?? String(e) }) }
  }
  let json: unknown
  try {
    json = parseJson(text)
  } catch (e) {
    return { ok: false, problem: message('runs.manifestNotJson', { detail: detailOf(e) }) }
  }
  const r = RunManifestSchema.safeParse(json)
  if (!r.success) {
    return { ok: false, problem: message('runs.manifestInvalid', { issues: zodIssuesMessage(r.error.issues, '(root)', 3) }) }
  }
  return { ok: true, manifest: r.data }
}
