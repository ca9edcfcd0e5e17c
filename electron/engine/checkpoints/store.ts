// Training checkpoints on disk: <workspace>/checkpoints/<key>/checkpoint.json, key = sha256 of the
// canonical spec (sorted keys, without its name), replaced atomically after every epoch and removed
// when the run succeeds. A damaged checkpoint is reported, never fatal.
import { createHash } from 'node:crypto'
import { mkdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import writeFileAtomic from 'write-file-atomic'
import type { ExperimentSpec } from '../../../shared/experiment'
import type { TrainingCheckpoint } from '../training/resume'
import { CheckpointUnusable, decodeCheckpoint, encodeCheckpoint } from './codec'
import type { Message } from '../../../shared/messages'
import { insideWorkspace } from '../inside-workspace'

export const CHECKPOINTS_DIR = 'checkpoints'
export const CHECKPOINT_FILE = 'checkpoint.json'

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical)
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const k of Object.keys(value).sort()) out[k] = canonical((value as Record<string, unknown>)[k])
    return out
  }
  return value
}

/** sha256 (hex) of the spec as JSON with sorted keys, without `name`: renaming a run keeps its checkpoint. */
export function specKey(spec: ExperimentSpec): string {
  const { name: _name, ...rest } = spec
  return createHash('sha256')
    .update(JSON.stringify(canonical(rest)))
    .digest('hex')
}

export function checkpointDir(workspace: string, key: string): string {
  return join(workspace, CHECKPOINTS_DIR, key)
}

export type LoadedCheckpoint = { kind: 'none' } | { kind: 'ok'; checkpoint: TrainingCheckpoint } | { kind: 'unusable'; reason: Message | string }

/** The checkpoint left for `key` by an interrupted run, if any and readable. */
export async function readCheckpoint(workspace: string, key: string): Promise<LoadedCheckpoint> {
  let text: string
  try {
    text = await readFile(await insideWorkspace(workspace, join(checkpointDir(workspace, key), CHECKPOINT_FILE)), 'utf8')
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'none' }
    return { kind: 'unusable', reason: (e as Error).message }
  }
  try {
    return { kind: 'ok', checkpoint: decodeCheckpoint(text, key) }
  } catch (e) {
    return { kind: 'unusable', reason: e instanceof CheckpointUnusable ? e.reason : (e as Error).message }
  }
}

/** Replaces the checkpoint atomically (write to a temporary file, fsync, rename). */
export async function writeCheckpoint(workspace: string, key: string, cp: TrainingCheckpoint): Promise<void> {
  const dir = checkpointDir(workspace, key)
  await insideWorkspace(workspace, join(dir, CHECKPOINT_FILE))
  await mkdir(dir, { recursive: true })
  await writeFileAtomic(join(dir, CHECKPOINT_FILE), encodeCheckpoint(key, cp))
}

export async function removeCheckpoint(workspace: string, key: string): Promise<void> {
  await insideWorkspace(workspace, checkpointDir(workspace, key))
  await rm(checkpointDir(workspace, key), { recursive: true, force: true })
}
