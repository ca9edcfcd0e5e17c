// The engine's messages: one catalogue of English and Japanese templates. The engine writes English
// through say(); the UI (and a Japanese CLI) turn any such text into the reader's language by localize().
import { fill, matcher, readParams, type Params } from './format'
import { localizeWith, type MessageLang } from './localize'
import { CLIENT_MESSAGES } from './catalog-client'
import { ENGINE_MESSAGES } from './catalog-engine'
import { IMPORT_MESSAGES } from './catalog-import'
import { RUNS_MESSAGES } from './catalog-runs'
import { ANAGUI_MESSAGES } from './catalog-anagui'
import { SPEC_MESSAGES } from './catalog-spec'
import { SHIFT_MESSAGES } from './catalog-shift'

export const CATALOGS = { client: CLIENT_MESSAGES, engine: ENGINE_MESSAGES, import: IMPORT_MESSAGES, runs: RUNS_MESSAGES, spec: SPEC_MESSAGES, shift: SHIFT_MESSAGES, anagui: ANAGUI_MESSAGES } as const

export const MESSAGES = { ...CLIENT_MESSAGES, ...ENGINE_MESSAGES, ...IMPORT_MESSAGES, ...RUNS_MESSAGES, ...SPEC_MESSAGES, ...SHIFT_MESSAGES, ...ANAGUI_MESSAGES }

export type MessageKey = keyof typeof MESSAGES

/** The English text of a message: what errors, notes and logs carry. */
export function say(key: MessageKey, params?: Params): string {
  return fill(MESSAGES[key].en, params)
}

/** Whether `text` is the English of message `key` (with any params): how the UI tells kinds of text apart. */
export function isMessage(text: string, key: MessageKey): boolean {
  return readParams(matcher(MESSAGES[key].en), text) !== null
}

/** An English engine text (or several joined by "; " or newlines) in `lang`; non-messages pass through. */
export function localize(text: string, lang: MessageLang): string {
  return localizeWith(MESSAGES, text, lang)
}

export type { Params } from './format'
export type { MessageLang } from './localize'
