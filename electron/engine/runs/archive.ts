// One run folder as a zip (runs.archive): every regular file under the folder, stored under <id>/ so
// unpacking gives the folder back. Symbolic links are skipped, so nothing outside the run is read.
import { lstat, readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { zipSync, type Zippable } from 'fflate'
import { LIMITS } from '../../../shared/limits'
import { EngineError } from '../errors'
import { message } from '../../../shared/messages'

/** a run is at most its trajectories plus metrics, model and metadata */
export const MAX_ARCHIVE_BYTES = LIMITS.maxTrajectoryBytes + 256 * 1024 * 1024
/** already dense binary: compressing costs time for little gain */
const STORED = /\.(npy|bin|zip)$/i

async function collect(dir: string, prefix: string, out: Zippable, budget: { bytes: number }): Promise<void> {
  for (const name of (await readdir(dir)).sort()) {
    const path = join(dir, name)
    const s = await lstat(path)
    if (s.isDirectory()) await collect(path, `${prefix}${name}/`, out, budget)
    else if (s.isFile()) {
      budget.bytes += s.size
      if (budget.bytes > MAX_ARCHIVE_BYTES) throw new EngineError('budget', message('runs.archiveTooLarge', { mib: MAX_ARCHIVE_BYTES / 2 ** 20 }))
      out[prefix + name] = [await readFile(path), { level: STORED.test(name) ? 0 : 6 }]
    }
  }
}

export async function zipFolder(dir: string, rootName: string): Promise<Uint8Array> {
  const files: Zippable = {}
  await collect(dir, `${rootName}/`, files, { bytes: 0 })
  return zipSync(files, { mtime: new Date() })
}
