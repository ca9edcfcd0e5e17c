// Workspace containment: a path a store reads or writes is resolved to its real path (links followed, the
// missing tail of a path about to be created taken as written) and refused when it leaves the workspace,
// so a link planted in the workspace (a run folder pointing at /etc, a user.json pointing at a file
// elsewhere) makes the app neither read, archive, move nor write anything outside it. The workspace folder
// itself may be a link (the user's choice of where it lives): the boundary is its real path.
import { realpathSync } from 'node:fs'
import { realpath } from 'node:fs/promises'
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path'
import { message } from '../../shared/messages'
import { EngineError } from './errors'

/** A path that resolves outside the workspace; the message names the file within it, never a machine path. */
export class OutsideWorkspaceError extends EngineError {
  constructor(readonly inside: string) {
    super('invalid-request', message('harden.outsideWorkspace', { path: inside }))
    this.name = 'OutsideWorkspaceError'
  }
}

const missing = (e: unknown): boolean => (e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR'

function within(root: string, real: string): boolean {
  const rel = relative(root, real)
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
}

/** The real path of `path`: of its deepest existing ancestor, with the parts that do not exist yet appended. */
async function realOf(path: string): Promise<string> {
  const tail: string[] = []
  let p = resolve(path)
  for (;;) {
    try {
      return join(await realpath(p), ...tail.reverse())
    } catch (e) {
      if (!missing(e) || dirname(p) === p) throw e
      tail.push(basename(p))
      p = dirname(p)
    }
  }
}

function realOfSync(path: string): string {
  const tail: string[] = []
  let p = resolve(path)
  for (;;) {
    try {
      return join(realpathSync(p), ...tail.reverse())
    } catch (e) {
      if (!missing(e) || dirname(p) === p) throw e
      tail.push(basename(p))
      p = dirname(p)
    }
  }
}

/** The path as seen from the workspace (for messages): 'runs/<id>/user.json'. */
const shown = (workspace: string, path: string): string => relative(resolve(workspace), resolve(path)).split('\\').join('/') || '.'

/**
 * `path` (under `workspace`) if its real path stays inside the workspace's real path; otherwise an
 * OutsideWorkspaceError. Returns the path as given (callers keep their own names for messages).
 */
export async function insideWorkspace(workspace: string, path: string): Promise<string> {
  const [root, real] = await Promise.all([realOf(workspace), realOf(path)])
  if (!within(root, real)) throw new OutsideWorkspaceError(shown(workspace, path))
  return path
}

/** insideWorkspace for the synchronous writers (the rotating log). */
export function insideWorkspaceSync(workspace: string, path: string): string {
  if (!within(realOfSync(workspace), realOfSync(path))) throw new OutsideWorkspaceError(shown(workspace, path))
  return path
}

/** Every one of `paths` inside the workspace (see insideWorkspace); in order, so the first that leaves is named. */
export async function allInsideWorkspace(workspace: string, paths: string[]): Promise<void> {
  for (const p of paths) await insideWorkspace(workspace, p)
}
