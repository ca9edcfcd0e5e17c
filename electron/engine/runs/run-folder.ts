// Writing one run folder all-or-nothing: every file goes into a partial folder and is fsynced, then the
// folder is renamed into place. Any failure (or a cancel raised by a hook) removes the partial folder,
// so a reader never sees half a run. Also reads and validates a run folder's manifest.
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
  const { manifest, trajectories, labels, extra = [] } = content
  const shape = trajectoryShape(manifest)
  const extraParts = extra.map((f) => checkExtraPath(f.path))
  await mkdir(dirname(partialDir), { recursive: true })
  await mkdir(partialDir)
  try {
    await writeSynced(join(partialDir, OWNER_FILE), JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() }))
    await hooks.beforeFile?.('trajectories.npy')
    await writeNpy(join(partialDir, 'trajectories.npy'), trajectories, shape)
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
    await syncDir(dirname(finalDir))
  } catch (e) {
    await rm(partialDir, { recursive: true, force: true }).catch(() => undefined)
    throw e
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
