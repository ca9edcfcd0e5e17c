// Disk failures during a save (full, over quota, read-only, no permission) as plain 'io' errors that
// tell the user what happened and that nothing else was changed.
import { EngineError } from '../errors'

const MESSAGES: Record<string, string> = {
  ENOSPC: 'The disk is full: the run could not be saved; free space and run again. Nothing else was changed.',
  EDQUOT: 'The disk quota is used up: the run could not be saved; free space and run again. Nothing else was changed.',
  EROFS: 'The workspace is on a read-only disk: the run could not be saved; choose another workspace folder. Nothing else was changed.',
  EACCES: 'Nagare may not write to the workspace folder: the run could not be saved; check its permissions or choose another folder. Nothing else was changed.',
  EPERM: 'Nagare may not write to the workspace folder: the run could not be saved; check its permissions or choose another folder. Nothing else was changed.'
}

/** The plain 'io' error for a disk failure, or undefined when `e` is something else. */
export function diskError(e: unknown): EngineError | undefined {
  const code = (e as NodeJS.ErrnoException | null)?.code
  if (typeof code !== 'string' || !(code in MESSAGES)) return undefined
  return new EngineError('io', MESSAGES[code])
}
