// The user's own metadata of a run (name, tags) in <run>/user.json, written atomically, so run.json
// stays exactly as the engine wrote it. An unreadable user.json is ignored, never fatal.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import writeFileAtomic from 'write-file-atomic'
import { z } from 'zod'

export const USER_FILE = 'user.json'

const UserMetaSchema = z.object({
  name: z.string().min(1).max(500).optional(),
  tags: z.array(z.string().max(100)).max(100).optional()
})
export type UserMeta = z.infer<typeof UserMetaSchema>

export async function readUserMeta(dir: string): Promise<UserMeta> {
  try {
    const r = UserMetaSchema.safeParse(JSON.parse(await readFile(join(dir, USER_FILE), 'utf8')))
    return r.success ? r.data : {}
  } catch {
    return {}
  }
}

/** Merge `patch` into the stored metadata (tags deduplicated, order kept) and write it atomically. */
export async function updateUserMeta(dir: string, patch: UserMeta): Promise<UserMeta> {
  const current = await readUserMeta(dir)
  const next: UserMeta = { ...current }
  if (patch.name !== undefined) next.name = patch.name
  if (patch.tags !== undefined) next.tags = [...new Set(patch.tags)]
  await writeFileAtomic(join(dir, USER_FILE), JSON.stringify(next, null, 2) + '\n', { fsync: true })
  return next
}
