// The recoverable trash: runs/<id> (or runs/.incomplete/<id>) moves to runs/.trash/<id> with a
// trashed.json, and moves back on restore. Nothing here ever deletes a run's files.
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import writeFileAtomic from 'write-file-atomic'
import type { RunSummary } from '../../../shared/run'
import { EngineError } from '../errors'
import { INCOMPLETE_DIR, incompleteSummary } from './partials'
import { folderTime, summarizeFolder } from './summary'
import { message } from '../../../shared/messages'

export const TRASH_DIR = '.trash'
export const TRASHED_FILE = 'trashed.json'

type Origin = 'history' | 'incomplete'
interface Trashed {
  trashedAt: string
  from: Origin
}

const isDir = (p: string): Promise<boolean> =>
  stat(p).then(
    (s) => s.isDirectory(),
    () => false
  )
const originDir = (root: string, id: string, from: Origin): string => (from === 'incomplete' ? join(root, INCOMPLETE_DIR, id) : join(root, id))

export async function readTrashed(dir: string): Promise<Trashed> {
  try {
    const t = JSON.parse(await readFile(join(dir, TRASHED_FILE), 'utf8')) as Partial<Trashed>
    return { trashedAt: typeof t.trashedAt === 'string' ? t.trashedAt : await folderTime(dir), from: t.from === 'incomplete' ? 'incomplete' : 'history' }
  } catch {
    return { trashedAt: await folderTime(dir), from: 'history' }
  }
}

export async function trashRun(root: string, id: string): Promise<void> {
  const from: Origin | undefined = (await isDir(join(root, id))) ? 'history' : (await isDir(join(root, INCOMPLETE_DIR, id))) ? 'incomplete' : undefined
  if (!from) throw new EngineError('not-found', message('runs.noRun', { id }))
  const target = join(root, TRASH_DIR, id)
  if (await isDir(target)) throw new EngineError('busy', message('runs.trashHolds', { id }))
  await mkdir(join(root, TRASH_DIR), { recursive: true })
  await rename(originDir(root, id, from), target)
  const trashed: Trashed = { trashedAt: new Date().toISOString(), from }
  // the move is what matters; without the note the folder time stands in for trashedAt
  await writeFileAtomic(join(target, TRASHED_FILE), JSON.stringify(trashed) + '\n').catch(() => undefined)
}

export async function restoreRun(root: string, id: string): Promise<void> {
  const dir = join(root, TRASH_DIR, id)
  if (!(await isDir(dir))) throw new EngineError('not-found', message('runs.noRunInTrash', { id }))
  const { from } = await readTrashed(dir)
  const target = originDir(root, id, from)
  if (await isDir(target)) throw new EngineError('busy', message('runs.restoreTaken', { id }))
  await mkdir(join(target, '..'), { recursive: true })
  await rename(dir, target)
  await rm(join(target, TRASHED_FILE), { force: true }).catch(() => undefined)
}

export async function listTrash(root: string): Promise<RunSummary[]> {
  const parent = join(root, TRASH_DIR)
  const entries = await readdir(parent, { withFileTypes: true }).catch(() => [])
  return Promise.all(
    entries
      .filter((e) => e.isDirectory())
      .map(async (e): Promise<RunSummary> => {
        const dir = join(parent, e.name)
        const t = await readTrashed(dir)
        const s = t.from === 'incomplete' ? await incompleteSummary(dir, e.name) : await summarizeFolder(dir, e.name)
        return { ...s, trashedAt: t.trashedAt }
      })
  )
}
