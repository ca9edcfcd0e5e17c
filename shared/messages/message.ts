// A user-facing text as data: a catalogue key and its params. Messages cross the contract, sit in run
// folders and travel in job progress; they become words only at the edge, in the reader's language (the
// renderer at display time, the CLI, logs and diagnostics in English). A param may itself be a Message
// (a reason inside a note); it is rendered in the same language.
import { fill } from './format'
import { ALL_MESSAGES, type MessageKey } from './catalogues'

/** the languages a Message renders in */
export type MessageLang = 'en' | 'ja'

export type MessageParam = string | number | Message

export interface Message {
  key: MessageKey
  params?: Record<string, MessageParam>
}

/** A Message; params are kept only when there are some, so Messages compare and serialise plainly. */
export function message(key: MessageKey, params?: Record<string, MessageParam>): Message {
  return params && Object.keys(params).length > 0 ? { key, params } : { key }
}

/** Whether `value` has a Message's shape with a key the catalogue knows (for data read back from disk or the wire). */
export function isMessageValue(value: unknown): value is Message {
  if (typeof value !== 'object' || value === null) return false
  const m = value as { key?: unknown; params?: unknown }
  if (typeof m.key !== 'string' || !Object.prototype.hasOwnProperty.call(ALL_MESSAGES, m.key)) return false
  return m.params === undefined || (typeof m.params === 'object' && m.params !== null && !Array.isArray(m.params))
}

const MAX_NESTING = 8

const GROUPED = new Intl.NumberFormat('en-US', { maximumFractionDigits: 20 })

/** Numbers as people read them in both languages: whole numbers of five digits or more grouped (1,000,000). */
function formatNumber(n: number): string {
  return Number.isInteger(n) && Math.abs(n) >= 10000 ? GROUPED.format(n) : String(n)
}

function renderParam(value: MessageParam, lang: MessageLang, depth: number): string {
  if (typeof value === 'string') return value
  if (typeof value === 'number') return formatNumber(value)
  return depth >= MAX_NESTING ? value.key : renderAt(value, lang, depth + 1)
}

function renderAt(m: Message, lang: MessageLang, depth: number): string {
  const entry = ALL_MESSAGES[m.key]
  // a key this build does not know (a folder written by a newer version): show the key, not nothing
  if (!entry) return m.key
  const params: Record<string, string> = {}
  for (const [name, value] of Object.entries(m.params ?? {})) params[name] = renderParam(value, lang, depth)
  return fill(entry[lang], params)
}

/** The Message in `lang`, nested Messages included. */
export function renderMessage(m: Message, lang: MessageLang): string {
  return renderAt(m, lang, 0)
}

/** The English of a Message: what the CLI prints, the log records and run.json keeps beside the Message. */
export function english(m: Message): string {
  return renderAt(m, 'en', 0)
}

/** Several Messages as one English line each, for logs and the CLI. */
export function englishLines(ms: readonly Message[]): string {
  return ms.map(english).join('\n')
}
