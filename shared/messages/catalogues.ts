// Every message catalogue registered in one place: the keys a Message may carry, with their English and
// Japanese templates. The imports and the two tables below are regenerated when a catalogue file is added.
import type { Catalog } from './catalog'
import { ANAGUI_MESSAGES } from './catalog-anagui'
import { CLIENT_MESSAGES } from './catalog-client'
import { DATADAE_MESSAGES } from './catalog-datadae'
import { ENGINE_MESSAGES } from './catalog-engine'
import { ERRMSG_MESSAGES } from './catalog-errmsg'
import { FIN13_MESSAGES } from './catalog-fin13'
import { HARDEN_MESSAGES } from './catalog-harden'
import { IMGUI_MESSAGES } from './catalog-imgui'
import { IMPORT_MESSAGES } from './catalog-import'
import { NOTEMSG_MESSAGES } from './catalog-notemsg'
import { ONNX_MESSAGES } from './catalog-onnx'
import { ONNXSPEED_MESSAGES } from './catalog-onnxspeed'
import { POOL_MESSAGES } from './catalog-pool'
import { RUNS_MESSAGES } from './catalog-runs'
import { SHIFT_MESSAGES } from './catalog-shift'
import { SPEC_MESSAGES } from './catalog-spec'
import { STEPS_MESSAGES } from './catalog-steps'
import { TRAINUI_MESSAGES } from './catalog-trainui'
import { VALIDATION_MESSAGES } from './catalog-validation'
import { VIEWS_MESSAGES } from './catalog-views'

export const CATALOGS = {
  anagui: ANAGUI_MESSAGES,
  client: CLIENT_MESSAGES,
  datadae: DATADAE_MESSAGES,
  engine: ENGINE_MESSAGES,
  errmsg: ERRMSG_MESSAGES,
  fin13: FIN13_MESSAGES,
  harden: HARDEN_MESSAGES,
  imgui: IMGUI_MESSAGES,
  import: IMPORT_MESSAGES,
  notemsg: NOTEMSG_MESSAGES,
  onnx: ONNX_MESSAGES,
  onnxspeed: ONNXSPEED_MESSAGES,
  pool: POOL_MESSAGES,
  runs: RUNS_MESSAGES,
  shift: SHIFT_MESSAGES,
  spec: SPEC_MESSAGES,
  steps: STEPS_MESSAGES,
  trainui: TRAINUI_MESSAGES,
  validation: VALIDATION_MESSAGES,
  views: VIEWS_MESSAGES
} as const

export const MESSAGES = {
  ...ANAGUI_MESSAGES,
  ...CLIENT_MESSAGES,
  ...DATADAE_MESSAGES,
  ...ENGINE_MESSAGES,
  ...ERRMSG_MESSAGES,
  ...FIN13_MESSAGES,
  ...HARDEN_MESSAGES,
  ...IMGUI_MESSAGES,
  ...IMPORT_MESSAGES,
  ...NOTEMSG_MESSAGES,
  ...ONNX_MESSAGES,
  ...ONNXSPEED_MESSAGES,
  ...POOL_MESSAGES,
  ...RUNS_MESSAGES,
  ...SHIFT_MESSAGES,
  ...SPEC_MESSAGES,
  ...STEPS_MESSAGES,
  ...TRAINUI_MESSAGES,
  ...VALIDATION_MESSAGES,
  ...VIEWS_MESSAGES
}

export type MessageKey = keyof typeof MESSAGES

/** the union of all catalogues, as the looser type the template tools take */
export const ALL_MESSAGES: Catalog = MESSAGES
