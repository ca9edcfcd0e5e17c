// Disk failures during a save (full, over quota, read-only, no permission) as plain 'io' errors that
// tell the user what happened and that nothing else was changed.
import { EngineError } from '../errors'
import { plainIoMessage } from '../io-messages'
import { message, type MessageKey } from '../../../shared/messages'

const MESSAGES: Record<string, MessageKey> = {
  ENOSPC: 'runs.diskFull',
  EDQUOT: 'runs.diskQuota',
  EROFS: 'runs.diskReadOnly',
  EACCES: 'runs.diskNoPermission',
  EPERM: 'runs.diskNoPermission'
}

/**
 * The plain 'io' error for a disk failure, or undefined when `e` is something else. `action` says what
 * could not be saved: a run (a save) or a change (a rename, tags, the trash).
 */
export function diskError(e: unknown, action: 'run' | 'change' = 'run'): EngineError | undefined {
  const code = (e as NodeJS.ErrnoException | null)?.code
  if (typeof code !== 'string' || !(code in MESSAGES)) return undefined
  return new EngineError('io', action === 'run' ? message(MESSAGES[code]) : plainIoMessage(code))
}
