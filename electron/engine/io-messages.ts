// Operating-system errors (ENOSPC, EROFS, ENOENT, ...) as plain catalogue messages: what happened and
// what to do, without the machine's paths or Node's "EROFS: read-only file system, open '/home/...'"
// wording (which toApiError used to prefix with the code again: "EROFS: EROFS: ...").
import { sep } from 'node:path'
import { say, type MessageKey } from '../../shared/messages'

const PLAIN: Record<string, MessageKey> = {
  ENOSPC: 'harden.diskFull',
  EDQUOT: 'harden.diskQuota',
  EROFS: 'harden.diskReadOnly',
  EACCES: 'harden.diskNoPermission',
  EPERM: 'harden.diskNoPermission',
  ENOENT: 'harden.ioMissing',
  ENOTDIR: 'harden.ioMissing',
  ENAMETOOLONG: 'harden.ioNameTooLong',
  EMFILE: 'harden.ioBusy',
  ENFILE: 'harden.ioBusy',
  EBUSY: 'harden.ioBusy',
  EIO: 'harden.ioDevice'
}

/** The error's errno code ('ENOSPC', ...) when it is an operating-system error. */
export function errnoOf(e: unknown): string | undefined {
  const code = (e as NodeJS.ErrnoException | null)?.code
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) ? code : undefined
}

/** The plain message of an operating-system error code (no paths). */
export function plainIoMessage(code: string): string {
  const key = PLAIN[code]
  return key ? say(key) : say('harden.ioFailed', { code })
}

/**
 * What went wrong, for a message's {detail}: an operating-system error in plain words, else the message,
 * with the folder `within` (the run's or dataset's own folder) taken out of the paths it names.
 */
export function detailOf(e: unknown, within?: string): string {
  const errno = errnoOf(e)
  const text = errno ? plainIoMessage(errno) : e instanceof Error ? e.message : String(e)
  return within ? text.split(within + sep).join('') : text
}
