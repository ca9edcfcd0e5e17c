// Durable writes for folders that are written whole and renamed into place (runs, analyses, layer
// reports): a file written and fsynced before it is closed, and a best-effort fsync of a directory.
import { open } from 'node:fs/promises'

/** Write `data` to `path` and fsync it; flag 'wx' refuses an existing file. */
export async function writeSynced(path: string, data: string | Uint8Array, flag: 'w' | 'wx' = 'w'): Promise<void> {
  const fh = await open(path, flag)
  try {
    await fh.writeFile(data)
    await fh.sync()
  } finally {
    await fh.close()
  }
}

/** fsync a directory so a rename inside it is durable; not possible on every platform (Windows), so best effort. */
export async function syncDir(path: string): Promise<void> {
  try {
    const fh = await open(path, 'r')
    try {
      await fh.sync()
    } finally {
      await fh.close()
    }
  } catch {
    // directories cannot be opened for sync on some platforms; the rename is still atomic
  }
}
