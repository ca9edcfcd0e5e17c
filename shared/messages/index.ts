// The engine's messages: one catalogue of English and Japanese templates. The engine writes English
// through say(); the UI (and a Japanese CLI) turn any such text into the reader's language by localize().
import { fill, matcher, readParams, type Params } from './format'
import { localizeWith, type MessageLang } from './localize'
import { ANAGUI_MESSAGES } from './catalog-anagui'
import { CLIENT_MESSAGES } from './catalog-client'
import { ENGINE_MESSAGES } from './catalog-engine'
import { FIN13_MESSAGES } from './catalog-fin13'
import { HARDEN_MESSAGES } from './catalog-harden'
import { IMGUI_MESSAGES } from './catalog-imgui'
import { IMPORT_MESSAGES } from './catalog-import'
import { ONNX_MESSAGES } from './catalog-onnx'
import { RUNS_MESSAGES } from './catalog-runs'
import { SHIFT_MESSAGES } from './catalog-shift'
import { SPEC_MESSAGES } from './catalog-spec'
import { STEPS_MESSAGES } from './catalog-steps'
import { TRAINUI_MESSAGES } from './catalog-trainui'
import { VIEWS_MESSAGES } from './catalog-views'

export const CATALOGS = {
  anagui: ANAGUI_MESSAGES,
  client: CLIENT_MESSAGES,
  engine: ENGINE_MESSAGES,
  fin13: FIN13_MESSAGES,
  harden: HARDEN_MESSAGES,
  imgui: IMGUI_MESSAGES,
  import: IMPORT_MESSAGES,
  onnx: ONNX_MESSAGES,
  runs: RUNS_MESSAGES,
  shift: SHIFT_MESSAGES,
  spec: SPEC_MESSAGES,
  steps: STEPS_MESSAGES,
  trainui: TRAINUI_MESSAGES,
  views: VIEWS_MESSAGES
} as const

export const MESSAGES = {
  ...ANAGUI_MESSAGES,
  ...CLIENT_MESSAGES,
  ...ENGINE_MESSAGES,
  ...FIN13_MESSAGES,
  ...HARDEN_MESSAGES,
  ...IMGUI_MESSAGES,
  ...IMPORT_MESSAGES,
  ...ONNX_MESSAGES,
  ...RUNS_MESSAGES,
  ...SHIFT_MESSAGES,
  ...SPEC_MESSAGES,
  ...STEPS_MESSAGES,
  ...TRAINUI_MESSAGES,
  ...VIEWS_MESSAGES
}

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
