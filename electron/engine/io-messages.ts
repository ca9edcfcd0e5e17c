// Operating-system errors (ENOSPC, EROFS, ENOENT, ...) as plain catalogue messages: what happened and
// what to do, without the machine's paths or Node's "EROFS: read-only file system, open '/home/...'"
// wording (which toApiError used to prefix with the code again: "EROFS: EROFS: ...").
import { sep } from 'node:path'
import { english, type Message, message, type MessageKey, messageOf, type MessageParam } from '../../shared/messages'

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
export function plainIoMessage(code: string): Message {
  const key = PLAIN[code]
  return key ? message(key) : message('harden.ioFailed', { code })
}

/**
 * What went wrong, for a message's {detail}: an operating-system error in plain words, an error's own
 * Message when it carries one, else its text with the folder `within` (the run's or dataset's own folder)
 * taken out of the paths it names.
 */
export function detailOf(e: unknown, within?: string): MessageParam {
  const errno = errnoOf(e)
  if (errno) return plainIoMessage(errno)
  const carried = messageOf(e)
  if (carried) return within ? withoutFolder(carried, within) : carried
  const text = e instanceof Error ? e.message : String(e)
  return within ? text.split(within + sep).join('') : text
}

/**
 * The Message with the folder `within` taken out of the paths its text params name (nested ones too): a
 * path below it keeps its part below it, and the folder itself becomes `as` (what the user calls it).
 */
export function withoutFolder(m: Message, within: string, as: MessageParam = '.'): Message {
  if (!m.params) return m
  const params: Record<string, MessageParam> = {}
  for (const [k, v] of Object.entries(m.params)) {
    if (typeof v === 'number') params[k] = v
    else if (typeof v !== 'string') params[k] = withoutFolder(v, within, as)
    else if (v === within) params[k] = as
    else
      params[k] = v
        .split(within + sep)
        .join('')
        .split(within)
        .join(typeof as === 'object' ? english(as) : String(as))
  }
  return message(m.key, params)
}

/** detailOf as English text, for the notes and logs that are still text. */
export function detailText(e: unknown, within?: string): string {
  const d = detailOf(e, within)
  return typeof d === 'object' ? english(d) : String(d)
}
