// Interrupted saves: a `.partial-<id>` folder that no live writer owns (the app or machine stopped
// mid-write) is moved to runs/.incomplete/<id> with a reason file, and listed as 'incomplete'.
import { mkdir, readdir, readFile, rename, stat } from 'node:fs/promises'
import { join } from 'node:path'
import writeFileAtomic from 'write-file-atomic'
import type { RunSummary } from '../../../shared/run'
import { folderTime } from './summary'
import { OWNER_FILE, PARTIAL_PREFIX } from './run-folder'
import { english, message, type Message } from '../../../shared/messages'

export const INCOMPLETE_DIR = '.incomplete'
export const REASON_FILE = 'incomplete.json'
/** a partial folder this young without an owner file may be a writer in another process that just began */
const GRACE_MS = 10_000
/** no save takes this long: past it a 'live' owner pid has been reused by an unrelated process (e.g. after a reboot) */
const STALE_MS = 6 * 3600_000

/** Partial folders written by saves in flight in this process (absolute paths). */
const inFlight = new Set<string>()

export function claimPartial(path: string): void {
  inFlight.add(path)
}
export function releasePartial(path: string): void {
  inFlight.delete(path)
}

// the one reason ever written; the file keeps its English for people reading the folder
const INTERRUPTED = message('runs.interrupted')

async function ownedByLiveWriter(dir: string): Promise<boolean> {
  let pid: unknown
  try {
    pid = (JSON.parse(await readFile(join(dir, OWNER_FILE), 'utf8')) as { pid?: unknown }).pid
  } catch {
    const age = await stat(dir).then(
      (s) => Date.now() - s.mtimeMs,
      () => Infinity
    )
    return age < GRACE_MS
  }
  // our own partials are known by path; one with our pid that is not in flight is left over
  if (typeof pid !== 'number' || !Number.isSafeInteger(pid) || pid <= 0 || pid === process.pid) return false
  const age = await stat(dir).then(
    (s) => Date.now() - s.mtimeMs,
    () => Infinity
  )
  if (age > STALE_MS) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

async function freeName(parent: string, id: string): Promise<string> {
  const taken = new Set(await readdir(parent).catch(() => [] as string[]))
  if (!taken.has(id)) return id
  for (let i = 2; ; i++) if (!taken.has(`${id}.${i}`)) return `${id}.${i}`
}

/** Move every stale partial folder under `root` to `root/.incomplete`; never deletes anything. */
export async function setAsideStalePartials(root: string): Promise<void> {
  const entries = await readdir(root, { withFileTypes: true }).catch(() => [])
  for (const e of entries) {
    if (!e.isDirectory() || !e.name.startsWith(PARTIAL_PREFIX)) continue
    const dir = join(root, e.name)
    if (inFlight.has(dir) || (await ownedByLiveWriter(dir))) continue
    const parent = join(root, INCOMPLETE_DIR)
    await mkdir(parent, { recursive: true })
    const id = await freeName(parent, e.name.slice(PARTIAL_PREFIX.length) || 'run')
    const interruptedAt = await folderTime(dir)
    try {
      await rename(dir, join(parent, id))
    } catch {
      continue // gone meanwhile, or not movable now: try again on the next list
    }
    const reason = { reason: english(INTERRUPTED), interruptedAt, setAsideAt: new Date().toISOString(), folder: e.name }
    await writeFileAtomic(join(parent, id, REASON_FILE), JSON.stringify(reason, null, 2) + '\n').catch(() => undefined)
  }
}

async function readReason(dir: string): Promise<{ reason: Message; interruptedAt?: string }> {
  try {
    const r = JSON.parse(await readFile(join(dir, REASON_FILE), 'utf8')) as { reason?: unknown; interruptedAt?: unknown }
    return { reason: INTERRUPTED, ...(typeof r.interruptedAt === 'string' ? { interruptedAt: r.interruptedAt } : {}) }
  } catch {
    return { reason: INTERRUPTED }
  }
}

export async function incompleteSummary(dir: string, id: string): Promise<RunSummary> {
  const r = await readReason(dir)
  return { id, name: id, createdAt: r.interruptedAt ?? (await folderTime(dir)), status: 'incomplete', problem: r.reason }
}

export async function listIncomplete(root: string): Promise<RunSummary[]> {
  const parent = join(root, INCOMPLETE_DIR)
  const entries = await readdir(parent, { withFileTypes: true }).catch(() => [])
  return Promise.all(entries.filter((e) => e.isDirectory()).map((e) => incompleteSummary(join(parent, e.name), e.name)))
}
